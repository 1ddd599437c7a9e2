import panelCss from '@/components/panel.css?inline';
import { createIsland, type Island, overlayCss } from '../content/host';

/** The Migrate panel's island (or the damaged-record notice in its place): the overlay's styles and the panel's own. */
export const createPanelIsland = (): Island =>
  createIsland('panel', null, (host) => document.body.append(host), overlayCss + panelCss);

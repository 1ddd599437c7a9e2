import panelCss from '@/components/panel.css?inline';
import { createIsland, type Island, overlayCss } from '../content/host';

/** How wide the Migrate panel is (panel.css reads it): the page keeps exactly this much free for it. */
export const PANEL_WIDTH = '440px';

/**
 * The Migrate panel's island (or the damaged-record notice in its place): the overlay's styles and
 * the panel's own. It is fixed at the right edge, and the page is narrowed by its width while it is
 * open, so the portal's rows reflow beside it (their Status, Quantity and banners stay readable).
 */
export const createPanelIsland = (): Island =>
  createIsland('panel', null, (host) => document.body.append(host), {
    css: overlayCss + panelCss,
    edge: (host) => {
      host.style.setProperty('--pcma-panel-width', PANEL_WIDTH);
      return reserveRight(host.ownerDocument.documentElement, PANEL_WIDTH);
    },
  });

/**
 * Who keeps the right edge of a page free, and the root's own margin from before the first of them,
 * put back when the last one goes (a damaged-record notice and a panel may overlap for a moment).
 */
const reserved = new WeakMap<HTMLElement, { count: number; previous: string }>();

/** Narrows the page by `width` at its right (the root's margin), until the returned function is called. */
function reserveRight(root: HTMLElement, width: string): () => void {
  const held = reserved.get(root) ?? { count: 0, previous: root.style.marginRight };
  held.count++;
  reserved.set(root, held);
  root.style.marginRight = width;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.count--;
    if (held.count > 0) return;
    reserved.delete(root);
    root.style.marginRight = held.previous;
  };
}

import type { Lang } from '@/lib/i18n';
import type { PanelEvents, PanelModel } from './panel-model';

/** What each step's own body (between its title and its button) is given. */
export interface StepBodyProps {
  lang: Lang;
  model: PanelModel;
  /** The replacement's name as the agent buys it. */
  offerName: string;
  /** A step runs here or in another tab: nothing else may start. */
  busy: boolean;
  events: PanelEvents;
}

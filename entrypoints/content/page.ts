import type { Lang } from '@/lib/i18n/overlay';
import type { RetiringItem } from '@/lib/overlay/assess';
import type { PortalRoute } from '@/lib/portal/routes';
import type { PanelsApi } from './bridge';

/** What a feature gets when its page starts: the route, the agent's language, and a signal navigation aborts. */
export interface PageContext {
  route: PortalRoute;
  lang: Lang;
  signal: AbortSignal;
  /** Shows one plain message for this page (the first one wins; later ones are dropped). */
  notify(text: string): void;
  /**
   * The customer's retiring subscriptions, assessed once per page (the banners and the resume check
   * share it); null on a page without a customer, when a read failed (the notice says why) or on leaving.
   */
  retiring(): Promise<RetiringItem[] | null>;
  /**
   * The tab's Migrate panels (one open at a time), shared by every page of the tab, loaded on first
   * use (panel-loader.ts); null when loading failed, which the page's notice has said.
   */
  panels(): Promise<PanelsApi | null>;
  /** Starts loading the panels without opening one (the agent is about to click Migrate); says nothing if that fails. */
  preparePanels(): void;
  /**
   * The agent clicked Migrate: the customer's products are read from now on, while the panel's
   * script may still be loading, and the panel opens with that read.
   */
  openPanel(item: RetiringItem): Promise<void>;
}

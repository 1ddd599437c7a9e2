import type { ApiResult, CustomerCache, SessionClient, SubscribedSku } from '@/lib/api';
import type { Lang } from '@/lib/i18n/overlay';
import type { RetiringItem } from '@/lib/overlay/assess';
import type { CustomerReads } from '@/lib/overlay/assess-reads';
import type { LazyScript } from '@/lib/overlay/messages';
import type { BadgePage } from '../customer-badges/badges';

/**
 * Every portal page loads only this content script, which finds what retires and draws the banners
 * and badges. The rest ships as scripts the background injects into the tab on demand
 * (lib/overlay/messages.ts LAZY_SCRIPTS): `assess` (the replacement picker and the full catalog) once
 * a customer turns out to hold a retiring subscription, `migrate-panel` when the agent opens a panel
 * or a migration must be resumed, `customer-badges` on the customer list. All run in the extension's isolated world and share its global
 * object (the page's scripts see none of it): the content script lends its services there before
 * asking for a script, and each script, when it runs, offers its API there.
 */

/** What the content script lends the panel: its one session client and cache, and a page re-assessment. */
export interface PanelServices {
  client: SessionClient;
  cache: CustomerCache;
  /** After every step: the page's banners and badges are assessed again from fresh reads. */
  onStepEnd(): void;
  /**
   * The customer's products as read from the agent's click on Migrate, handed once (the panel takes
   * it as it opens, and any later opening reads again); null when no read was started for this customer.
   */
  takeSkus(tenantId: string): Promise<ApiResult<SubscribedSku[]>> | null;
}

/** What the panel script offers. */
export interface PanelsApi {
  show(item: RetiringItem, lang: Lang): Promise<void>;
  resume(items: readonly RetiringItem[], lang: Lang): Promise<void>;
  closeUnlessFor(tenantId: string | null): void;
}

/** What the assess script offers: the banners' items, with the picker's recommendation, from the built-in catalog. */
export interface AssessApi {
  assess(reads: CustomerReads, today: string): RetiringItem[];
}

/** What the customer list's badges script offers: draw and keep the badges on this page. */
export interface BadgesApi {
  run(page: BadgePage): Promise<void>;
}

export interface LazyApis {
  assess: AssessApi;
  'migrate-panel': PanelsApi;
  'customer-badges': BadgesApi;
}

const SERVICES = Symbol.for('pcma.panel-services');
const APIS = Symbol.for('pcma.lazy-apis');
type Slots = { [SERVICES]?: PanelServices; [APIS]?: Partial<LazyApis> };
const slots = globalThis as Slots;

export const lendPanelServices = (services: PanelServices): void => void (slots[SERVICES] = services);
export const lentPanelServices = (): PanelServices | undefined => slots[SERVICES];

export function offer<K extends LazyScript>(name: K, api: LazyApis[K]): void {
  slots[APIS] = { ...slots[APIS], [name]: api };
}

export const offered = <K extends LazyScript>(name: K): LazyApis[K] | undefined => slots[APIS]?.[name];

import { browser } from 'wxt/browser';
import type { RetiringItem } from '@/lib/overlay/assess';
import { t } from '@/lib/i18n/overlay';
import { customerPage } from '@/lib/overlay/messages';
import { lazyScript } from '../lazy';
import type { PortalRoute } from '@/lib/portal/routes';
import type { PageContext } from '../page';
import { detailBanner } from './detail-banner';
import { subscriptionBanners } from './subscription-banners';

/**
 * One feature of the overlay, the refined-github way: where it runs, and what it does there. `init`
 * gets the page's context, whose signal navigation aborts; a feature that fails takes no other down.
 */
export interface Feature {
  name: string;
  include(route: PortalRoute): boolean;
  init(page: PageContext): Promise<void>;
}

const onCustomer = (route: PortalRoute) => route.tenantId !== null;
const send = (message: unknown) => browser.runtime.sendMessage(message);
const loadBadges = lazyScript('customer-badges');
const migrate = (page: PageContext) => (item: RetiringItem) => void page.openPanel(item);

export const FEATURES: readonly Feature[] = [
  {
    // After a reload, a closed tab or a restart: bring back the panel of a migration left mid-step.
    // Opened from the worklist (a row, or "Next" after step C): open the panel the agent chose there.
    // Asking records the visit in the background store (out of the page's reach); nothing is shown
    // for it: a visit count tells the agent nothing.
    name: 'customer-page',
    include: onCustomer,
    async init(page) {
      const tenantId = page.route.tenantId;
      if (!tenantId) return;
      // The background is asked first: the panel's script loads only when a migration waits for it.
      const [items, { interrupted, open: chosen }] = await Promise.all([page.retiring(), customerPage(send, tenantId, page.route.page)]);
      if (!items || page.signal.aborted) return;
      const chosenItem = chosen ? items.find((i) => i.subscription.id.toLowerCase() === chosen) : undefined;
      // A migration stopped mid-step comes first: settling it is what keeps the money and licenses safe.
      const stopped = items.some((i) => interrupted.includes(i.subscription.id.toLowerCase()));
      if (!chosenItem && !stopped) return;
      const panels = await page.panels();
      if (!panels || page.signal.aborted) return;
      if (stopped) await panels.resume(items, page.lang);
      else if (chosenItem) await panels.show(chosenItem, page.lang);
    },
  },
  {
    name: 'subscription-banners',
    include: (route) => route.page === 'subscriptions',
    init: (page) => subscriptionBanners(page, migrate(page)),
  },
  {
    name: 'detail-banner',
    include: (route) => route.page === 'subscription-detail',
    init: (page) => detailBanner(page, migrate(page)),
  },
  {
    // Loaded only here (entrypoints/customer-badges): other portal pages do not carry the badges.
    name: 'customer-badges',
    include: (route) => route.page === 'customer-list',
    async init(page) {
      const badges = await loadBadges();
      if (!badges) page.notify(t(page.lang, 'loadFailed'));
      else if (!page.signal.aborted) await badges.run(page);
    },
  },
];

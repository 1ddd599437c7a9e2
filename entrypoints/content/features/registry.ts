import { browser } from 'wxt/browser';
import { askStore } from '@/lib/store/client';
import type { PortalRoute } from '@/lib/portal/routes';
import type { PageContext } from '../page';
import { customerBadges } from './customer-badges';
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

export const FEATURES: readonly Feature[] = [
  {
    // After a reload, a closed tab or a restart: bring back the panel of a migration left mid-step.
    name: 'resume-migration',
    include: onCustomer,
    async init(page) {
      const items = await page.retiring();
      if (items && !page.signal.aborted) await page.panels.resume(items, page.lang);
    },
  },
  {
    name: 'subscription-banners',
    include: (route) => route.page === 'subscriptions',
    init: (page) => subscriptionBanners(page, (item) => void page.panels.show(item, page.lang)),
  },
  {
    name: 'detail-banner',
    include: (route) => route.page === 'subscription-detail',
    init: (page) => detailBanner(page, (item) => void page.panels.show(item, page.lang)),
  },
  { name: 'customer-badges', include: (route) => route.page === 'customer-list', init: customerBadges },
  {
    // The visit is recorded in the background store (out of the page's reach). Nothing is shown for
    // it: a floating box would cover the portal's rows, and a visit count tells the agent nothing. A
    // store that fails is said where it matters, by the Migrate panel.
    name: 'record-visit',
    include: onCustomer,
    async init(page) {
      const tenantId = page.route.tenantId;
      if (page.signal.aborted || !tenantId) return;
      const visit = { type: 'customer.visit', tenantId, page: page.route.page } as const;
      await askStore((m) => browser.runtime.sendMessage(m), visit);
    },
  },
];

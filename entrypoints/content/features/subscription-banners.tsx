import { Banner } from '@/components/Banner';
import { Summary } from '@/components/Summary';
import { builtInCatalog } from '@/lib/catalog';
import { t } from '@/lib/i18n';
import { assessRetiring, type RetiringItem } from '@/lib/overlay/assess';
import { apiMessage, toCustomerInfo, toSubscribedSkus } from '@/lib/overlay/from-api';
import { observeDeep, WaitTimeout, waitFor } from '@/lib/portal/observe';
import { findSubscriptionRows, gridOf, TARGETS } from '@/lib/portal/pages/targets';
import { cache } from '../session';
import { createIsland, type Island, localToday } from '../host';
import type { PageContext } from '../page';

/** Everything the banners need about one customer, read through the session (cached per customer). */
export async function loadRetiring(ctx: PageContext, tenantId: string): Promise<RetiringItem[] | null> {
  const { signal, lang, notify } = ctx;
  const [customer, qualifications, subscriptions, skus] = await Promise.all([
    cache.getCustomer(tenantId, { signal }),
    cache.getQualifications(tenantId, { signal }),
    cache.listSubscriptions(tenantId, { signal }),
    cache.listSubscribedSkus(tenantId, { signal }),
  ]);
  if (signal.aborted) return null;
  for (const r of [customer, qualifications, subscriptions, skus]) {
    if (!r.ok) {
      notify(t(lang, apiMessage(r.error)));
      return null;
    }
  }
  if (!customer.ok || !qualifications.ok || !subscriptions.ok || !skus.ok) return null;
  const country = customer.data.billingProfile?.defaultAddress?.country || 'US';
  const offers = await cache.listOffers(country, { signal });
  if (signal.aborted) return null;
  if (!offers.ok) {
    notify(t(lang, apiMessage(offers.error)));
    return null;
  }
  return assessRetiring({
    catalog: builtInCatalog,
    customer: toCustomerInfo(customer.data, qualifications.data),
    subscriptions: subscriptions.data.map((s) => ({ ...s, offerName: s.offerName ?? s.friendlyName })),
    offers: offers.data,
    subscribedSkus: toSubscribedSkus(skus.data),
    today: localToday(),
  });
}

/**
 * The subscriptions page: a banner in the row of each retiring subscription and a summary above the
 * grid, kept in step with the grid as its rows render, page, sort or filter in place.
 */
export async function subscriptionBanners(ctx: PageContext, onMigrate: (item: RetiringItem) => void): Promise<void> {
  const { route, lang, signal, notify } = ctx;
  const tenantId = route.tenantId;
  if (!tenantId) return;
  const items = await loadRetiring(ctx, tenantId);
  if (!items || items.length === 0 || signal.aborted) return;

  const rows = () => findSubscriptionRows(document, location.href, tenantId);
  try {
    await waitFor(() => (rows().size > 0 ? true : null), { signal, timeoutMs: 10_000, what: 'subscription rows' });
  } catch (error) {
    if (error instanceof WaitTimeout) notify(t(lang, 'pageProblem', { what: TARGETS.subscriptionRows.what[lang] }));
    return;
  }

  const banners = new Map<string, Island>();
  let summary: Island | null = null;
  const sync = () => {
    if (signal.aborted) return;
    const found = rows();
    for (const item of items) {
      const id = item.subscription.id.toLowerCase();
      const target = found.get(id);
      const banner = banners.get(id);
      if (banner && target && banner.host.isConnected && banner.host.parentNode === target.cell) continue;
      banner?.remove();
      banners.delete(id);
      if (target) {
        const ui = <Banner lang={lang} item={item} onMigrate={onMigrate} />;
        banners.set(id, createIsland('banner', ui, (host) => target.cell.append(host)));
      }
    }
    const first = found.values().next().value;
    const grid = first ? gridOf(first.row) : null;
    if (grid && !(summary?.host.isConnected && summary.host.nextElementSibling === grid)) {
      summary?.remove();
      summary = createIsland('summary', <Summary lang={lang} items={items} />, (host) => grid.before(host));
    }
  };
  sync();
  observeDeep(document, sync, signal);
  signal.addEventListener('abort', () => {
    for (const banner of banners.values()) banner.remove();
    summary?.remove();
  });
}

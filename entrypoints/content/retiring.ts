import { builtInCatalog } from '@/lib/catalog';
import { t } from '@/lib/i18n';
import { assessRetiring, type RetiringItem } from '@/lib/overlay/assess';
import { apiMessage, toCustomerInfo, toSubscribedSkus } from '@/lib/overlay/from-api';
import { localToday } from '@/lib/overlay/assess';
import type { PageContext } from './page';
import { cache } from './session';

/** Everything the banners need about one customer, read through the session (cached per customer). */
export async function loadRetiring(
  ctx: Pick<PageContext, 'signal' | 'lang' | 'notify'>,
  tenantId: string,
): Promise<RetiringItem[] | null> {
  const { signal, lang, notify } = ctx;
  const [customer, qualifications, subscriptions, skus, users] = await Promise.all([
    cache.getCustomer(tenantId, { signal }),
    cache.getQualifications(tenantId, { signal }),
    cache.listSubscriptions(tenantId, { signal }),
    cache.listSubscribedSkus(tenantId, { signal }),
    // Only their number: it lets license counts prove that users already have the service.
    cache.listUsers(tenantId, { signal }),
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
    ...(users.ok ? { userCount: users.data.length } : {}),
    today: localToday(),
  });
}


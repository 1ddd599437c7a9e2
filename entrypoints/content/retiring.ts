import { retiredIndex } from '@/lib/catalog/retired-index';
import { t } from '@/lib/i18n/overlay';
import type { RetiringItem } from '@/lib/overlay/assess';
import { localToday } from '@/lib/overlay/days';
import { apiMessage } from '@/lib/overlay/from-api';
import { retiringMatch } from '@/lib/overlay/retiring-rule';
import type { AssessApi } from './bridge';
import type { PageContext } from './page';
import { cache } from './session';

/**
 * Everything the banners need about one customer, read through the session (cached per customer).
 * Whether anything retires is decided here, from the catalog's list of retired offers; only then is
 * the assess script (the picker, the full catalog) loaded to recommend a replacement for each.
 */
export async function loadRetiring(
  ctx: Pick<PageContext, 'signal' | 'lang' | 'notify'>,
  tenantId: string,
  loadAssess: () => Promise<AssessApi | null>,
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
  const named = (s: (typeof subscriptions.data)[number]) => ({ offerId: s.offerId, offerName: s.offerName ?? s.friendlyName, status: s.status });
  if (!subscriptions.data.some((s) => retiringMatch(retiredIndex, named(s)))) return [];
  const country = customer.data.billingProfile?.defaultAddress?.country || 'US';
  const [offers, assess] = await Promise.all([cache.listOffers(country, { signal }), loadAssess()]);
  if (signal.aborted) return null;
  if (!offers.ok) {
    notify(t(lang, apiMessage(offers.error)));
    return null;
  }
  if (!assess) {
    notify(t(lang, 'loadFailed'));
    return null;
  }
  const reads = {
    customer: customer.data,
    qualifications: qualifications.data,
    subscriptions: subscriptions.data,
    skus: skus.data,
    offers: offers.data,
    ...(users.ok ? { userCount: users.data.length } : {}),
  };
  return assess.assess(reads, localToday());
}

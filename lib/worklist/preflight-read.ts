import type { ApiResult, Offer, SessionClient } from '@/lib/api';
import type { Catalog } from '@/lib/catalog';
import { countryOf } from '@/lib/migration/prepare';
import { assessReads } from '@/lib/overlay/assess-reads';
import { finishedPreflight, preflightOf } from './preflight';
import type { CustomerPreflight, SubscriptionPreflight } from './preflight-state';
import type { RetiringSubscription } from './state';

/** The reads of a pre-flight check; the background's session client (paced by the scan's scheduler) provides them. */
export type PreflightApi = Pick<
  SessionClient,
  'getCustomer' | 'getQualifications' | 'listSubscriptions' | 'listSubscribedSkus' | 'listUsers' | 'listOffers' | 'getUserLicenses'
>;

export interface PreflightContext {
  catalog: Catalog;
  /** Today as YYYY-MM-DD in the agent's time zone (the picker's input, as the banners give it). */
  today: string;
  now: () => number;
  signal?: AbortSignal;
  /** The offers list per country, shared by every check of a pass: one read per country, not per customer. */
  offers: Map<string, Promise<ApiResult<Offer[]>>>;
}

const failed = (at: number, reason: string): CustomerPreflight => ({ checkedAt: at, subscriptions: {}, failure: reason });

/**
 * Checks one customer before its migration: reads it as the banners do (customer, qualifications,
 * subscriptions, products, users, offers), plus the licenses of every user without a usage location,
 * and judges each of its retiring subscriptions. Null when stopped (nothing to store); a failed read
 * is the customer's failure, stored with its reason and checked again next time.
 */
export async function checkCustomer(
  api: PreflightApi,
  customerId: string,
  retiring: readonly RetiringSubscription[],
  ctx: PreflightContext,
): Promise<CustomerPreflight | null> {
  const o = { signal: ctx.signal };
  const [customer, qualifications, subscriptions, skus, users] = await Promise.all([
    api.getCustomer(customerId, o),
    api.getQualifications(customerId, o),
    api.listSubscriptions(customerId, o),
    api.listSubscribedSkus(customerId, o),
    api.listUsers(customerId, o),
  ]);
  if (ctx.signal?.aborted) return null;
  for (const r of [customer, qualifications, subscriptions, skus, users]) if (!r.ok) return failed(ctx.now(), r.error.kind);
  if (!customer.ok || !qualifications.ok || !subscriptions.ok || !skus.ok || !users.ok) return null;

  const country = countryOf(customer.data);
  const offersRead = ctx.offers.get(country) ?? api.listOffers(country, o);
  ctx.offers.set(country, offersRead);
  const offers = await offersRead;
  // A failed offers read is not kept for the rest of the pass: the next customer asks again.
  if (!offers.ok) ctx.offers.delete(country);
  const unlocatedUsers = users.data.filter((u) => !u.usageLocation?.trim());
  const licenses = await Promise.all(unlocatedUsers.map((u) => api.getUserLicenses(customerId, u.id, o)));
  if (ctx.signal?.aborted) return null;
  if (!offers.ok) return failed(ctx.now(), offers.error.kind);
  const unlocated: string[][] = [];
  for (const l of licenses) {
    if (!l.ok) return failed(ctx.now(), l.error.kind);
    unlocated.push(l.data.map((x) => x.productSku.id.toLowerCase()));
  }

  const items = assessReads(
    ctx.catalog,
    {
      customer: customer.data,
      qualifications: qualifications.data,
      subscriptions: subscriptions.data,
      skus: skus.data,
      offers: offers.data,
      userCount: users.data.length,
    },
    ctx.today,
  );
  const result: Record<string, SubscriptionPreflight> = {};
  for (const sub of retiring) {
    const id = sub.subscriptionId.toLowerCase();
    const item = items.find((i) => i.subscription.id.toLowerCase() === id);
    result[id] = item
      ? preflightOf({ tenantId: customerId, item, customer: customer.data, skus: skus.data, offers: offers.data, unlocated })
      : finishedPreflight();
  }
  return { checkedAt: ctx.now(), subscriptions: result, failure: null };
}

import type { Catalog, Retirement } from '@/lib/catalog';
import { type PickResult, pickReplacement } from '@/lib/recommend';
import type { SubscribedSku, TenantUser } from '@/lib/recommend';
import { daysLeftFrom, urgencyOf } from './days';
import type { SubscriptionLike } from './subscription';

export type { SubscriptionLike } from './subscription';
import { retiringMatch } from './retiring-rule';


export interface OfferLike {
  id: string;
  product?: { id: string };
}

export interface AssessInput {
  catalog: Catalog;
  customer: { id: string; companyName?: string; country?: string; qualifications: string[] } | null;
  subscriptions: readonly SubscriptionLike[];
  /** The offers list, to learn which license SKU each other subscription grants (seats are pooled per SKU). */
  offers: readonly OfferLike[];
  subscribedSkus: readonly SubscribedSku[];
  users?: readonly TenantUser[];
  /** How many users the tenant has (lets license counts prove coverage; see PickInput.userCount). */
  userCount?: number;
  /** Today, as YYYY-MM-DD in the agent's time zone: days left are counted in whole calendar days. */
  today: string;
}

export type Urgency = 'ended' | 'urgent' | 'soon' | 'later';


export interface RetiringItem {
  subscription: SubscriptionLike;
  retirement: Retirement;
  endDate: string | null;
  daysLeft: number | null;
  urgency: Urgency;
  pick: PickResult;
}


/**
 * The customer's subscriptions that retire and are still active, each with its end date, days left
 * and the picker's recommendation, soonest first. Suspended, expired and non-catalog ones are left out.
 */
export function assessRetiring(input: AssessInput): RetiringItem[] {
  const skuOf = new Map(input.offers.map((o) => [o.id.toLowerCase(), o.product?.id.toLowerCase()]));
  const items: RetiringItem[] = [];
  for (const sub of input.subscriptions) {
    const match = retiringMatch(input.catalog, sub);
    if (!match) continue;
    const daysLeft = sub.commitmentEndDate ? daysLeftFrom(input.today, sub.commitmentEndDate) : null;
    const pick = pickReplacement({
      retiring: sub,
      match,
      customer: input.customer,
      otherSubscriptions: input.subscriptions
        .filter((s) => s.id !== sub.id)
        .map((s) => ({ ...s, skuId: skuOf.get(s.offerId.toLowerCase()) })),
      subscribedSkus: [...input.subscribedSkus],
      users: input.users ? [...input.users] : undefined,
      ...(input.userCount !== undefined ? { userCount: input.userCount } : {}),
    });
    items.push({
      subscription: sub,
      retirement: match.retirement,
      endDate: sub.commitmentEndDate?.slice(0, 10) ?? null,
      daysLeft,
      urgency: urgencyOf(daysLeft),
      pick,
    });
  }
  return items.sort((a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity));
}

import type { Catalog, Retirement } from '@/lib/catalog';
import { type PickResult, pickReplacement } from '@/lib/recommend';
import type { SubscribedSku, TenantUser } from '@/lib/recommend';
import { retiringMatch } from './retiring-rule';

/** The fields of a Partner Center subscription the overlay reads (a structural subset of the API's). */
export interface SubscriptionLike {
  id: string;
  offerId: string;
  offerName: string;
  friendlyName?: string;
  quantity: number;
  status: string;
  autoRenewEnabled?: boolean;
  commitmentEndDate?: string;
}

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

/**
 * The subscription as Partner Center's own row names it, in every language: its friendly name, else
 * the API's offer name. Not the catalog's localized offer name, which the portal does not show.
 */
export const portalName = (subscription: Pick<SubscriptionLike, 'friendlyName' | 'offerName'>): string =>
  subscription.friendlyName || subscription.offerName;

export interface RetiringItem {
  subscription: SubscriptionLike;
  retirement: Retirement;
  endDate: string | null;
  daysLeft: number | null;
  urgency: Urgency;
  pick: PickResult;
}

const DAY = 86_400_000;
const dayNumber = (iso: string): number | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY : null;
};

/** Whole calendar days from `today` to `endDate` (both YYYY-MM-DD…); negative once past, null when unreadable. */
export function daysLeftFrom(today: string, endDate: string): number | null {
  const from = dayNumber(today);
  const to = dayNumber(endDate);
  return from === null || to === null ? null : to - from;
}

/** Today in the agent's time zone, as the API writes calendar dates. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function urgencyOf(daysLeft: number | null): Urgency {
  if (daysLeft === null) return 'soon';
  if (daysLeft < 0) return 'ended';
  if (daysLeft <= 30) return 'urgent';
  return daysLeft <= 90 ? 'soon' : 'later';
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

import { normalizeOfferName } from '@/lib/catalog/normalize';
import { isPlaceholder } from '@/lib/catalog/schema';
import { sameId } from '@/lib/recommend/ids';
import type { MigrationEvent } from './events';
import type { MigrationRecord, ReplacementSide } from './types';

/**
 * Resuming a purchase that may have happened. The intent is recorded before Submit, so a record left
 * in `intent` or `submitted` (tab closed, browser restarted, extension updated) may or may not have
 * bought the replacement. This decides which, from what the API shows, leaning always towards "it
 * was bought" or "wait": a second purchase is the one mistake the assistant must never make.
 */

/** Partner Center stamps creation dates with its clock, the intent carries the agent's. */
export const CLOCK_SKEW_MS = 10 * 60_000;
/**
 * Without an order id, an order submitted just before the tab closed is invisible until its
 * subscription is provisioned (seconds on the live service, minutes when it is slow): an intent
 * younger than this is never declared "not bought".
 */
export const PROVISIONING_GRACE_MS = 5 * 60_000;
/** How soon to look again at an order whose subscription is not provisioned yet. */
export const RECHECK_MS = 10_000;

/** The customer's subscriptions as the API lists them (lib/api's Subscription fits). */
export interface SubscriptionFact {
  id: string;
  offerId: string;
  offerName?: string | null;
  creationDate?: string | null;
  orderId?: string | null;
}

/** The recorded order as the API returns it (lib/api's Order fits). */
export interface OrderFact {
  id: string;
  lineItems: ReadonlyArray<{ offerId: string; subscriptionId?: string | null }>;
}

export interface PurchaseFacts {
  subscriptions: readonly SubscriptionFact[];
  /** The recorded order: absent when not asked (no order id yet), null when the API answered 404. */
  order?: OrderFact | null;
}

export type ReconcileOutcome =
  /** Bought: record `purchase.verified`. */
  | { kind: 'verified'; subscriptionId: string; evidence: 'order' | 'subscription' }
  /** An order exists or may exist, with no subscription yet: look again at `recheckAt`, buy nothing. */
  | { kind: 'still-provisioning'; why: 'order-pending' | 'too-recent'; recheckAt: number }
  /** No order and no new subscription: record `purchase.reset`, then buying is safe. */
  | { kind: 'not-bought' }
  /** The facts contradict each other: buy nothing, and let the agent check the portal's orders. */
  | { kind: 'uncertain'; why: 'order-not-found' | 'order-without-offer' | 'undated-subscription' }
  /** The purchase is not in `intent` or `submitted`: nothing to reconcile. */
  | { kind: 'not-pending' };

export function reconcilePurchase(record: MigrationRecord, facts: PurchaseFacts, now: number): ReconcileOutcome {
  const p = record.steps.purchase;
  if (p.state !== 'intent' && p.state !== 'submitted') return { kind: 'not-pending' };
  const rep = record.replacement;
  const { order } = facts;

  // The order is the strongest evidence: its line item names the subscription once provisioned.
  if (order) {
    const line = orderLine(order, rep);
    if (!line) return { kind: 'uncertain', why: 'order-without-offer' };
    if (line.subscriptionId) return { kind: 'verified', subscriptionId: line.subscriptionId, evidence: 'order' };
  }

  // Otherwise a subscription of the replacement offer that came from our order, or that was created
  // since the intent (an older one was already there when the migration decided to buy).
  const orderId = order?.id ?? p.orderId;
  const candidates = facts.subscriptions.filter((s) => !sameId(s.id, record.subscriptionId) && sameOffer(s, rep));
  const fromOrder = orderId ? candidates.find((s) => sameId(s.orderId, orderId)) : undefined;
  if (fromOrder) return { kind: 'verified', subscriptionId: fromOrder.id, evidence: 'subscription' };
  // Without a recorded intent time (not written by this machine), every dated subscription counts.
  const intentAt = p.intentAt ?? 0;
  const dated = candidates.map((s) => ({ s, since: createdSince(s.creationDate, intentAt) }));
  const since = dated
    .filter((d) => d.since === true)
    .sort((a, b) => Date.parse(a.s.creationDate ?? '') - Date.parse(b.s.creationDate ?? ''));
  if (since[0]) return { kind: 'verified', subscriptionId: since[0].s.id, evidence: 'subscription' };
  if (dated.some((d) => d.since === null)) return { kind: 'uncertain', why: 'undated-subscription' };

  if (order) return { kind: 'still-provisioning', why: 'order-pending', recheckAt: now + RECHECK_MS };
  if (p.state === 'submitted') {
    // The confirmation page gave an order id: the order exists even if the API has not caught up,
    // unless the API says it does not know it, which nothing here can explain.
    return order === null
      ? { kind: 'uncertain', why: 'order-not-found' }
      : { kind: 'still-provisioning', why: 'order-pending', recheckAt: now + RECHECK_MS };
  }
  if (now < intentAt + PROVISIONING_GRACE_MS) {
    return { kind: 'still-provisioning', why: 'too-recent', recheckAt: intentAt + PROVISIONING_GRACE_MS };
  }
  return { kind: 'not-bought' };
}

/** The event that records a decided outcome; null when the caller must wait or ask the agent. */
export function reconcileEvent(outcome: ReconcileOutcome): MigrationEvent | null {
  switch (outcome.kind) {
    case 'verified':
      return { type: 'purchase.verified', subscriptionId: outcome.subscriptionId };
    case 'not-bought':
      return { type: 'purchase.reset', reason: 'no order and no new subscription of the replacement offer' };
    default:
      return null;
  }
}

/**
 * Whether a subscription was created at or after the intent, allowing for clock skew; null when its
 * date is missing or unreadable. A date without a time counts from the intent's day: that may take
 * an older subscription of the same day for ours, which costs a check, never a second purchase.
 */
function createdSince(creationDate: string | null | undefined, intentAt: number): boolean | null {
  if (!creationDate) return null;
  const earliest = intentAt - CLOCK_SKEW_MS;
  if (/^\d{4}-\d{2}-\d{2}$/.test(creationDate)) return creationDate >= new Date(earliest).toISOString().slice(0, 10);
  const t = Date.parse(creationDate);
  return Number.isNaN(t) ? null : t >= earliest;
}

/**
 * The order's line for the replacement. A catalog placeholder has no real id to compare: an order
 * of one line is then taken as ours (the assistant's cart holds the replacement alone).
 */
function orderLine(order: OrderFact, rep: ReplacementSide): OrderFact['lineItems'][number] | undefined {
  const byId = order.lineItems.find((l) => sameId(l.offerId, rep.offerId));
  if (byId) return byId;
  return isPlaceholder(rep.offerId) && order.lineItems.length === 1 ? order.lineItems[0] : undefined;
}

/** Offers match by id; a placeholder id (never published) falls back to the normalised offer name. */
function sameOffer(s: SubscriptionFact, rep: ReplacementSide): boolean {
  if (sameId(s.offerId, rep.offerId)) return true;
  if (!isPlaceholder(rep.offerId)) return false;
  const key = normalizeOfferName(s.offerName ?? '');
  return key !== '' && key === normalizeOfferName(rep.offerName);
}

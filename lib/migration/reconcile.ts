import { normalizeOfferName } from '@/lib/catalog/normalize';
import { isPlaceholder } from '@/lib/catalog/schema';
import { sameId } from '@/lib/recommend/ids';
import type { MigrationEvent } from './events';
import type { MigrationRecord, ReplacementSide } from './types';

/**
 * Resuming a purchase that may have happened. The intent is recorded before Submit, with the ids of
 * the customer's orders and replacement subscriptions as the API listed them then. A record left in
 * `intent` or `submitted` (an error after Submit, a closed tab, a restart, an update) may or may not
 * have bought: an order of the replacement offer that is not in that snapshot says it did, and the
 * customer's orders say so as soon as Submit is accepted, however slow provisioning is. No clock is
 * consulted: a second purchase is the one mistake the assistant must never make.
 */

/**
 * Records written before the snapshot existed have only the intent's time: for them an order of the
 * offer up to a day older than the intent counts as ours (a check too many, never a second purchase).
 */
export const LEGACY_MARGIN_MS = 24 * 3_600_000;

/** The customer's subscriptions as the API lists them (lib/api's Subscription fits). */
export interface SubscriptionFact {
  id: string;
  offerId: string;
  offerName?: string | null;
  creationDate?: string | null;
  orderId?: string | null;
}

/** An order as the API returns it (lib/api's Order fits). */
export interface OrderFact {
  id: string;
  lineItems: ReadonlyArray<{ offerId: string; subscriptionId?: string | null }>;
  creationDate?: string | null;
}

export interface PurchaseFacts {
  subscriptions: readonly SubscriptionFact[];
  /** Every order of the customer (GET /customers/{id}/orders): without it nothing is decided. */
  orders: readonly OrderFact[];
  /** The recorded order read by its id: absent when not asked, null when the API answered 404. */
  order?: OrderFact | null;
  /**
   * Whether the portal answered the Submit that was clicked (it showed an error), or the agent says
   * nothing was bought after checking: then no order means none. Otherwise a Submit left unanswered
   * (a timeout, a reload, a crash) may still be on its way, and no order proves nothing yet.
   */
  answered?: boolean;
}

export type ReconcileOutcome =
  /** Bought: record `purchase.verified`. */
  | { kind: 'verified'; subscriptionId: string; evidence: 'order' | 'subscription' }
  /** Our order exists, its subscription is not provisioned yet: look again, buy nothing. */
  | { kind: 'still-provisioning'; orderId: string }
  /** No order of the offer since the intent and no new subscription: `purchase.reset`, then buying is safe. */
  | { kind: 'not-bought' }
  /** The facts contradict each other: buy nothing; the agent checks the orders named. */
  | { kind: 'uncertain'; why: 'order-not-found' | 'several-orders' | 'unanswered'; orderIds: string[] }
  /** The purchase is not in `intent` or `submitted`: nothing to reconcile. */
  | { kind: 'not-pending' };

export function reconcilePurchase(record: MigrationRecord, facts: PurchaseFacts): ReconcileOutcome {
  const p = record.steps.purchase;
  if (p.state !== 'intent' && p.state !== 'submitted') return { kind: 'not-pending' };
  const rep = record.replacement;
  const isNew = newSince(p.ordersBefore, p.intentAt);
  const orders = [...facts.orders];
  if (facts.order && !orders.some((o) => sameId(o.id, facts.order?.id))) orders.push(facts.order);

  // Any order of the replacement offer placed since the intent is taken as ours: if another agent
  // bought it meanwhile, buying again would still be the second purchase.
  const ours = orders.filter((o) => (isNew(o) || sameId(o.id, p.orderId)) && orderLine(o, rep));
  if (ours.length > 1) return { kind: 'uncertain', why: 'several-orders', orderIds: ours.map((o) => o.id) };
  const order = ours[0];
  const candidates = facts.subscriptions.filter((s) => !sameId(s.id, record.subscriptionId) && sameOffer(s, rep));
  if (order) {
    const line = orderLine(order, rep);
    if (line?.subscriptionId) return { kind: 'verified', subscriptionId: line.subscriptionId, evidence: 'order' };
    const fromOrder = candidates.find((s) => sameId(s.orderId, order.id));
    if (fromOrder) return { kind: 'verified', subscriptionId: fromOrder.id, evidence: 'subscription' };
    return { kind: 'still-provisioning', orderId: order.id };
  }

  // No order: a subscription of the offer that was not there at the intent (bought by hand meanwhile).
  const subNew = newSince(p.subscriptionsBefore, p.intentAt);
  const fresh = candidates.filter((s) => subNew(s));
  if (fresh[0]) return { kind: 'verified', subscriptionId: fresh[0].id, evidence: 'subscription' };
  // The confirmation page named an order the API does not list: nothing here can explain that.
  if (p.orderId) return { kind: 'uncertain', why: 'order-not-found', orderIds: [p.orderId] };
  if (p.state === 'submitted' && !facts.answered) return { kind: 'uncertain', why: 'unanswered', orderIds: [] };
  return { kind: 'not-bought' };
}

/** The event that records a decided outcome; null when the caller must wait or ask the agent. */
export function reconcileEvent(outcome: ReconcileOutcome): MigrationEvent | null {
  switch (outcome.kind) {
    case 'verified':
      return { type: 'purchase.verified', subscriptionId: outcome.subscriptionId };
    case 'not-bought':
      return { type: 'purchase.reset', reason: 'the API lists no order of the replacement offer since the intent' };
    default:
      return null;
  }
}

/**
 * Whether an order or subscription appeared after the intent: absent from the snapshot; for a record
 * without one, created at most a day before the intent, or undated (both count as new: the safe side).
 */
function newSince(
  before: readonly string[] | undefined,
  intentAt: number | undefined,
): (item: { id: string; creationDate?: string | null }) => boolean {
  if (before) {
    const known = new Set(before.map((id) => id.toLowerCase()));
    return (item) => !known.has(item.id.toLowerCase());
  }
  const earliest = (intentAt ?? 0) - LEGACY_MARGIN_MS;
  return (item) => {
    const t = item.creationDate ? Date.parse(item.creationDate) : Number.NaN;
    return Number.isNaN(t) || t >= earliest;
  };
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

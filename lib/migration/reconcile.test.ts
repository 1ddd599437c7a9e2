import { describe, expect, it } from 'vitest';
import { applyEvent, newMigration } from './machine';
import {
  CLOCK_SKEW_MS,
  type OrderFact,
  PROVISIONING_GRACE_MS,
  type PurchaseFacts,
  RECHECK_MS,
  type ReconcileOutcome,
  reconcileEvent,
  reconcilePurchase,
  type SubscriptionFact,
} from './reconcile';
import { BASIC_OFFER, recordAt, sampleInput, SUBSCRIPTION } from './test-fixtures';
import type { MigrationRecord } from './types';

const INTENT = Date.parse('2024-05-01T10:00:00.000Z');
const MIN = 60_000;
const LATE = INTENT + 30 * MIN;

/** A record whose purchase is in `intent` (at INTENT) or `submitted` (order ORD-1). */
function pendingPurchase(state: 'intent' | 'submitted', offer = BASIC_OFFER, offerName?: string): MigrationRecord {
  const input = sampleInput();
  const replacement = { ...input.replacement, offerId: offer, offerName: offerName ?? input.replacement.offerName };
  let record = newMigration({ ...input, replacement }, INTENT - MIN);
  const step = (r: MigrationRecord, ev: Parameters<typeof applyEvent>[1], now: number) => {
    const res = applyEvent(r, ev, now);
    if (!res.ok) throw new Error(res.message);
    return res.record;
  };
  record = step(record, { type: 'purchase.intent' }, INTENT);
  if (state === 'submitted') record = step(record, { type: 'purchase.submitted', orderId: 'ORD-1' }, INTENT + 1_000);
  return record;
}

const iso = (ms: number) => new Date(ms).toISOString();
const sub = (id: string, created: string | null, extra: Partial<SubscriptionFact> = {}): SubscriptionFact => ({
  id,
  offerId: BASIC_OFFER,
  offerName: 'Microsoft 365 Business Basic',
  creationDate: created,
  ...extra,
});

const RETIRING = sub(SUBSCRIPTION, '2019-06-01T00:00:00Z', {
  offerId: 'C9C9C9C9-0000-4000-8000-000000000000',
  offerName: 'Kaizala Pro',
});
const OLDER_BASIC = sub('s-older', '2023-02-01T08:00:00Z');
const NEW_BASIC = sub('s-new', iso(INTENT + MIN));
const orderDone: OrderFact = {
  id: 'ORD-1',
  lineItems: [{ offerId: BASIC_OFFER.toLowerCase(), subscriptionId: 's-from-order' }],
};
const orderPending: OrderFact = { id: 'ORD-1', lineItems: [{ offerId: BASIC_OFFER, subscriptionId: null }] };
const orderOther: OrderFact = { id: 'ORD-1', lineItems: [{ offerId: 'DEADBEEF-0000-4000-8000-000000000000' }] };

type Row = [name: string, state: 'intent' | 'submitted', facts: PurchaseFacts, now: number, expected: ReconcileOutcome];

const ROWS: Row[] = [
  ['intent, nothing bought, grace over', 'intent', { subscriptions: [RETIRING] }, LATE, { kind: 'not-bought' }],
  [
    'intent, only an older replacement subscription',
    'intent',
    { subscriptions: [RETIRING, OLDER_BASIC] },
    LATE,
    { kind: 'not-bought' },
  ],
  [
    'intent, nothing yet, too recent to tell',
    'intent',
    { subscriptions: [] },
    INTENT + MIN,
    { kind: 'still-provisioning', why: 'too-recent', recheckAt: INTENT + PROVISIONING_GRACE_MS },
  ],
  [
    'intent, a replacement subscription created after the intent',
    'intent',
    { subscriptions: [RETIRING, OLDER_BASIC, NEW_BASIC] },
    LATE,
    { kind: 'verified', subscriptionId: 's-new', evidence: 'subscription' },
  ],
  [
    'intent, created within the clock skew before the intent',
    'intent',
    { subscriptions: [sub('s-skew', iso(INTENT - CLOCK_SKEW_MS + MIN))] },
    LATE,
    { kind: 'verified', subscriptionId: 's-skew', evidence: 'subscription' },
  ],
  [
    'intent, created just beyond the clock skew',
    'intent',
    { subscriptions: [sub('s-before', iso(INTENT - CLOCK_SKEW_MS - MIN))] },
    LATE,
    { kind: 'not-bought' },
  ],
  [
    'intent, offer id in another case',
    'intent',
    { subscriptions: [sub('s-case', iso(INTENT + MIN), { offerId: BASIC_OFFER.toLowerCase() })] },
    LATE,
    { kind: 'verified', subscriptionId: 's-case', evidence: 'subscription' },
  ],
  [
    'intent, the earliest of two new subscriptions',
    'intent',
    { subscriptions: [sub('s-second', iso(INTENT + 3 * MIN)), sub('s-first', iso(INTENT + 2 * MIN))] },
    LATE,
    { kind: 'verified', subscriptionId: 's-first', evidence: 'subscription' },
  ],
  [
    'intent, a replacement subscription without a date',
    'intent',
    { subscriptions: [sub('s-undated', null)] },
    LATE,
    { kind: 'uncertain', why: 'undated-subscription' },
  ],
  [
    'intent, an unreadable date',
    'intent',
    { subscriptions: [sub('s-garbled', 'yesterday')] },
    LATE,
    { kind: 'uncertain', why: 'undated-subscription' },
  ],
  [
    'intent, a dated new subscription beside an undated one',
    'intent',
    { subscriptions: [sub('s-undated', null), NEW_BASIC] },
    LATE,
    { kind: 'verified', subscriptionId: 's-new', evidence: 'subscription' },
  ],
  [
    'intent, a date without time on the intent day',
    'intent',
    { subscriptions: [sub('s-day', '2024-05-01')] },
    LATE,
    { kind: 'verified', subscriptionId: 's-day', evidence: 'subscription' },
  ],
  [
    'intent, a date without time the day before',
    'intent',
    { subscriptions: [sub('s-day', '2024-04-30')] },
    LATE,
    { kind: 'not-bought' },
  ],
  [
    'intent, the retiring subscription itself never counts',
    'intent',
    { subscriptions: [sub(SUBSCRIPTION.toLowerCase(), iso(INTENT + MIN))] },
    LATE,
    { kind: 'not-bought' },
  ],
  [
    'submitted, the order names the subscription',
    'submitted',
    { subscriptions: [NEW_BASIC], order: orderDone },
    LATE,
    { kind: 'verified', subscriptionId: 's-from-order', evidence: 'order' },
  ],
  [
    'submitted, order not provisioned yet',
    'submitted',
    { subscriptions: [OLDER_BASIC], order: orderPending },
    LATE,
    { kind: 'still-provisioning', why: 'order-pending', recheckAt: LATE + RECHECK_MS },
  ],
  [
    'submitted, order line not updated but the subscription carries the order id',
    'submitted',
    { subscriptions: [sub('s-of-order', null, { orderId: 'ord-1' })], order: orderPending },
    LATE,
    { kind: 'verified', subscriptionId: 's-of-order', evidence: 'subscription' },
  ],
  [
    'submitted, order not read, nothing yet: the order exists, so wait',
    'submitted',
    { subscriptions: [] },
    LATE,
    { kind: 'still-provisioning', why: 'order-pending', recheckAt: LATE + RECHECK_MS },
  ],
  [
    'submitted, the API does not know the order',
    'submitted',
    { subscriptions: [OLDER_BASIC], order: null },
    LATE,
    { kind: 'uncertain', why: 'order-not-found' },
  ],
  [
    'submitted, order unknown but a new subscription exists',
    'submitted',
    { subscriptions: [NEW_BASIC], order: null },
    LATE,
    { kind: 'verified', subscriptionId: 's-new', evidence: 'subscription' },
  ],
  [
    'submitted, the order holds another offer',
    'submitted',
    { subscriptions: [NEW_BASIC], order: orderOther },
    LATE,
    { kind: 'uncertain', why: 'order-without-offer' },
  ],
];

describe('reconcilePurchase', () => {
  it.each(ROWS)('%s', (_name, state, facts, now, expected) => {
    expect(reconcilePurchase(pendingPurchase(state), facts, now)).toEqual(expected);
  });

  describe('a replacement offer whose id Microsoft never published', () => {
    const PLACEHOLDER = 'PLACEHOLDER:d365-sales-professional-faculty';
    const NAME = 'Dynamics 365 for Sales Professional for Faculty';

    it('matches the subscription by its normalised offer name', () => {
      const record = pendingPurchase('intent', PLACEHOLDER, NAME);
      const found = sub('s-name', iso(INTENT + MIN), {
        offerId: 'REAL-OFFER-ID',
        offerName: 'dynamics 365 for sales professional (for faculty)',
      });
      const other = sub('s-other', iso(INTENT + MIN), {
        offerId: 'REAL-OFFER-2',
        offerName: 'Dynamics 365 for Sales Professional',
      });
      expect(reconcilePurchase(record, { subscriptions: [other, found] }, LATE)).toEqual({
        kind: 'verified',
        subscriptionId: 's-name',
        evidence: 'subscription',
      });
      expect(reconcilePurchase(record, { subscriptions: [other] }, LATE)).toEqual({ kind: 'not-bought' });
    });

    it('takes the single line of the order as ours, but not one of several', () => {
      const record = pendingPurchase('submitted', PLACEHOLDER, NAME);
      const single: OrderFact = { id: 'ORD-1', lineItems: [{ offerId: 'REAL-OFFER-ID', subscriptionId: 's-line' }] };
      expect(reconcilePurchase(record, { subscriptions: [], order: single }, LATE)).toEqual({
        kind: 'verified',
        subscriptionId: 's-line',
        evidence: 'order',
      });
      const two: OrderFact = { id: 'ORD-1', lineItems: [...single.lineItems, { offerId: 'REAL-OFFER-2' }] };
      expect(reconcilePurchase(record, { subscriptions: [], order: two }, LATE)).toEqual({
        kind: 'uncertain',
        why: 'order-without-offer',
      });
    });
  });

  it('has nothing to reconcile unless the purchase is in intent or submitted', () => {
    for (const stage of ['new', 'purchase-failed', 'bought', 'purchase-skipped'] as const) {
      expect(reconcilePurchase(recordAt(stage), { subscriptions: [NEW_BASIC] }, LATE)).toEqual({ kind: 'not-pending' });
    }
  });

  it('never says "not bought" for a submitted order, however late', () => {
    for (const now of [INTENT, LATE, LATE * 2]) {
      expect(reconcilePurchase(pendingPurchase('submitted'), { subscriptions: [] }, now).kind).not.toBe('not-bought');
    }
  });
});

describe('reconcileEvent', () => {
  it('turns decided outcomes into events the machine accepts, and nothing else', () => {
    const verified = reconcileEvent({ kind: 'verified', subscriptionId: 's-new', evidence: 'subscription' });
    expect(verified).toEqual({ type: 'purchase.verified', subscriptionId: 's-new' });
    const reset = reconcileEvent({ kind: 'not-bought' });
    expect(reset).toMatchObject({ type: 'purchase.reset' });
    const record = pendingPurchase('intent');
    expect(applyEvent(record, verified!, LATE)).toMatchObject({ ok: true });
    expect(applyEvent(record, reset!, LATE)).toMatchObject({
      ok: true,
      record: { steps: { purchase: { state: 'pending' } } },
    });
    expect(reconcileEvent({ kind: 'still-provisioning', why: 'too-recent', recheckAt: 1 })).toBeNull();
    expect(reconcileEvent({ kind: 'uncertain', why: 'order-not-found' })).toBeNull();
    expect(reconcileEvent({ kind: 'not-pending' })).toBeNull();
  });
});

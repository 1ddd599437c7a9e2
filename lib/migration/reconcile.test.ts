import { describe, expect, it } from 'vitest';
import { applyEvent, newMigration } from './machine';
import {
  LEGACY_MARGIN_MS,
  type OrderFact,
  type PurchaseFacts,
  type ReconcileOutcome,
  reconcileEvent,
  reconcilePurchase,
  type SubscriptionFact,
} from './reconcile';
import { BASIC_OFFER, recordAt, sampleInput, SUBSCRIPTION } from './test-fixtures';
import type { MigrationRecord } from './types';

const INTENT = Date.parse('2024-05-01T10:00:00.000Z');
const MIN = 60_000;

/** What the customer had when the intent was written: one old order, the retiring and an older Basic subscription. */
const BEFORE = { ordersBefore: ['ord-old'], subscriptionsBefore: [SUBSCRIPTION.toLowerCase(), 's-older'] };

/** A record whose purchase is in `intent` (at INTENT) or `submitted` (order ORD-1). */
function pendingPurchase(
  state: 'intent' | 'submitted',
  offer = BASIC_OFFER,
  offerName?: string,
  snapshot: typeof BEFORE | null = BEFORE,
): MigrationRecord {
  const input = sampleInput();
  const replacement = { ...input.replacement, offerId: offer, offerName: offerName ?? input.replacement.offerName };
  let record = newMigration({ ...input, replacement }, INTENT - MIN);
  const step = (r: MigrationRecord, ev: Parameters<typeof applyEvent>[1], now: number) => {
    const res = applyEvent(r, ev, now);
    if (!res.ok) throw new Error(res.message);
    return res.record;
  };
  record = step(record, { type: 'purchase.intent', ...(snapshot ?? { ordersBefore: [], subscriptionsBefore: [] }) }, INTENT);
  if (!snapshot) {
    // As written by a version before the snapshot existed.
    const { ordersBefore: _o, subscriptionsBefore: _s, ...legacy } = record.steps.purchase;
    record = { ...record, steps: { ...record.steps, purchase: legacy } };
  }
  if (state === 'submitted') record = step(record, { type: 'purchase.submitted', orderId: 'ORD-1' }, INTENT + 1_000);
  return record;
}

const iso = (ms: number) => new Date(ms).toISOString();
const sub = (id: string, extra: Partial<SubscriptionFact> = {}): SubscriptionFact => ({
  id,
  offerId: BASIC_OFFER,
  offerName: 'Microsoft 365 Business Basic',
  creationDate: null,
  ...extra,
});
const order = (id: string, subscriptionId: string | null, extra: Partial<OrderFact> = {}): OrderFact => ({
  id,
  lineItems: [{ offerId: BASIC_OFFER.toLowerCase(), subscriptionId }],
  ...extra,
});

const RETIRING = sub(SUBSCRIPTION, { offerId: 'C9C9C9C9-0000-4000-8000-000000000000', offerName: 'Kaizala Pro' });
const OLDER_BASIC = sub('s-older');
const OLD_ORDER = order('ORD-OLD', 's-older');

type Row = [name: string, state: 'intent' | 'submitted', facts: PurchaseFacts, expected: ReconcileOutcome];

const ROWS: Row[] = [
  ['intent, no order since: nothing bought', 'intent', { subscriptions: [RETIRING], orders: [] }, { kind: 'not-bought' }],
  [
    'intent, only what the customer had before',
    'intent',
    { subscriptions: [RETIRING, OLDER_BASIC], orders: [OLD_ORDER] },
    { kind: 'not-bought' },
  ],
  [
    'intent, an order since, provisioned',
    'intent',
    { subscriptions: [RETIRING], orders: [OLD_ORDER, order('ORD-9', 's-9')] },
    { kind: 'verified', subscriptionId: 's-9', evidence: 'order' },
  ],
  [
    // The defect: an intent without an order id, provisioning slower than any window, was "not bought".
    'intent, an order since, not provisioned (however long ago the intent was)',
    'intent',
    { subscriptions: [RETIRING], orders: [order('ORD-9', null)] },
    { kind: 'still-provisioning', orderId: 'ORD-9' },
  ],
  [
    'intent, an order since whose line is not updated but whose subscription names it',
    'intent',
    { subscriptions: [sub('s-9', { orderId: 'ord-9' })], orders: [order('ORD-9', null)] },
    { kind: 'verified', subscriptionId: 's-9', evidence: 'subscription' },
  ],
  [
    'intent, an order since of another offer only: not ours',
    'intent',
    { subscriptions: [], orders: [{ id: 'ORD-9', lineItems: [{ offerId: 'DEADBEEF-0000-4000-8000-000000000000' }] }] },
    { kind: 'not-bought' },
  ],
  [
    'intent, two orders since: which is ours cannot be told',
    'intent',
    { subscriptions: [], orders: [order('ORD-8', null), order('ORD-9', null)] },
    { kind: 'uncertain', why: 'several-orders', orderIds: ['ORD-8', 'ORD-9'] },
  ],
  [
    'intent, no order but a subscription that was not there (bought by hand)',
    'intent',
    { subscriptions: [OLDER_BASIC, sub('s-hand')], orders: [] },
    { kind: 'verified', subscriptionId: 's-hand', evidence: 'subscription' },
  ],
  [
    'submitted, the listed order names the subscription',
    'submitted',
    { subscriptions: [], orders: [order('ORD-1', 's-1')] },
    { kind: 'verified', subscriptionId: 's-1', evidence: 'order' },
  ],
  [
    'submitted, the order is read by its id when the list does not show it yet',
    'submitted',
    { subscriptions: [], orders: [], order: order('ORD-1', null) },
    { kind: 'still-provisioning', orderId: 'ORD-1' },
  ],
  [
    'submitted, the API does not know the order',
    'submitted',
    { subscriptions: [OLDER_BASIC], orders: [OLD_ORDER], order: null },
    { kind: 'uncertain', why: 'order-not-found', orderIds: ['ORD-1'] },
  ],
];

describe('reconcilePurchase', () => {
  it.each(ROWS)('%s', (_name, state, facts, expected) => {
    expect(reconcilePurchase(pendingPurchase(state), facts)).toEqual(expected);
  });

  it('decides from the orders alone: no clock is asked (the same facts give the same answer at any time)', () => {
    // reconcilePurchase takes no time at all; its records' dates are never compared with "now".
    expect(reconcilePurchase.length).toBe(2);
  });

  describe('a record written before the snapshot existed', () => {
    it('counts an order of the offer up to a day before the intent as ours, and undated ones too', () => {
      const record = pendingPurchase('intent', BASIC_OFFER, undefined, null);
      const recent = order('ORD-5', null, { creationDate: iso(INTENT - LEGACY_MARGIN_MS + MIN) });
      const undated = order('ORD-6', null);
      const old = order('ORD-4', 's-4', { creationDate: iso(INTENT - LEGACY_MARGIN_MS - MIN) });
      expect(reconcilePurchase(record, { subscriptions: [], orders: [old, recent] })).toEqual({
        kind: 'still-provisioning',
        orderId: 'ORD-5',
      });
      expect(reconcilePurchase(record, { subscriptions: [], orders: [old, undated] }).kind).toBe('still-provisioning');
      expect(reconcilePurchase(record, { subscriptions: [], orders: [old] })).toEqual({ kind: 'not-bought' });
    });
  });

  describe('a replacement offer whose id Microsoft never published', () => {
    const PLACEHOLDER = 'PLACEHOLDER:d365-sales-professional-faculty';
    const NAME = 'Dynamics 365 for Sales Professional for Faculty';

    it('matches a new subscription by its normalised offer name', () => {
      const record = pendingPurchase('intent', PLACEHOLDER, NAME);
      const found = sub('s-name', { offerId: 'REAL-OFFER-ID', offerName: 'dynamics 365 for sales professional (for faculty)' });
      const other = sub('s-other', { offerId: 'REAL-OFFER-2', offerName: 'Dynamics 365 for Sales Professional' });
      expect(reconcilePurchase(record, { subscriptions: [other, found], orders: [] })).toEqual({
        kind: 'verified',
        subscriptionId: 's-name',
        evidence: 'subscription',
      });
      expect(reconcilePurchase(record, { subscriptions: [other], orders: [] })).toEqual({ kind: 'not-bought' });
    });

    it('takes a new order of one line as ours, but not one of several lines', () => {
      const record = pendingPurchase('intent', PLACEHOLDER, NAME);
      const single: OrderFact = { id: 'ORD-2', lineItems: [{ offerId: 'REAL-OFFER-ID', subscriptionId: 's-line' }] };
      expect(reconcilePurchase(record, { subscriptions: [], orders: [single] })).toEqual({
        kind: 'verified',
        subscriptionId: 's-line',
        evidence: 'order',
      });
      const two: OrderFact = { id: 'ORD-2', lineItems: [...single.lineItems, { offerId: 'REAL-OFFER-2' }] };
      expect(reconcilePurchase(record, { subscriptions: [], orders: [two] })).toEqual({ kind: 'not-bought' });
    });
  });

  it('has nothing to reconcile unless the purchase is in intent or submitted', () => {
    for (const stage of ['new', 'purchase-failed', 'bought', 'purchase-skipped'] as const) {
      expect(reconcilePurchase(recordAt(stage), { subscriptions: [sub('s-x')], orders: [] })).toEqual({
        kind: 'not-pending',
      });
    }
  });

  it('never says "not bought" for a submitted order', () => {
    const facts: PurchaseFacts[] = [
      { subscriptions: [], orders: [] },
      { subscriptions: [], orders: [], order: null },
    ];
    for (const f of facts) expect(reconcilePurchase(pendingPurchase('submitted'), f).kind).not.toBe('not-bought');
  });
});

describe('reconcileEvent', () => {
  it('turns decided outcomes into events the machine accepts, and nothing else', () => {
    const verified = reconcileEvent({ kind: 'verified', subscriptionId: 's-new', evidence: 'subscription' });
    expect(verified).toEqual({ type: 'purchase.verified', subscriptionId: 's-new' });
    const reset = reconcileEvent({ kind: 'not-bought' });
    expect(reset).toMatchObject({ type: 'purchase.reset' });
    const record = pendingPurchase('intent');
    expect(applyEvent(record, verified!, INTENT + MIN)).toMatchObject({ ok: true });
    expect(applyEvent(record, reset!, INTENT + MIN)).toMatchObject({
      ok: true,
      record: { steps: { purchase: { state: 'pending' } } },
    });
    expect(reconcileEvent({ kind: 'still-provisioning', orderId: 'o' })).toBeNull();
    expect(reconcileEvent({ kind: 'uncertain', why: 'order-not-found', orderIds: [] })).toBeNull();
    expect(reconcileEvent({ kind: 'not-pending' })).toBeNull();
  });
});

describe('a Submit clicked without an answer (timeout, reload, crash)', () => {
  const sent = (): MigrationRecord => {
    const res = applyEvent(pendingPurchase('intent'), { type: 'purchase.sent' }, INTENT + 1_000);
    if (!res.ok) throw new Error(res.message);
    return res.record;
  };

  it('proves nothing by the absence of an order: the request may still be on its way', () => {
    expect(reconcilePurchase(sent(), { subscriptions: [], orders: [] })).toEqual({
      kind: 'uncertain',
      why: 'unanswered',
      orderIds: [],
    });
  });

  it('is settled by an order that appears', () => {
    expect(reconcilePurchase(sent(), { subscriptions: [], orders: [order('ORD-3', null)] })).toEqual({
      kind: 'still-provisioning',
      orderId: 'ORD-3',
    });
  });

  it('is "not bought" once answered: an error the portal showed, or the agent who checked', () => {
    expect(reconcilePurchase(sent(), { subscriptions: [], orders: [], answered: true })).toEqual({ kind: 'not-bought' });
  });
});

import type { CustomerUser, License } from '@/lib/api';
import type { NewMigration } from './create';
import type { MigrationEvent } from './events';
import { applyEvent, newMigration } from './machine';
import type { StepDeps } from './steps/deps';
import type { MigrationRecord } from './types';

/** A Kaizala Pro subscription moving to Microsoft 365 Business Basic, for the tests of this folder and the store. */

export const TENANT = '3c5a1f0e-1b2c-4d3e-8f90-a1b2c3d4e5f6';
export const OTHER_TENANT = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
export const SUBSCRIPTION = 'A1B2C3D4-0000-4000-8000-00000000000A';
export const BASIC_OFFER = '031C9E47-4802-4248-838E-778FB1D2CC05';
export const BASIC_SKU = '3b555118-da6a-4418-894f-7df1e2096870';

export function sampleInput(overrides: Partial<NewMigration> = {}): NewMigration {
  return {
    tenantId: TENANT,
    subscriptionId: SUBSCRIPTION,
    customerName: '주식회사 한빛, "Hanbit" Co.',
    retiring: {
      offerId: 'PLACEHOLDER:kaizala-pro-standalone',
      offerName: 'Kaizala Pro',
      skuId: null,
      productName: null,
      quantity: 25,
    },
    replacement: {
      planKey: 'm365-business-basic',
      offerId: BASIC_OFFER,
      offerName: 'Microsoft 365 Business Basic',
      skuId: BASIC_SKU,
      productName: 'Microsoft 365 Business Basic',
      quantity: 25,
    },
    purchaseNeeded: true,
    reassignNeeded: true,
    ...overrides,
  };
}

export const USERS = [
  { userId: 'U-0001', displayName: '김민준', upn: 'minjun.kim@hanbit.example' },
  { userId: 'u-0002', displayName: 'Lee, "Jay"', upn: 'jay.lee@hanbit.example' },
];

/** Applies events in order from a fresh record, failing loudly if the machine refuses one. */
export function drive(
  events: MigrationEvent[],
  start: MigrationRecord = newMigration(sampleInput(), 1_000),
): MigrationRecord {
  let record = start;
  let now = record.updatedAt;
  for (const event of events) {
    const result = applyEvent(record, event, ++now);
    if (!result.ok) throw new Error(`fixture: ${event.type} refused: ${result.message}`);
    record = result.record;
  }
  return record;
}

/** The events that take a fresh record to each stage the tests look at. */
export const STAGES = {
  new: [],
  intent: [{ type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] }],
  submitted: [{ type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] }, { type: 'purchase.submitted', orderId: 'ORD-1' }],
  /** Submit clicked, no confirmation (yet). */
  sent: [{ type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] }, { type: 'purchase.sent' }],
  'purchase-failed': [{ type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] }, { type: 'purchase.failed', error: 'Quantity above maximum' }],
  'purchase-skipped': [{ type: 'purchase.skipped', reason: 'already owned' }],
  bought: [
    { type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] },
    { type: 'purchase.submitted', orderId: 'ORD-1' },
    { type: 'purchase.verified', subscriptionId: 'B0000000-0000-4000-8000-00000000000B' },
  ],
} satisfies Record<string, MigrationEvent[]>;

const BOUGHT: MigrationEvent[] = STAGES.bought;
const RUNNING: MigrationEvent[] = [...BOUGHT, { type: 'reassign.started', users: USERS }];
const MOVED: MigrationEvent[] = [
  ...RUNNING,
  { type: 'reassign.user', userId: 'u-0001', state: 'moved' },
  { type: 'reassign.user', userId: 'u-0002', state: 'moved' },
];

export const LATER_STAGES = {
  'reassign-running': RUNNING,
  'reassign-partial': [
    ...RUNNING,
    { type: 'reassign.user', userId: 'u-0001', state: 'moved' },
    { type: 'reassign.user', userId: 'u-0002', state: 'failed', reason: 'Forbidden', code: '403' },
  ],
  'reassign-failed': [...RUNNING, { type: 'reassign.failed', error: 'Sales agents cannot assign licenses' }],
  reassigned: [...MOVED, { type: 'reassign.finished' }],
  'reassign-skipped': [...BOUGHT, { type: 'reassign.skipped', reason: 'nobody uses it' }],
  'suspend-submitted': [...MOVED, { type: 'reassign.finished' }, { type: 'suspend.submitted' }],
  'suspend-failed': [...MOVED, { type: 'reassign.finished' }, { type: 'suspend.failed', error: 'Timed out' }],
  complete: [
    ...MOVED,
    { type: 'reassign.finished' },
    { type: 'suspend.submitted' },
    { type: 'suspend.verified', deprovisionDate: '2024-10-29' },
  ],
} satisfies Record<string, MigrationEvent[]>;

export const ALL_STAGES = { ...STAGES, ...LATER_STAGES };
export type Stage = keyof typeof ALL_STAGES;

export function recordAt(stage: Stage): MigrationRecord {
  return drive(ALL_STAGES[stage]);
}

/** Freezes a value and everything in it, so a test fails if the machine writes to its input. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Step dependencies over a record kept in memory (each event goes through the state machine) and an
 * API whose users hold the given SKUs (`held`: user id → SKU ids). `events` lists what was applied.
 * With `retiringSku`, the retiring subscription (active, the record's quantity) grants that SKU: the
 * subscribed SKUs list it with its seats even when nobody holds it any more.
 */
export function fakeStepDeps(
  start: MigrationRecord,
  held: Record<string, readonly string[]>,
  options: { retiringSku?: string; status?: string } = {},
) {
  let record = start;
  const events: MigrationEvent[] = [];
  const users = Object.keys(held).map((id) => ({ id, displayName: id, userPrincipalName: `${id}@contoso.example` }));
  const license = (sku: string) => ({ productSku: { id: sku, name: sku }, servicePlans: [] }) as unknown as License;
  const quantity = start.retiring.quantity;
  const deps: StepDeps = {
    api: {
      listUsers: () => Promise.resolve({ ok: true, data: users as CustomerUser[] }),
      getUserLicenses: (_tenant: string, id: string) =>
        Promise.resolve({ ok: true, data: (held[id] ?? []).map(license) }),
      // Each held SKU with as many seats as holders (no free seat, none in other subscriptions).
      listSubscribedSkus: () => {
        const counts = new Map<string, number>();
        if (options.retiringSku) counts.set(options.retiringSku, 0);
        for (const skus of Object.values(held)) for (const sku of skus) counts.set(sku, (counts.get(sku) ?? 0) + 1);
        const data = [...counts].map(([id, n]) => ({
          productSku: { id, name: id },
          consumedUnits: n,
          // A suspended subscription grants no seats (as Partner Center counts them).
          totalUnits: id !== options.retiringSku ? n : options.status === 'suspended' ? 0 : Math.max(n, quantity),
        }));
        return Promise.resolve({ ok: true, data });
      },
      getSubscription: (_tenant: string, id: string) =>
        Promise.resolve({ ok: true, data: { id, status: options.status ?? 'active', quantity } }),
    } as unknown as StepDeps['api'],
    async apply(event) {
      events.push(event);
      const result = applyEvent(record, event, record.updatedAt + 1);
      if (!result.ok) throw new Error(`fake store: ${event.type} refused: ${result.message}`);
      record = result.record;
      return record;
    },
    signal: new AbortController().signal,
    timeoutMs: 1000,
    verifyTimeoutMs: 1000,
  };
  return { deps, events, current: () => record };
}

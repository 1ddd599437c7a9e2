import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MigrationEvent } from './events';
import { FakeStore, KAIZALA_OTHER_OFFER, KAIZALA_OTHER_SUBSCRIPTION, KAIZALA_SKU, kaizalaWorld, newRun } from './fake-run';
import type { FakeWorld } from './fake-world';
import { BUY_FAULTS, type BuyFault, type ReadName, SUSPEND_FAULTS, type SuspendFault } from './fake-world-types';
import { applyEvent, everyUserMoved, newMigration } from './machine';
import { StepStop } from './steps/deps';
import { confirmNothingBought, runPurchase, settlePurchase } from './steps/purchase';
import { runSuspend } from './steps/suspend';
import { BASIC_OFFER, sampleInput } from './test-fixtures';
import type { MigrationRecord } from './types';

/**
 * "Money and licenses are safe under every fault": random sequences of clicks, faults, reloads,
 * second tabs, provisioning and failing reads against the fake world (fake-world.ts), checking after
 * every action what the customer was charged for and what the store recorded.
 *
 * Runs are reproducible: the seed is fixed (FC_SEED overrides it) and printed with any failure.
 */
const SEED = Number(process.env.FC_SEED ?? 20_240_501);
const RUNS = Number(process.env.FC_RUNS ?? 200);
const settings = { seed: SEED, numRuns: RUNS, endOnFailure: true } as const;
/** Generous: the default runs take about a second; FC_RUNS may ask for many more. */
const TIMEOUT_MS = 120_000;

/** Whatever the sequence, a runner only ever stops with a StepStop (never a TypeError or a refusal it did not expect). */
async function outcome<T>(work: Promise<T>): Promise<{ value: T | null; stop: StepStop | null }> {
  try {
    return { value: await work, stop: null };
  } catch (error) {
    if (!(error instanceof StepStop)) throw error;
    return { value: null, stop: error };
  }
}

// ---- A: never a second purchase ------------------------------------------------------------------

type PurchaseAction =
  | { kind: 'run'; tab: 0 | 1; fault: BuyFault }
  | { kind: 'reload'; tab: 0 | 1 }
  | { kind: 'settle'; tab: 0 | 1 }
  | { kind: 'nothing-bought'; tab: 0 | 1 }
  | { kind: 'provision'; linkOrder: boolean }
  | { kind: 'fast'; on: boolean }
  | { kind: 'reads'; failing: ReadName[] };

const tab = fc.constantFrom<0 | 1>(0, 1);
const purchaseAction: fc.Arbitrary<PurchaseAction> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('run' as const), tab, fault: fc.constantFrom(...BUY_FAULTS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reload' as const), tab }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settle' as const), tab }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nothing-bought' as const), tab }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('provision' as const), linkOrder: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fast' as const), on: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('reads' as const),
      failing: fc.subarray<ReadName>(['listOrders', 'listSubscriptions', 'getOrder']),
    }),
  },
);

/** Two tabs on the same migration, each showing the record as its last run (or load) left it. */
class Tabs {
  readonly views: [MigrationRecord, MigrationRecord];
  constructor(store: FakeStore) {
    this.views = [store.load(), store.load()];
  }
}

function purchaseInvariants(world: FakeWorld, store: FakeStore): void {
  const orders = world.ordersOf(BASIC_OFFER);
  expect(orders.length, 'orders of the replacement').toBeLessThanOrEqual(1);
  const submitted = new Set(
    store.applied.flatMap((e) => (e.type === 'purchase.submitted' ? [e.orderId.toLowerCase()] : [])),
  );
  expect(submitted.size, 'different orders recorded as submitted').toBeLessThanOrEqual(1);
  expect(store.refused.filter((r) => r.why === 'invalid event')).toEqual([]);
  const p = store.load().steps.purchase;
  if (p.state === 'done') {
    const sub = world.subscriptions.find((s) => s.id.toLowerCase() === p.subscriptionId);
    expect(sub?.offerId, 'the verified subscription is of the replacement').toBe(BASIC_OFFER);
    expect(orders.map((o) => o.id)).toContain(sub?.orderId);
  }
}

async function purchaseStep(world: FakeWorld, store: FakeStore, tabs: Tabs, action: PurchaseAction): Promise<void> {
  switch (action.kind) {
    case 'run':
    case 'settle':
    case 'nothing-bought': {
      // The agent's word is true: said only when no order is on its way (one accepted late would make
      // it false, and no read could have told).
      if (action.kind === 'nothing-bought' && world.lateOrders.length > 0) return;
      if (action.kind === 'run') world.buyFaults.splice(0, world.buyFaults.length, action.fault);
      const r = newRun(world, store);
      const view = tabs.views[action.tab];
      const work =
        action.kind === 'run'
          ? runPurchase(view, r.deps)
          : action.kind === 'settle'
            ? settlePurchase(view, r.deps)
            : confirmNothingBought(view, r.deps);
      await outcome(work);
      if (r.last) tabs.views[action.tab] = r.last;
      return;
    }
    case 'reload':
      tabs.views[action.tab] = store.load();
      return;
    case 'provision':
      world.provision({ linkOrder: action.linkOrder });
      return;
    case 'fast':
      world.autoProvision = action.on;
      return;
    case 'reads':
      world.failing.clear();
      for (const r of action.failing) world.failing.add(r);
      return;
  }
}

/** Reads back, provisions, then one clean click (after the agent's word where a Submit went unanswered). */
async function finish(world: FakeWorld, store: FakeStore): Promise<MigrationRecord> {
  world.failing.clear();
  world.buyFaults.length = 0;
  world.autoProvision = true;
  world.provision();
  const first = await outcome(runPurchase(store.load(), newRun(world, store).deps));
  if (first.value) return first.value;
  // A Submit left unanswered with no order to show: only the agent, having checked, unblocks it.
  expect(first.stop?.reason).toBe('order-may-exist');
  expect(world.ordersOf(BASIC_OFFER)).toEqual([]);
  await outcome(confirmNothingBought(store.load(), newRun(world, store).deps));
  return runPurchase(store.load(), newRun(world, store).deps);
}

describe('step A under random faults, reloads and a second tab', () => {
  it('never buys a second time, never records two orders, and a clean run ends with exactly one order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(purchaseAction, { maxLength: 12 }), async (actions) => {
        const start = newMigration(sampleInput(), 1_000);
        const world = kaizalaWorld(start);
        const store = new FakeStore(start);
        const tabs = new Tabs(store);
        for (const action of actions) {
          await purchaseStep(world, store, tabs, action);
          purchaseInvariants(world, store);
        }
        const end = await finish(world, store);
        purchaseInvariants(world, store);
        expect(end.steps.purchase.state).toBe('done');
        expect(world.ordersOf(BASIC_OFFER)).toHaveLength(1);
        expect(store.load().steps.purchase.state).toBe('done');
      }),
      settings,
    );
  }, TIMEOUT_MS);
});

// ---- C: never suspended while someone needs it --------------------------------------------------

type SuspendAction =
  | { kind: 'run'; fault: SuspendFault; holderOnDetailPage: boolean }
  | { kind: 'add-holder' }
  | { kind: 'remove-holder' }
  | { kind: 'staying'; seats: number }
  | { kind: 'provision' }
  | { kind: 'reads'; failing: ReadName[] };

const suspendAction: fc.Arbitrary<SuspendAction> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('run' as const),
      fault: fc.constantFrom(...SUSPEND_FAULTS),
      holderOnDetailPage: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add-holder' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove-holder' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('staying' as const), seats: fc.integer({ min: 0, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('provision' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reads' as const),
      failing: fc.subarray<ReadName>(['listSubscribedSkus', 'getSubscription']),
    }),
  },
);

const suspendCase = fc
  .record({ retiring: fc.integer({ min: 1, max: 6 }), staying: fc.integer({ min: 0, max: 6 }) })
  .chain(({ retiring, staying }) =>
    fc.record({
      retiring: fc.constant(retiring),
      staying: fc.constant(staying),
      holders: fc.integer({ min: 0, max: retiring + staying }),
      actions: fc.array(suspendAction, { maxLength: 12 }),
    }),
  );

describe('step C under random holders, staying seats and faults', () => {
  it('never reaches Submit while holders exceed the seats that stay, nor records C done over them (but see the known gap)', async () => {
    await fc.assert(
      fc.asyncProperty(suspendCase, async ({ retiring, staying, holders, actions }) => {
        const input = sampleInput({ purchaseNeeded: false, reassignNeeded: false });
        const start = newMigration({ ...input, retiring: { ...input.retiring, quantity: retiring } }, 1_000);
        const world = kaizalaWorld(start, { retiringQuantity: retiring, holders });
        world.subscriptions.push({
          id: KAIZALA_OTHER_SUBSCRIPTION,
          offerId: KAIZALA_OTHER_OFFER,
          quantity: staying,
          status: 'active',
          creationDate: '2024-01-01T00:00:00Z',
          orderId: null,
        });
        const store = new FakeStore(start);
        const doneOverSeats: number[] = [];
        store.onApply = (event) => {
          if (event.type === 'suspend.verified' && world.overStayingSeats(start.subscriptionId)) {
            doneOverSeats.push(world.holdersOf(KAIZALA_SKU).length);
          }
        };
        let added = 0;
        // A change of holders or seats after Submit was clicked and before the suspension was recorded
        // done: runSuspend does not read holders again then (reported as a known gap, see suspend.test.ts).
        let changedAfterClick = false;
        const clicked = () => world.suspensions > 0 && store.load().steps.suspend.state !== 'done';
        for (const action of actions) {
          const before = { holders: world.holdersOf(KAIZALA_SKU).length, seats: world.activeSeats(KAIZALA_SKU, start.subscriptionId) };
          const wasClicked = clicked();
          switch (action.kind) {
            case 'run': {
              world.suspendFaults.splice(0, world.suspendFaults.length, action.fault);
              world.onDetailPage = action.holderOnDetailPage
                ? () => void world.assign(`late-${++added}`, KAIZALA_SKU)
                : null;
              await outcome(runSuspend(store.load(), newRun(world, store).deps, { days: 120, retiringSku: KAIZALA_SKU }));
              world.onDetailPage = null;
              break;
            }
            case 'add-holder':
              world.assign(`new-${++added}`, KAIZALA_SKU);
              break;
            case 'remove-holder': {
              const holder = world.holdersOf(KAIZALA_SKU)[0];
              if (holder) world.unassign(holder.id, KAIZALA_SKU);
              break;
            }
            case 'staying': {
              const other = world.subscription(KAIZALA_OTHER_SUBSCRIPTION);
              if (other) other.quantity = action.seats;
              break;
            }
            case 'provision':
              world.provision();
              break;
            case 'reads':
              world.failing.clear();
              for (const r of action.failing) world.failing.add(r);
              break;
          }
          if (
            wasClicked &&
            action.kind !== 'run' &&
            (world.holdersOf(KAIZALA_SKU).length > before.holders ||
              world.activeSeats(KAIZALA_SKU, start.subscriptionId) < before.seats)
          ) {
            changedAfterClick = true;
          }
          expect(world.suspendEntriesOverSeats, 'portal.suspend entered over the staying seats').toBe(0);
          expect(world.suspensionsOverSeats, 'Submit clicked over the staying seats').toBe(0);
          if (!changedAfterClick) expect(doneOverSeats, 'suspension recorded done over the staying seats').toEqual([]);
          expect(store.refused.filter((r) => r.why === 'invalid event')).toEqual([]);
        }
      }),
      settings,
    );
  }, TIMEOUT_MS);
});

// ---- the machine: no user left without a license -------------------------------------------------

const USER_IDS = ['u-0001', 'U-0002', 'u-0003', 'u-0004'];
const userId = fc.constantFrom(...USER_IDS);
const note = fc.constantFrom('why', 'Forbidden', 'timed out');

const machineEvent: fc.Arbitrary<MigrationEvent> = fc.oneof(
  fc.constant<MigrationEvent>({ type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] }),
  fc.constant<MigrationEvent>({ type: 'purchase.sent' }),
  fc.constant<MigrationEvent>({ type: 'purchase.submitted', orderId: 'ord-1' }),
  fc.constant<MigrationEvent>({ type: 'purchase.verified', subscriptionId: 'b0000000-0000-4000-8000-00000000000b' }),
  note.map((reason): MigrationEvent => ({ type: 'purchase.skipped', reason })),
  note.map((error): MigrationEvent => ({ type: 'purchase.failed', error })),
  fc.constant<MigrationEvent>({ type: 'purchase.reset' }),
  fc
    .subarray(USER_IDS)
    .map((ids): MigrationEvent => ({
      type: 'reassign.started',
      users: ids.map((id) => ({ userId: id, displayName: id, upn: `${id}@contoso.example` })),
    })),
  fc
    .record({ userId, state: fc.constantFrom('moved' as const, 'failed' as const) })
    .map((o): MigrationEvent => ({ type: 'reassign.user', ...o })),
  fc
    .array(fc.record({ userId, state: fc.constantFrom('moved' as const, 'failed' as const) }), {
      minLength: 1,
      maxLength: 4,
    })
    .map((outcomes): MigrationEvent => ({ type: 'reassign.users', outcomes })),
  fc.constant<MigrationEvent>({ type: 'reassign.finished' }),
  note.map((reason): MigrationEvent => ({ type: 'reassign.skipped', reason })),
  note.map((error): MigrationEvent => ({ type: 'reassign.failed', error })),
  fc.constant<MigrationEvent>({ type: 'suspend.submitted' }),
  fc.constant<MigrationEvent>({ type: 'suspend.verified', deprovisionDate: '2024-10-29' }),
  note.map((error): MigrationEvent => ({ type: 'suspend.failed', error })),
  fc.integer({ min: 1, max: 300 }).map((quantity): MigrationEvent => ({ type: 'quantity.changed', quantity })),
);

/** Biased so that most sequences get through A and into B and C. */
const machineSequence = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: machineEvent },
    {
      weight: 2,
      arbitrary: fc.constantFrom<MigrationEvent>(
        { type: 'reassign.user', userId: 'u-0001', state: 'moved' },
        { type: 'reassign.users', outcomes: USER_IDS.map((id) => ({ userId: id, state: 'moved' as const })) },
        { type: 'suspend.submitted' },
        { type: 'reassign.finished' },
      ),
    },
  ),
  { maxLength: 30 },
);

const notMoved = (r: MigrationRecord) =>
  Object.values(r.steps.reassign.users)
    .filter((u) => u.state !== 'moved')
    .map((u) => u.userId);

describe('the state machine under random event sequences', () => {
  it('never suspends, nor finishes B, while an announced user has not moved', () => {
    let reachedC = 0;
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), machineSequence, (purchaseNeeded, reassignNeeded, events) => {
        let record = newMigration(sampleInput({ purchaseNeeded, reassignNeeded }), 1_000);
        let now = record.updatedAt;
        for (const event of events) {
          expect(MigrationEvent.safeParse(event).success).toBe(true);
          const result = applyEvent(record, event, ++now);
          if (!result.ok) continue;
          const next = result.record;
          if (event.type === 'suspend.submitted' || event.type === 'suspend.verified') {
            expect(notMoved(next), `${event.type} with users not moved`).toEqual([]);
            reachedC++;
          }
          if (event.type === 'reassign.finished') expect(notMoved(next), 'reassign.finished').toEqual([]);
          // As states, whatever event led there.
          if (next.steps.reassign.state === 'done') expect(everyUserMoved(next)).toBe(true);
          if (next.steps.suspend.state === 'submitted' || next.steps.suspend.state === 'done') {
            expect(everyUserMoved(next)).toBe(true);
            expect(['done', 'skipped']).toContain(next.steps.reassign.state);
          }
          record = next;
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
    // The sequences do reach step C (the property is not vacuous).
    expect(reachedC).toBeGreaterThan(50);
  });
});

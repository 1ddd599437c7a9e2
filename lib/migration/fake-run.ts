import { MigrationEvent } from './events';
import { applyEvent } from './machine';
import { type StepDeps, StepStop } from './steps/deps';
import type { MigrationRecord } from './types';
import { FakeWorld } from './fake-world';
import type { WorldOffer, WorldSetup } from './fake-world-types';

// Test support, never shipped: the store and a tab's run around a FakeWorld (fake-world.ts), and the
// Kaizala Pro customer most step tests start from.

// ---- the store ----------------------------------------------------------------------------------

/**
 * The background's store for one migration: every event is checked with the message schema and goes
 * through the state machine, as the background does; a refusal throws StepStop('store'). The record
 * survives reloads: `load()` is what a new tab (or a reload) reads.
 */
export class FakeStore {
  private stored: MigrationRecord;
  /** Every event the store accepted, in order, across runs. */
  readonly applied: MigrationEvent[] = [];
  /** Events refused (by the schema or the machine), with why. */
  readonly refused: Array<{ event: MigrationEvent; why: string }> = [];
  /** The store's clock (ms), one tick per write; `advance` moves it on (e.g. "days later"). */
  clock: number;
  /** Told of each accepted event with the record it produced (property tests check the world here). */
  onApply: ((event: MigrationEvent, record: MigrationRecord) => void) | null = null;

  constructor(start: MigrationRecord) {
    this.stored = structuredClone(start);
    this.clock = start.updatedAt;
  }

  load(): MigrationRecord {
    return structuredClone(this.stored);
  }

  advance(ms: number): void {
    this.clock += ms;
  }

  apply(event: MigrationEvent): MigrationRecord {
    const parsed = MigrationEvent.safeParse(event);
    if (!parsed.success) {
      this.refused.push({ event, why: 'invalid event' });
      throw new StepStop('store', event.type, null, `invalid event: ${parsed.error.message}`);
    }
    const result = applyEvent(this.stored, parsed.data, ++this.clock);
    if (!result.ok) {
      this.refused.push({ event, why: result.message });
      throw new StepStop('store', event.type, null, result.message);
    }
    this.stored = result.record;
    this.applied.push(parsed.data);
    this.onApply?.(parsed.data, result.record);
    return structuredClone(result.record);
  }
}

export interface Run {
  deps: StepDeps;
  abort: AbortController;
  /** Events this run got stored. */
  events: MigrationEvent[];
  /** The last record the store answered this run with (what the tab's panel now shows). */
  last: MigrationRecord | null;
}

/**
 * Step dependencies for one run in one tab: the world's API and portal, the store, a fresh
 * AbortController. `verifyTimeoutMs` defaults to 0: `poll` (steps/verify.ts) then checks exactly once
 * and never sleeps (it sleeps `everyMs`, 1.5 s in step A, between checks), so a test that wants the
 * subscription verified provisions before the run or sets `autoProvision`.
 */
export function newRun(world: FakeWorld, store: FakeStore, options: { verifyTimeoutMs?: number } = {}): Run {
  const abort = new AbortController();
  world.attach(abort);
  const run: Run = {
    abort,
    events: [],
    last: null,
    deps: {
      api: world.api,
      portal: world.portal,
      signal: abort.signal,
      timeoutMs: 50,
      verifyTimeoutMs: options.verifyTimeoutMs ?? 0,
      apply(event) {
        // A tab that died writes nothing more.
        if (world.isDead(abort.signal)) {
          return Promise.reject(new StepStop('store', event.type, null, 'the tab was closed'));
        }
        try {
          const record = store.apply(event);
          run.events.push(event);
          run.last = record;
          return Promise.resolve(record);
        } catch (error) {
          return Promise.reject(error);
        }
      },
    },
  };
  return run;
}

// ---- a customer: Kaizala Pro moving to Microsoft 365 Business Basic -------------------------------

/** The retiring Kaizala Pro subscription's offer and license SKU in this world (ids as the API shows them). */
export const KAIZALA_OFFER = 'C9C9C9C9-0000-4000-8000-000000000001';
export const KAIZALA_SKU = 'c93fe0ce-7375-4b8d-a55e-bf562ae7154f';
/** Another Kaizala subscription of the same SKU (its seats stay when the retiring one is suspended). */
export const KAIZALA_OTHER_OFFER = 'C9C9C9C9-0000-4000-8000-000000000002';
export const KAIZALA_OTHER_SUBSCRIPTION = 'a1b2c3d4-0000-4000-8000-00000000000c';
export const OLDER_SUBSCRIPTION = 'a1b2c3d4-0000-4000-8000-00000000000b';
export const OLD_ORDER = 'ord-old';

export function kaizalaOffers(replacement: { offerId: string; offerName: string; skuId: string }): WorldOffer[] {
  return [
    {
      id: KAIZALA_OFFER,
      name: 'Kaizala Pro',
      skuId: KAIZALA_SKU,
      skuName: 'Microsoft Kaizala Pro',
      servicePlans: ['KAIZALA_STANDALONE'],
    },
    {
      id: KAIZALA_OTHER_OFFER,
      name: 'Kaizala Pro (annual)',
      skuId: KAIZALA_SKU,
      skuName: 'Microsoft Kaizala Pro',
      servicePlans: ['KAIZALA_STANDALONE'],
    },
    {
      id: replacement.offerId,
      name: replacement.offerName,
      skuId: replacement.skuId,
      skuName: replacement.offerName,
      servicePlans: ['EXCHANGE_S_STANDARD', 'KAIZALA_O365_P2'],
    },
    { id: 'E5E5E5E5-0000-4000-8000-000000000005', name: 'Office 365 E5', skuId: 'c7df2760-2c81-4ef7-b578-5b5392b571df', skuName: 'Office 365 E5' },
  ];
}

/**
 * The record's customer: the retiring subscription (`retiringQuantity` seats of Kaizala Pro), an older
 * order with its own subscription, optionally another Kaizala subscription of `stayingSeats`, and
 * `holders` users holding Kaizala Pro.
 */
export function kaizalaWorld(
  record: MigrationRecord,
  options: { retiringQuantity?: number; stayingSeats?: number; holders?: number } = {},
): FakeWorld {
  const rep = record.replacement;
  const quantity = options.retiringQuantity ?? record.retiring.quantity;
  const subscriptions: Array<NonNullable<WorldSetup['subscriptions']>[number]> = [
    { id: record.subscriptionId.toUpperCase(), offerId: KAIZALA_OFFER, quantity },
    { id: OLDER_SUBSCRIPTION, offerId: 'E5E5E5E5-0000-4000-8000-000000000005', quantity: 3, orderId: OLD_ORDER },
  ];
  if (options.stayingSeats) {
    subscriptions.push({ id: KAIZALA_OTHER_SUBSCRIPTION, offerId: KAIZALA_OTHER_OFFER, quantity: options.stayingSeats });
  }
  const users = Array.from({ length: options.holders ?? 0 }, (_, i) => ({
    id: `u-${String(i + 1).padStart(4, '0')}`,
    skus: [KAIZALA_SKU],
  }));
  return new FakeWorld({
    tenantId: record.tenantId,
    offers: kaizalaOffers({ offerId: rep.offerId, offerName: rep.offerName, skuId: rep.skuId ?? 'unknown-sku' }),
    subscriptions,
    orders: [
      {
        id: OLD_ORDER,
        lines: [{ offerId: 'E5E5E5E5-0000-4000-8000-000000000005', quantity: 3, subscriptionId: OLDER_SUBSCRIPTION }],
      },
    ],
    users,
  });
}

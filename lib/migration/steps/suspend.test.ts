import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeStore, KAIZALA_OTHER_SUBSCRIPTION, KAIZALA_SKU, kaizalaWorld, newRun } from '../fake-run';
import type { SuspendFault } from '../fake-world-types';
import { newMigration } from '../machine';
import { recordAt, sampleInput } from '../test-fixtures';
import type { MigrationRecord } from '../types';
import { StepStop } from './deps';
import { deprovisionDate, runSuspend } from './suspend';

/** A Kaizala Pro subscription whose steps A and B are settled, ready to be suspended. */
function setup(
  world: { retiringQuantity?: number; stayingSeats?: number; holders?: number } = {},
  start: MigrationRecord = newMigration(sampleInput({ purchaseNeeded: false, reassignNeeded: false }), 1_000),
) {
  const fake = kaizalaWorld(start, { retiringQuantity: 5, ...world });
  const store = new FakeStore(start);
  const run = async (options: { fault?: SuspendFault; sku?: string | null; days?: number } = {}) => {
    if (options.fault) fake.suspendFaults.push(options.fault);
    const r = newRun(fake, store);
    const sku = options.sku === undefined ? KAIZALA_SKU : options.sku;
    return runSuspend(store.load(), r.deps, { days: options.days ?? 120, retiringSku: sku }).then(
      (record) => ({ record, stop: null, events: r.events }),
      (error: unknown) => ({ record: null, stop: error, events: r.events }),
    );
  };
  const status = () => fake.subscription(start.subscriptionId)?.status;
  return { world: fake, store, run, status, start };
}

const stopOf = (value: unknown): StepStop => {
  expect(value).toBeInstanceOf(StepStop);
  return value as StepStop;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('runSuspend refuses', () => {
  it('when the retiring product is not known: nothing read, clicked or written', async () => {
    const { world, store, run, status } = setup();
    const { stop } = await run({ sku: null });
    expect(stopOf(stop)).toMatchObject({ reason: 'unknown-sku' });
    expect(world.suspendCalls).toBe(0);
    expect(world.reads.listSubscribedSkus).toBe(0);
    expect(store.applied).toEqual([]);
    expect(status()).toBe('active');
  });

  it('when the API does not list the retiring product', async () => {
    const { world, store, run } = setup();
    const { stop } = await run({ sku: '0f0f0f0f-0000-4000-8000-000000000000' });
    expect(stopOf(stop).reason).toBe('unknown-sku');
    expect(world.suspendCalls).toBe(0);
    expect(store.applied).toEqual([]);
  });

  it('while users hold the old product beyond the seats that stay: never reaches the portal', async () => {
    const { world, store, run, status } = setup({ holders: 2 });
    const { stop } = await run();
    expect(stopOf(stop)).toMatchObject({ reason: 'in-use', target: '2' });
    expect(world.suspendCalls).toBe(0);
    expect(world.suspensions).toBe(0);
    expect(store.applied).toEqual([]);
    expect(status()).toBe('active');
  });

  it('when a holder appears between the first check and Submit: stops before the click', async () => {
    const { world, store, run, status } = setup({ holders: 0 });
    world.onDetailPage = () => {
      expect(world.assign('late-user', KAIZALA_SKU)).toBe(true);
    };
    const { stop } = await run();
    expect(stopOf(stop)).toMatchObject({ reason: 'in-use', target: '1' });
    expect(world.suspendCalls).toBe(1);
    expect(world.suspendEntriesOverSeats).toBe(0);
    expect(world.suspensions).toBe(0);
    expect(store.applied).toEqual([]);
    expect(status()).toBe('active');
  });

  it('when a read fails: nothing decided, clicked or written', async () => {
    for (const read of ['listSubscribedSkus', 'getSubscription'] as const) {
      const { world, store, run } = setup();
      world.failing.add(read);
      const { stop } = await run();
      expect(stopOf(stop).reason).toBe('api');
      expect(world.suspendCalls).toBe(0);
      expect(store.applied).toEqual([]);
    }
  });
});

describe('runSuspend, seats pooled with subscriptions that stay', () => {
  it('suspends when the other subscription keeps a seat for every holder', async () => {
    const { world, store, run, status } = setup({ retiringQuantity: 5, stayingSeats: 3, holders: 3 });
    const { record, stop } = await run();
    expect(stop).toBeNull();
    expect(record?.steps.suspend.state).toBe('done');
    expect(store.applied.map((e) => e.type)).toEqual(['suspend.submitted', 'suspend.verified']);
    expect(status()).toBe('suspended');
    expect(world.subscription(KAIZALA_OTHER_SUBSCRIPTION)?.status).toBe('active');
    expect(world.suspensions).toBe(1);
    expect(world.suspensionsOverSeats).toBe(0);
  });

  it('refuses with one holder more than the staying seats', async () => {
    const { world, store, run, status } = setup({ retiringQuantity: 5, stayingSeats: 3, holders: 4 });
    const { stop } = await run();
    expect(stopOf(stop)).toMatchObject({ reason: 'in-use', target: '1' });
    expect(world.suspendCalls).toBe(0);
    expect(store.applied).toEqual([]);
    expect(status()).toBe('active');
  });
});

describe('runSuspend, the happy path', () => {
  it('records submitted then verified, with the de-provisioning date `days` after today', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2024, 6, 1, 12, 0));
    const { world, store, run, status } = setup({ holders: 0 }, recordAt('reassigned'));
    const { record, stop, events } = await run({ days: 120 });
    expect(stop).toBeNull();
    expect(events).toEqual([{ type: 'suspend.submitted' }, { type: 'suspend.verified', deprovisionDate: '2024-10-29' }]);
    expect(record?.steps.suspend).toEqual({ state: 'done', deprovisionDate: '2024-10-29' });
    expect(store.load()).toEqual(record);
    expect(status()).toBe('suspended');
    expect(world.suspensions).toBe(1);
  });

  it('counts calendar days across a year end', () => {
    expect(deprovisionDate(new Date(2024, 11, 20, 23, 30), 30)).toBe('2025-01-19');
    expect(deprovisionDate(new Date(2024, 1, 28, 0, 5), 1)).toBe('2024-02-29');
  });

  it('a slow suspension: stops with verify once submitted; the Retry only waits, never clicks again', async () => {
    const { world, store, run, status } = setup();
    const first = await run({ fault: 'slow' });
    expect(stopOf(first.stop)).toMatchObject({ reason: 'verify', target: 'status' });
    expect(store.load().steps.suspend.state).toBe('submitted');
    world.provision();
    expect(status()).toBe('suspended');
    const retry = await run();
    expect(retry.events.map((e) => e.type)).toEqual(['suspend.verified']);
    expect(retry.record?.steps.suspend.state).toBe('done');
    expect(world.suspendCalls).toBe(1);
  });

  it('stopped before Submit: nothing recorded, the Retry suspends once', async () => {
    const { world, store, run } = setup();
    const first = await run({ fault: 'fail-before-submit' });
    expect(stopOf(first.stop).reason).toBe('not-found');
    expect(store.applied).toEqual([]);
    expect(world.suspensions).toBe(0);
    const retry = await run();
    expect(retry.record?.steps.suspend.state).toBe('done');
    expect(world.suspensions).toBe(1);
  });
});

describe('runSuspend, after the click', () => {
  it('does not record C done when a holder took a seat between Submit and the verification', async () => {
    const { world, store, run } = setup({ retiringQuantity: 5, stayingSeats: 0, holders: 0 });
    const first = await run({ fault: 'slow' });
    expect(stopOf(first.stop).reason).toBe('verify');
    // The subscription still grants its seats until the suspension takes effect: a license is assigned.
    expect(world.assign('late-user', KAIZALA_SKU)).toBe(true);
    world.provision();
    expect(world.overStayingSeats(store.load().subscriptionId)).toBe(true);
    const retry = await run();
    // Wanted: the step does not say "done" while a user holds the suspended product with no seat left.
    expect(retry.record?.steps.suspend.state).not.toBe('done');
  });

  it('pooled SKU, portal error after the Suspend click: Retry sees it suspended and records it', async () => {
    const { world, store, run, status } = setup({ retiringQuantity: 5, stayingSeats: 3, holders: 3 });
    const first = await run({ fault: 'error-after-commit' });
    expect(stopOf(first.stop).reason).toBe('portal-error');
    expect(status()).toBe('suspended');
    expect(world.suspensionsOverSeats).toBe(0);
    expect(store.load().steps.suspend.state).toBe('pending');
    // The suspended subscription's seats are gone from totalUnits and are subtracted once more.
    const retry = await run();
    expect(retry.stop).toBeNull();
    expect(retry.record?.steps.suspend.state).toBe('done');
  });
});

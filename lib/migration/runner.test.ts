import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '@/lib/catalog';
import type { MigrationEvent } from './events';
import { FakeStore, kaizalaWorld } from './fake-run';
import type { BuyFault } from './fake-world-types';
import { newMigration } from './machine';
import { MigrationRunner, type RunnerStore, type RunRequest, type StepPlan } from './runner';
import { StepStop } from './steps/deps';
import { BASIC_OFFER, recordAt, sampleInput } from './test-fixtures';
import type { MigrationRecord, StepName } from './types';

const KAIZALA = builtInCatalog.retirements.find((r) => r.id === 'kaizala-pro-standalone')!;
const PLAN: StepPlan = {
  retirement: KAIZALA,
  retiredOffer: KAIZALA.retiredOffers[0]!,
  offerNames: ['Microsoft 365 Business Basic'],
  cleanupOnly: false,
  pooledCount: null,
};

/** One tab's runner over a fake Partner Center and a store that keeps the lease as the background does. */
function setup(start: MigrationRecord = newMigration(sampleInput(), 1_000), options: { lockHeldElsewhere?: boolean } = {}) {
  const world = kaizalaWorld(start);
  world.autoProvision = true;
  const fake = new FakeStore(start);
  const locks: string[] = [];
  const invalidated: string[] = [];
  const offersRead: string[] = [];
  let offersFail = false;
  const store: RunnerStore = {
    async apply(_id, event: MigrationEvent) {
      try {
        return { ok: true, migration: fake.apply(event) };
      } catch (error) {
        return { ok: false, error: 'refused', message: (error as Error).message };
      }
    },
    async lock(_id, action) {
      locks.push(action);
      return { ok: true, granted: !options.lockHeldElsewhere };
    },
  };
  const runner = new MigrationRunner({
    store,
    api: {
      ...world.api,
      async listOffers(country) {
        offersRead.push(country);
        if (offersFail) return { ok: false, error: { kind: 'server', status: 503, message: 'unavailable' } } as never;
        return { ok: true, data: [] };
      },
    },
    country: async () => 'KR',
    invalidate: (tenant) => invalidated.push(tenant),
    portal: world.portal,
    timeoutMs: 50,
    verifyTimeoutMs: 0,
  });
  const request = (step: StepName, mode: RunRequest['mode'] = 'run'): RunRequest & { shown: MigrationRecord[] } => {
    const shown: MigrationRecord[] = [];
    return { record: fake.load(), step, mode, plan: PLAN, onRecord: (r) => shown.push(r), shown };
  };
  return {
    world,
    fake,
    runner,
    locks,
    invalidated,
    offersRead,
    request,
    failOffers: () => {
      offersFail = true;
    },
    buy: (fault: BuyFault) => world.buyFaults.push(fault),
  };
}

describe('MigrationRunner', () => {
  it('runs step A under the lease: one order, every stored transition shown, the lease given back', async () => {
    const { world, runner, locks, invalidated, request } = setup();
    const req = request('purchase');
    const outcome = await runner.run(req);
    expect(outcome.kind).toBe('finished');
    expect(outcome.kind === 'finished' && outcome.record.steps.purchase.state).toBe('done');
    expect(world.ordersOf(BASIC_OFFER)).toHaveLength(1);
    expect(req.shown.map((r) => r.steps.purchase.state)).toEqual(['intent', 'submitted', 'submitted', 'done']);
    expect(locks).toEqual(['acquire', 'release']);
    expect(invalidated).toEqual([req.record.tenantId]);
    expect(runner.busy).toBe(false);
  });

  it('runs nothing while another tab holds the migration', async () => {
    const { world, fake, runner, locks, request } = setup(undefined, { lockHeldElsewhere: true });
    expect(await runner.run(request('purchase'))).toEqual({ kind: 'busy', otherTab: true });
    expect(world.buyCalls).toBe(0);
    expect(fake.applied).toEqual([]);
    expect(locks).toEqual(['acquire']);
  });

  it('runs one step at a time in a tab: a second click while one runs does nothing', async () => {
    const { world, runner, request } = setup();
    const first = runner.run(request('purchase'));
    expect(runner.runningStep(request('purchase').record.id)).toBe('purchase');
    expect(await runner.run(request('purchase'))).toEqual({ kind: 'busy', otherTab: false });
    await first;
    expect(world.ordersOf(BASIC_OFFER)).toHaveLength(1);
  });

  it('returns what stopped a step, with the record as last stored, and gives the lease back', async () => {
    const { world, runner, locks, request, buy } = setup();
    buy('fail-before-submit');
    const outcome = await runner.run(request('purchase'));
    expect(outcome.kind).toBe('stopped');
    if (outcome.kind !== 'stopped') return;
    expect(outcome.error).toBeInstanceOf(StepStop);
    expect(outcome.record.steps.purchase.state).toBe('failed');
    expect(world.ordersOf(BASIC_OFFER)).toHaveLength(0);
    expect(locks.at(-1)).toBe('release');
  });

  it('stops the running step when cancelled (the panel closed), between two actions', async () => {
    const { world, runner, request, locks } = setup();
    const running = runner.run(request('purchase'));
    runner.cancel();
    // Cancelled while the lease was being asked for: the lease granted meanwhile is given back at once.
    expect(await running).toEqual({ kind: 'busy', otherTab: false });
    expect(locks).toEqual(['acquire', 'release']);
    expect(world.buyCalls).toBe(0);
    expect(runner.busy).toBe(false);
  });

  it('reads the products again for steps B and C, in the customer’s country; a failed read changes nothing', async () => {
    const { fake, runner, offersRead, request, failOffers } = setup(recordAt('bought'));
    failOffers();
    for (const step of ['reassign', 'suspend'] as const) {
      const outcome = await runner.run(request(step));
      expect(outcome.kind).toBe('stopped');
      expect(outcome.kind === 'stopped' && (outcome.error as StepStop).reason).toBe('api');
    }
    expect(offersRead).toEqual(['KR', 'KR']);
    expect(fake.applied).toEqual([]);
  });
});

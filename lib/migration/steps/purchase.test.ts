import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeStore, kaizalaWorld, newRun, OLD_ORDER } from '../fake-run';
import { FakeWorld } from '../fake-world';
import type { BuyFault } from '../fake-world-types';
import { newMigration } from '../machine';
import { BASIC_OFFER, drive, sampleInput, SUBSCRIPTION } from '../test-fixtures';
import type { MigrationRecord } from '../types';
import { StepStop } from './deps';
import { confirmNothingBought, runPurchase, settlePurchase } from './purchase';

/** A customer about to buy 25 × Microsoft 365 Business Basic in place of Kaizala Pro. */
function setup(start: MigrationRecord = newMigration(sampleInput(), 1_000)) {
  const world = kaizalaWorld(start);
  const store = new FakeStore(start);
  /** One click of the step's button in a tab opened now (the record read from the store). */
  const run = async (fault?: BuyFault) => {
    if (fault) world.buyFaults.push(fault);
    const r = newRun(world, store);
    const result = await runPurchase(store.load(), r.deps).then(
      (record) => ({ record, stop: null }),
      (error: unknown) => ({ record: null, stop: error }),
    );
    return { ...result, events: r.events };
  };
  const orders = () => world.ordersOf(BASIC_OFFER).length;
  const types = () => store.applied.map((e) => e.type);
  return { world, store, run, orders, types };
}

const stopOf = (value: unknown): StepStop => {
  expect(value).toBeInstanceOf(StepStop);
  return value as StepStop;
};

/** The one order of the replacement and its subscription. */
function theOrder(world: FakeWorld) {
  const [order, ...more] = world.ordersOf(BASIC_OFFER);
  expect(more).toEqual([]);
  expect(order).toBeDefined();
  const sub = world.subscriptions.find((s) => s.orderId === order?.id);
  return { order: order!, subscriptionId: sub?.id ?? null };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('runPurchase, the happy path', () => {
  it('records the intent with what the customer had, buys once and verifies the new subscription', async () => {
    const { world, store, run, orders, types } = setup();
    world.autoProvision = true;
    const { record, stop } = await run('ok');
    expect(stop).toBeNull();
    const { order, subscriptionId } = theOrder(world);
    expect(types()).toEqual(['purchase.intent', 'purchase.sent', 'purchase.submitted', 'purchase.verified']);
    expect(store.applied[0]).toEqual({
      type: 'purchase.intent',
      ordersBefore: [OLD_ORDER],
      subscriptionsBefore: [SUBSCRIPTION.toLowerCase(), 'a1b2c3d4-0000-4000-8000-00000000000b'],
    });
    expect(store.applied[2]).toEqual({ type: 'purchase.submitted', orderId: order.id });
    expect(record?.steps.purchase).toMatchObject({ state: 'done', orderId: order.id, subscriptionId });
    expect(store.load()).toEqual(record);
    expect(world.submits).toBe(1);
    expect(orders()).toBe(1);
    expect(world.buyCalls).toBe(1);
  });

  it('buys once when the confirmation shows no order id, and verifies from the customer\'s orders', async () => {
    const { world, store, run, orders, types } = setup();
    world.autoProvision = true;
    const { record, stop } = await run('no-id');
    expect(stop).toBeNull();
    expect(types()).toEqual(['purchase.intent', 'purchase.sent', 'purchase.verified']);
    expect(record?.steps.purchase.subscriptionId).toBe(theOrder(world).subscriptionId);
    expect(orders()).toBe(1);
    // A second click finds the purchase done and does nothing.
    const again = await run('ok');
    expect(again.record?.steps.purchase.state).toBe('done');
    expect(again.events).toEqual([]);
    expect(world.buyCalls).toBe(1);
    expect(store.applied).toHaveLength(3);
  });

  it('verifies from the subscription when the order does not name it yet', async () => {
    const { world, run, orders } = setup();
    const first = await run('ok');
    expect(stopOf(first.stop).reason).toBe('verify');
    world.provision({ linkOrder: false });
    const { record, events } = await run();
    expect(events.map((e) => e.type)).toEqual(['purchase.verified']);
    expect(record?.steps.purchase.subscriptionId).toBe(theOrder(world).subscriptionId);
    expect(orders()).toBe(1);
    expect(world.buyCalls).toBe(1);
  });
});

describe('runPurchase, an error after Submit (the defect "Retry buys a second time")', () => {
  const afterCommit: BuyFault[] = ['error-after-commit', 'timeout-after-commit'];

  it.each(afterCommit)('%s, provisioned at once: the first run verifies the order it placed; Retry buys nothing', async (fault) => {
    const { world, store, run, orders, types } = setup();
    world.autoProvision = true;
    const first = await run(fault);
    expect(first.stop).toBeNull();
    expect(first.record?.steps.purchase).toMatchObject({ state: 'done', subscriptionId: theOrder(world).subscriptionId });
    expect(types()).toEqual(['purchase.intent', 'purchase.sent', 'purchase.verified']);
    const retry = await run('ok');
    expect(retry.record?.steps.purchase.state).toBe('done');
    expect(retry.events).toEqual([]);
    expect(world.buyCalls).toBe(1);
    expect(world.submits).toBe(1);
    expect(orders()).toBe(1);
    expect(store.refused).toEqual([]);
  });

  it.each(afterCommit)('%s, still provisioning: the intent stays, each Retry waits and buys nothing', async (fault) => {
    const { world, store, run, orders, types } = setup();
    const first = await run(fault);
    expect(stopOf(first.stop)).toMatchObject({ reason: 'verify', target: 'subscription' });
    // Submit was recorded as clicked (no order id shown): only the customer's orders can settle it.
    expect(store.load().steps.purchase).toMatchObject({ state: 'submitted', sentAt: expect.any(Number) });
    expect(store.load().steps.purchase.orderId).toBeUndefined();
    for (let i = 0; i < 3; i++) {
      const retry = await run('ok');
      expect(stopOf(retry.stop)).toMatchObject({ reason: 'verify', target: 'subscription' });
      expect(retry.events).toEqual([]);
    }
    expect(world.buyCalls).toBe(1);
    expect(orders()).toBe(1);
    world.provision();
    const last = await run('ok');
    expect(last.record?.steps.purchase).toMatchObject({ state: 'done', subscriptionId: theOrder(world).subscriptionId });
    expect(types()).toEqual(['purchase.intent', 'purchase.sent', 'purchase.verified']);
    expect(world.buyCalls).toBe(1);
    expect(orders()).toBe(1);
  });

  it('the tab dies right after Submit: nothing more is written; the next tab waits for that order and buys nothing', async () => {
    const { world, store, run, orders, types } = setup();
    const first = await run('crash-after-commit');
    expect(stopOf(first.stop).reason).toBe('aborted');
    expect(types()).toEqual(['purchase.intent', 'purchase.sent']);
    expect(orders()).toBe(1);
    const next = await run('ok');
    expect(stopOf(next.stop).reason).toBe('verify');
    world.provision();
    const last = await run('ok');
    expect(last.record?.steps.purchase.state).toBe('done');
    expect(store.applied.map((e) => e.type)).toEqual(['purchase.intent', 'purchase.sent', 'purchase.verified']);
    expect(world.buyCalls).toBe(1);
    expect(orders()).toBe(1);
  });

  it('a read failing right after the portal error leaves the intent: a later Retry finds the order and buys nothing', async () => {
    const { world, store, run, orders } = setup();
    world.onCommit = () => world.failing.add('listOrders');
    const first = await run('error-after-commit');
    // The portal's error is what the agent sees; nothing was decided from a failed read.
    expect(stopOf(first.stop).reason).toBe('portal-error');
    expect(store.load().steps.purchase.state).toBe('submitted');
    world.onCommit = null;
    world.failing.clear();
    world.provision();
    const retry = await run('ok');
    expect(retry.record?.steps.purchase.state).toBe('done');
    expect(world.buyCalls).toBe(1);
    expect(orders()).toBe(1);
  });
});

describe('runPurchase, an error before the order is committed', () => {
  it('Submit clicked, the portal refused it: the intent is reset, and a Retry buys once', async () => {
    const { world, store, run, orders, types } = setup();
    world.autoProvision = true;
    const first = await run('error-before-commit');
    expect(stopOf(first.stop).reason).toBe('portal-error');
    expect(types()).toEqual(['purchase.intent', 'purchase.sent', 'purchase.reset']);
    expect(store.load().steps.purchase).toEqual({ state: 'pending' });
    expect(orders()).toBe(0);
    const retry = await run('ok');
    expect(retry.stop).toBeNull();
    expect(retry.events.map((e) => e.type)).toEqual(['purchase.intent', 'purchase.sent', 'purchase.submitted', 'purchase.verified']);
    expect(world.submits).toBe(2);
    expect(orders()).toBe(1);
  });

  it('stopped before Submit: failed with the snapshot kept; Retry checks since that intent, then buys once', async () => {
    const { world, store, run, orders, types } = setup();
    world.autoProvision = true;
    const first = await run('fail-before-submit');
    expect(stopOf(first.stop).reason).toBe('not-found');
    const failed = store.load().steps.purchase;
    expect(failed).toMatchObject({ state: 'failed', error: 'offer not listed', ordersBefore: [OLD_ORDER] });
    expect(world.submits).toBe(0);
    const reads = world.reads.listOrders;
    const retry = await run('ok');
    expect(retry.stop).toBeNull();
    expect(retry.events).toEqual([
      { type: 'purchase.intent', ordersBefore: failed.ordersBefore, subscriptionsBefore: failed.subscriptionsBefore },
      { type: 'purchase.reset', reason: expect.any(String) },
      { type: 'purchase.intent', ordersBefore: [OLD_ORDER], subscriptionsBefore: failed.subscriptionsBefore },
      { type: 'purchase.sent' },
      { type: 'purchase.submitted', orderId: theOrder(world).order.id },
      { type: 'purchase.verified', subscriptionId: theOrder(world).subscriptionId },
    ]);
    // The API was asked before anything else was done.
    expect(world.reads.listOrders).toBeGreaterThan(reads);
    expect(types()[0]).toBe('purchase.intent');
    expect(world.submits).toBe(1);
    expect(orders()).toBe(1);
  });

  it('stopped before Submit, then the replacement was bought by hand: Retry verifies that order and buys nothing', async () => {
    const { world, store, run, orders } = setup();
    await run('fail-before-submit');
    const manual = world.placeOrder(BASIC_OFFER, 25, 'ord-by-hand');
    world.provision();
    const retry = await run('ok');
    expect(retry.stop).toBeNull();
    expect(retry.events.map((e) => e.type)).toEqual(['purchase.intent', 'purchase.verified']);
    expect(store.load().steps.purchase.subscriptionId).toBe(manual.lines[0]?.subscriptionId);
    expect(world.buyCalls).toBe(1);
    expect(world.submits).toBe(0);
    expect(orders()).toBe(1);
  });
});

describe('runPurchase, a Submit left unanswered', () => {
  it('no order and no answer: order-may-exist, each Retry buys nothing until the agent says nothing was bought', async () => {
    const { world, store, run, orders, types } = setup();
    world.autoProvision = true;
    const first = await run('timeout-before-commit');
    expect(stopOf(first.stop).reason).toBe('order-may-exist');
    expect(types()).toEqual(['purchase.intent', 'purchase.sent']);
    const retry = await run('ok');
    expect(stopOf(retry.stop).reason).toBe('order-may-exist');
    expect(retry.events).toEqual([]);
    expect(world.buyCalls).toBe(1);
    expect(orders()).toBe(0);

    // The agent checked Partner Center's orders: nothing. The API is asked once more, then a Retry buys once.
    const checked = await confirmNothingBought(store.load(), newRun(world, store).deps);
    expect(checked.steps.purchase).toEqual({ state: 'pending' });
    const last = await run('ok');
    expect(last.record?.steps.purchase.state).toBe('done');
    expect(types()).toEqual([
      'purchase.intent',
      'purchase.sent',
      'purchase.reset',
      'purchase.intent',
      'purchase.sent',
      'purchase.submitted',
      'purchase.verified',
    ]);
    expect(world.submits).toBe(2);
    expect(orders()).toBe(1);
  });

  it('an order Partner Center accepts late: Retries buy nothing while unanswered, and verify it once it shows', async () => {
    const { world, store, run, orders, types } = setup();
    const first = await run('timeout-order-later');
    expect(stopOf(first.stop).reason).toBe('order-may-exist');
    expect(store.load().steps.purchase).toMatchObject({ state: 'submitted', sentAt: expect.any(Number) });
    expect(orders()).toBe(0);
    const retry = await run('ok');
    expect(stopOf(retry.stop).reason).toBe('order-may-exist');
    world.provision();
    expect(orders()).toBe(1);
    const last = await run('ok');
    expect(last.record?.steps.purchase).toMatchObject({ state: 'done', subscriptionId: theOrder(world).subscriptionId });
    expect(types()).toEqual(['purchase.intent', 'purchase.sent', 'purchase.verified']);
    expect(world.buyCalls).toBe(1);
    expect(world.submits).toBe(1);
  });

  it('the agent says nothing was bought but the API shows the order: it is waited for, never bought again', async () => {
    const { world, store, run, orders, types } = setup();
    await run('crash-after-commit');
    const checked = await confirmNothingBought(store.load(), newRun(world, store).deps).catch((e: unknown) => e);
    expect(stopOf(checked).reason).toBe('verify');
    expect(store.load().steps.purchase.state).toBe('submitted');
    world.provision();
    const last = await run('ok');
    expect(last.record?.steps.purchase.state).toBe('done');
    expect(types()).toEqual(['purchase.intent', 'purchase.sent', 'purchase.verified']);
    expect(world.buyCalls).toBe(1);
    expect(orders()).toBe(1);
  });

  it('the store refuses "Submit clicked": the portal never clicks, and the purchase is marked failed', async () => {
    const { world, store, orders } = setup();
    const r = newRun(world, store);
    const apply = r.deps.apply;
    const deps = {
      ...r.deps,
      apply: (event: Parameters<typeof apply>[0]) =>
        event.type === 'purchase.sent' ? Promise.reject(new StepStop('store', event.type, null, 'refused')) : apply(event),
    };
    const stop = await runPurchase(store.load(), deps).catch((e: unknown) => e);
    expect(stopOf(stop).reason).toBe('store');
    expect(world.submits).toBe(0);
    expect(orders()).toBe(0);
    expect(store.applied.map((e) => e.type)).toEqual(['purchase.intent', 'purchase.failed']);
  });
});

describe('runPurchase, provisioning slower than any window', () => {
  it('stops with verify and keeps the intent; a Retry days later still buys nothing, and verifies once provisioned', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2024, 4, 1, 10));
    const { world, store, run, orders } = setup();
    const first = await run('ok');
    expect(stopOf(first.stop)).toMatchObject({ reason: 'verify', target: 'subscription' });
    const kept = store.load().steps.purchase;
    expect(kept).toMatchObject({ state: 'submitted', orderId: theOrder(world).order.id, ordersBefore: [OLD_ORDER] });

    // Thirty days on, by both clocks: no clock decides anything.
    vi.setSystemTime(Date.UTC(2024, 4, 31, 10));
    store.advance(30 * 86_400_000);
    const retry = await run('ok');
    expect(stopOf(retry.stop).reason).toBe('verify');
    expect(retry.events).toEqual([]);
    expect(store.load().steps.purchase).toEqual(kept);

    world.provision();
    const last = await run('ok');
    expect(last.events).toEqual([{ type: 'purchase.verified', subscriptionId: theOrder(world).subscriptionId }]);
    expect(last.record?.steps.purchase.state).toBe('done');
    expect(world.buyCalls).toBe(1);
    expect(world.submits).toBe(1);
    expect(orders()).toBe(1);
  });

  it('verifies while polling when the subscription shows up within the window', async () => {
    vi.useFakeTimers();
    const { world, store, orders } = setup();
    let orderReads = 0;
    const listOrders = world.api.listOrders;
    // Provisioned on the third read of the orders: after the first poll, before the window closes.
    const api = {
      ...world.api,
      listOrders: (...args: Parameters<typeof listOrders>) => {
        if (++orderReads === 3) world.provision();
        return listOrders(...args);
      },
    };
    const r = newRun(world, store, { verifyTimeoutMs: 10_000 });
    const running = runPurchase(store.load(), { ...r.deps, api });
    await vi.advanceTimersByTimeAsync(5_000);
    const record = await running;
    expect(record.steps.purchase).toMatchObject({ state: 'done', subscriptionId: theOrder(world).subscriptionId });
    expect(store.applied.map((e) => e.type)).toEqual(['purchase.intent', 'purchase.sent', 'purchase.submitted', 'purchase.verified']);
    expect(orders()).toBe(1);
  });

  it('settlePurchase (on opening the panel) waits for the order and never buys', async () => {
    const { world, store, run, orders } = setup();
    await run('crash-after-commit');
    const r = newRun(world, store);
    await expect(settlePurchase(store.load(), r.deps)).rejects.toMatchObject({ reason: 'verify' });
    world.provision();
    const settled = await settlePurchase(store.load(), newRun(world, store).deps);
    expect(settled.steps.purchase.state).toBe('done');
    expect(world.buyCalls).toBe(1);
    expect(orders()).toBe(1);
  });
});

describe('runPurchase, facts it cannot decide from', () => {
  it.each(['listOrders', 'listSubscriptions'] as const)(
    'a failed %s read before the intent stops with api, having written and bought nothing',
    async (read) => {
      const { world, store, run } = setup();
      world.failing.add(read);
      const { stop } = await run('ok');
      expect(stopOf(stop)).toMatchObject({ reason: 'api' });
      expect(store.applied).toEqual([]);
      expect(store.load().steps.purchase).toEqual({ state: 'pending' });
      expect(world.buyCalls).toBe(0);
    },
  );

  it('a failed orders read with an intent recorded decides nothing: the intent stays, nothing is bought', async () => {
    const start = drive([{ type: 'purchase.intent', ordersBefore: [OLD_ORDER], subscriptionsBefore: [] }]);
    const { world, store, run } = setup(start);
    world.failing.add('listOrders');
    const { stop } = await run('ok');
    expect(stopOf(stop)).toMatchObject({ reason: 'api', target: 'orders' });
    expect(store.applied).toEqual([]);
    expect(store.load()).toEqual(start);
    expect(world.buyCalls).toBe(0);
  });

  it('two orders of the replacement since the intent: order-may-exist names both, nothing is written or bought', async () => {
    const start = drive([{ type: 'purchase.intent', ordersBefore: [OLD_ORDER], subscriptionsBefore: [] }]);
    const { world, store, run, orders } = setup(start);
    world.placeOrder(BASIC_OFFER, 25, 'ord-a');
    world.placeOrder(BASIC_OFFER, 25, 'ord-b');
    const { stop } = await run('ok');
    expect(stopOf(stop)).toMatchObject({ reason: 'order-may-exist', target: 'ord-a, ord-b' });
    expect(store.applied).toEqual([]);
    expect(world.buyCalls).toBe(0);
    expect(orders()).toBe(2);
  });

  it('a recorded order the API does not know: order-may-exist, nothing written or bought', async () => {
    const start = drive([
      { type: 'purchase.intent', ordersBefore: [OLD_ORDER], subscriptionsBefore: [] },
      { type: 'purchase.submitted', orderId: 'ord-lost' },
    ]);
    const { world, store, run } = setup(start);
    const { stop } = await run('ok');
    expect(stopOf(stop)).toMatchObject({ reason: 'order-may-exist', target: 'ord-lost' });
    expect(world.reads.getOrder).toBe(1);
    expect(store.applied).toEqual([]);
    expect(world.buyCalls).toBe(0);
  });

  it('a failed read of the recorded order decides nothing', async () => {
    const start = drive([
      { type: 'purchase.intent', ordersBefore: [OLD_ORDER], subscriptionsBefore: [] },
      { type: 'purchase.submitted', orderId: 'ord-lost' },
    ]);
    const { world, store, run } = setup(start);
    world.failing.add('getOrder');
    const { stop } = await run('ok');
    expect(stopOf(stop)).toMatchObject({ reason: 'api', target: 'orders' });
    expect(store.applied).toEqual([]);
    expect(world.buyCalls).toBe(0);
  });
});

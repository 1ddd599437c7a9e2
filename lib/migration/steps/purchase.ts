import { sameId } from '@/lib/recommend/ids';
import { type OrderFact, reconcileEvent, reconcilePurchase } from '../reconcile';
import { MAX_SNAPSHOT, type MigrationRecord } from '../types';
import { type StepDeps, StepStop } from './deps';
import { portalSteps } from './portal';
import { poll } from './verify';

/**
 * Reads what Partner Center holds about an interrupted purchase (the customer's orders and
 * subscriptions) and records it: bought, or not bought. Waiting for provisioning changes nothing;
 * facts that contradict each other stop the step with the orders named, and a failed read decides
 * nothing.
 */
export async function reconcile(
  record: MigrationRecord,
  deps: StepDeps,
  /** The Submit clicked was answered (the portal showed an error) or the agent checked: see PurchaseFacts. */
  answered = false,
): Promise<MigrationRecord> {
  const { purchase } = record.steps;
  if (purchase.state !== 'intent' && purchase.state !== 'submitted') return record;
  const { orders, subs } = await customerPurchases(record, deps);
  let order: OrderFact | null | undefined;
  if (purchase.orderId && !orders.some((o) => sameId(o.id, purchase.orderId))) {
    const got = await deps.api.getOrder(record.tenantId, purchase.orderId, { signal: deps.signal });
    if (!got.ok && got.error.kind !== 'not-found') throw new StepStop('api', 'orders', null, got.error.kind);
    order = got.ok ? got.data : null;
  }
  const outcome = reconcilePurchase(record, { subscriptions: subs, orders, order, answered });
  if (outcome.kind === 'uncertain') {
    throw new StepStop(
      'order-may-exist',
      outcome.orderIds.join(', '),
      null,
      `An order may already have gone through (${outcome.why}: ${outcome.orderIds.join(', ')}); nothing was bought again.`,
    );
  }
  const event = reconcileEvent(outcome);
  return event ? deps.apply(event) : record;
}

/**
 * Step A. Buys only after the API shows that nothing was ordered since the last intent: the intent is
 * written before Submit with the ids the customer already had, the portal's own pages are walked
 * (Add subscription → Add to cart → Review → Submit), and the API must then show the new
 * subscription. Whatever happens once Submit is clicked (an error shown, a timeout, the tab closed),
 * only the customer's orders decide whether it bought: the intent stays until they say.
 */
export async function runPurchase(
  start: MigrationRecord,
  deps: StepDeps,
  /** Other names the catalog may list the offer under (e.g. the plan's name where the offer's is a guess). */
  otherNames: readonly string[] = [],
): Promise<MigrationRecord> {
  let record = start;
  for (let round = 0; ; round++) {
    record = await reconcile(record, deps);
    const p = record.steps.purchase;
    if (p.state === 'done' || p.state === 'skipped') return record;
    // An order exists and its subscription is being provisioned: wait for it, buy nothing.
    if (p.state === 'intent' || p.state === 'submitted') return waitForSubscription(record, deps);
    if (p.state === 'failed' && p.ordersBefore && round === 0) {
      // Failed before Submit, by our account. The API has the last word: the failed intent is taken
      // up again with its snapshot and reconciled, and only "nothing since" lets a new one be written.
      record = await deps.apply({
        type: 'purchase.intent',
        ordersBefore: p.ordersBefore,
        subscriptionsBefore: p.subscriptionsBefore ?? [],
      });
      continue;
    }
    break;
  }
  const tenantId = record.tenantId;
  record = await deps.apply({ type: 'purchase.intent', ...(await snapshot(record, deps)) });
  let clicked = false;
  let orderId: string | null;
  try {
    const { offerName, quantity } = record.replacement;
    const names = [offerName, ...otherNames];
    ({ orderId } = await (deps.portal ?? portalSteps).buy({ tenantId, names, quantity }, deps, async () => {
      record = await deps.apply({ type: 'purchase.sent' });
      clicked = true;
    }));
  } catch (error) {
    if (!clicked) {
      // Stopped before Submit: nothing was ordered, the purchase may be tried again (after the check above).
      const why = error instanceof Error ? error.message : String(error);
      await deps.apply({ type: 'purchase.failed', error: why.slice(0, 500) || 'stopped before Submit' });
      throw error;
    }
    return afterFailedSubmit(record, deps, error);
  }
  if (orderId) record = await deps.apply({ type: 'purchase.submitted', orderId });
  return waitForSubscription(record, deps);
}

/**
 * The agent checked the customer's orders in Partner Center after "an order may already have gone
 * through" and says nothing was bought. The API is asked once more: an order of the offer since the
 * intent still wins; only none lets the purchase start over.
 */
export async function confirmNothingBought(record: MigrationRecord, deps: StepDeps): Promise<MigrationRecord> {
  const next = await reconcile(record, deps, true);
  const state = next.steps.purchase.state;
  return state === 'intent' || state === 'submitted' ? waitForSubscription(next, deps) : next;
}

/**
 * Submit was clicked and the page did not confirm (an error shown, no confirmation, the page left).
 * The API says what happened before anything is said: an order placed is waited for as any other;
 * none lets the agent correct and try again; a failed read leaves the intent for the next run.
 */
async function afterFailedSubmit(record: MigrationRecord, deps: StepDeps, error: unknown): Promise<MigrationRecord> {
  // An error the portal showed answers the Submit: its request is over, so no order means none. A
  // missing confirmation or a page left answers nothing: the order may still be on its way.
  const answered = error instanceof StepStop && error.reason === 'portal-error';
  let settled: MigrationRecord;
  try {
    settled = await reconcile(record, deps, answered);
  } catch (stop) {
    if (stop instanceof StepStop && stop.reason === 'order-may-exist') throw stop;
    throw error;
  }
  const state = settled.steps.purchase.state;
  if (state === 'done') return settled;
  if (state === 'intent' || state === 'submitted') return waitForSubscription(settled, deps);
  throw error;
}

/** The ids the customer has before the intent: what is not among them afterwards was bought since. */
async function snapshot(record: MigrationRecord, deps: StepDeps) {
  const { orders, subs } = await customerPurchases(record, deps);
  if (orders.length > MAX_SNAPSHOT || subs.length > MAX_SNAPSHOT) {
    throw new StepStop('api', 'orders', null, 'too many orders to tell a new one apart');
  }
  return {
    ordersBefore: orders.map((o) => o.id.toLowerCase()),
    subscriptionsBefore: subs.map((s) => s.id.toLowerCase()),
  };
}

/** The customer's orders and subscriptions, both read now; a failed read stops (nothing is decided). */
async function customerPurchases(record: MigrationRecord, deps: StepDeps) {
  const { signal } = deps;
  const [orders, subs] = await Promise.all([
    deps.api.listOrders(record.tenantId, { signal }),
    deps.api.listSubscriptions(record.tenantId, { signal }),
  ]);
  if (!orders.ok) throw new StepStop('api', 'orders', null, orders.error.kind);
  if (!subs.ok) throw new StepStop('api', 'subscriptions', null, subs.error.kind);
  return { orders: orders.data, subs: subs.data };
}

/**
 * Settles an interrupted purchase from the API without buying anything: waits while an order is
 * provisioning; returns as soon as the purchase is done, or reset (nothing was bought, safe to retry).
 */
export async function settlePurchase(record: MigrationRecord, deps: StepDeps): Promise<MigrationRecord> {
  const next = await reconcile(record, deps);
  const state = next.steps.purchase.state;
  return state === 'intent' || state === 'submitted' ? waitForSubscription(next, deps) : next;
}

async function waitForSubscription(record: MigrationRecord, deps: StepDeps): Promise<MigrationRecord> {
  const settled = await poll(
    async () => {
      const next = await reconcile(record, deps);
      record = next;
      const state = next.steps.purchase.state;
      return state === 'intent' || state === 'submitted' ? null : next;
    },
    { signal: deps.signal, everyMs: 1500, timeoutMs: deps.verifyTimeoutMs },
  );
  if (!settled) {
    // Still provisioning: the intent stays, and the next run (or a reload) waits again, buying nothing.
    throw new StepStop('verify', 'subscription', null, 'The new subscription does not show in Partner Center yet.');
  }
  if (settled.steps.purchase.state !== 'done') {
    // Reconciling found no order at all: nothing was bought, and a new click may buy.
    throw new StepStop('verify', 'no-order', null, 'Partner Center shows no order: nothing was bought.');
  }
  return settled;
}

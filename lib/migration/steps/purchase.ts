import type { ActContext } from '@/lib/portal/act';
import { addToCartAndReview, chooseOffer, submitOrder } from '@/lib/portal/pages/add-subscription';
import { openAddSubscription } from '@/lib/portal/pages/subscriptions';
import { goToCustomerPage } from '@/lib/portal/navigate';
import { reconcileEvent, reconcilePurchase } from '../reconcile';
import type { MigrationRecord } from '../types';
import { type StepDeps, StepStop, onPortal, pageContext } from './deps';
import { poll } from './verify';

/** Reads what Partner Center shows about the purchase and records it: bought, not bought, or pending. */
export async function reconcile(record: MigrationRecord, deps: StepDeps): Promise<MigrationRecord> {
  const { purchase } = record.steps;
  if (purchase.state !== 'intent' && purchase.state !== 'submitted') return record;
  const subs = await deps.api.listSubscriptions(record.tenantId, { signal: deps.signal });
  if (!subs.ok) throw new StepStop('api', 'subscriptions', null, subs.error.kind);
  let order: { id: string; lineItems: { offerId: string; subscriptionId?: string | null }[] } | null | undefined;
  if (purchase.orderId) {
    const got = await deps.api.getOrder(record.tenantId, purchase.orderId, { signal: deps.signal });
    order = got.ok ? got.data : got.error.kind === 'not-found' ? null : undefined;
  }
  const outcome = reconcilePurchase(record, { subscriptions: subs.data, order }, Date.now());
  const event = reconcileEvent(outcome);
  return event ? deps.apply(event) : record;
}

/**
 * Step A. Records the intent before anything is bought, walks Add subscription → Add to cart →
 * Review → Submit on the portal's own pages, records the order, then waits until the API shows the
 * new subscription. On a resumed intent it first asks the API what happened, so nothing is bought twice.
 */
export async function runPurchase(
  start: MigrationRecord,
  deps: StepDeps,
  /** Other names the catalog may list the offer under (e.g. the plan's name where the offer's is a guess). */
  otherNames: readonly string[] = [],
): Promise<MigrationRecord> {
  let record = await reconcile(start, deps);
  if (record.steps.purchase.state === 'done' || record.steps.purchase.state === 'skipped') return record;
  if (record.steps.purchase.state === 'intent' || record.steps.purchase.state === 'submitted') {
    // An order may exist whose subscription is still being provisioned: wait for it, buy nothing.
    return waitForSubscription(record, deps);
  }
  const tenant = record.tenantId;
  const { offerName, quantity } = record.replacement;
  record = await deps.apply({ type: 'purchase.intent' });
  let orderId: string | null;
  try {
    await onPortal('subscriptions', () => goToCustomerPage(tenant, 'subscriptions', pageContext(deps, tenant, 'customer')));
    await onPortal('subscriptions', () => openAddSubscription(pageContext(deps, tenant, 'subscriptions')));
    const add = pageContext(deps, tenant, 'add-subscription');
    const listed = await chooseFirstListed([offerName, ...otherNames], quantity, add);
    await onPortal('add-subscription', () => addToCartAndReview({ offerName: listed, quantity }, add));
    ({ orderId } = await onPortal('add-subscription', () => submitOrder(add)));
  } catch (error) {
    // Refused by the portal (e.g. quantity outside the offer's limits) or stopped before Submit:
    // nothing was bought, so the intent becomes a failure that may be retried. Anything else leaves
    // the intent for the API to settle on the next run.
    if (error instanceof StepStop && (error.reason === 'portal-error' || !submitted(error))) {
      await deps.apply({ type: 'purchase.failed', error: error.message.slice(0, 500) });
    }
    throw error;
  }
  if (orderId) record = await deps.apply({ type: 'purchase.submitted', orderId });
  return waitForSubscription(record, deps);
}

/** Chooses the offer under the first of its names the catalog lists; returns the name used. */
async function chooseFirstListed(names: readonly string[], quantity: number, ctx: ActContext): Promise<string> {
  const unique = [...new Set(names)];
  for (const [i, offerName] of unique.entries()) {
    try {
      await onPortal('add-subscription', () => chooseOffer({ offerName, quantity }, ctx));
      return offerName;
    } catch (error) {
      if (!(error instanceof StepStop) || error.reason !== 'not-found' || i === unique.length - 1) throw error;
    }
  }
  throw new StepStop('not-found', names[0] ?? 'offer', 'add-subscription', 'offer not listed');
}

/** Whether a stop happened at or after Submit (then an order may exist and only the API can tell). */
function submitted(stop: StepStop): boolean {
  return stop.target === 'submit' || /submit/i.test(stop.target);
}

/**
 * Settles an interrupted purchase from the API without buying anything: waits while an order may be
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
    throw new StepStop('verify', 'subscription', null, 'The new subscription does not show in Partner Center yet.');
  }
  if (settled.steps.purchase.state !== 'done') {
    // Reconciling found no order at all: nothing was bought, and a new click may buy.
    throw new StepStop('verify', 'subscription', null, 'Partner Center shows no order: nothing was bought.');
  }
  return settled;
}

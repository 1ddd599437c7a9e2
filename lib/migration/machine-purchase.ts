import type { MigrationEvent } from './events';
import type { Transition } from './machine';
import { audit, done, notAllowed, side, withPurchase } from './machine-support';
import type { AuditEntry, MigrationRecord, PurchaseStep, ReplacementSide } from './types';

/** Step A's transitions (lib/migration/machine.ts dispatches to them). */

type PurchaseEvent = Extract<
  MigrationEvent,
  { type: `purchase.${string}` | 'replacement.changed' | 'quantity.changed' }
>;

export function purchaseEvent(record: MigrationRecord, event: PurchaseEvent, now: number): Transition {
  const p = record.steps.purchase;
  const rep = record.replacement;
  const log = (action: string, result: AuditEntry['result'], detail: string) =>
    audit(record, now, 'purchase', action, result, detail);
  switch (event.type) {
    case 'purchase.intent': {
      // From failed too: failed is only ever reached before Submit was clicked (see purchase.failed),
      // and the runner checks the API against the failed intent's snapshot before a new one.
      if (p.state !== 'pending' && p.state !== 'failed') return notAllowed(event, 'purchase', p.state);
      const intent: PurchaseStep = {
        state: 'intent',
        intentAt: now,
        ordersBefore: event.ordersBefore.map((o) => o.toLowerCase()),
        subscriptionsBefore: event.subscriptionsBefore.map((s) => s.toLowerCase()),
      };
      return done(withPurchase(record, intent, now), [
        log('intent', 'info', `Intent to buy ${side(rep)} recorded before Submit`),
      ]);
    }
    case 'purchase.sent':
      if (p.state !== 'intent') return notAllowed(event, 'purchase', p.state);
      return done(withPurchase(record, { ...p, state: 'submitted', sentAt: now }, now), [
        log('sent', 'info', `Submit clicked for ${side(rep)}: only the customer's orders can tell what it bought`),
      ]);
    case 'purchase.submitted':
      // After `sent` too, once the confirmation names the order; never a second order id.
      if (p.state !== 'intent' && !(p.state === 'submitted' && !p.orderId)) {
        return notAllowed(event, 'purchase', p.state);
      }
      return done(withPurchase(record, { ...p, state: 'submitted', orderId: event.orderId }, now), [
        log('submitted', 'info', `Order ${event.orderId} submitted: ${side(rep)}`),
      ]);
    case 'purchase.verified': {
      if (p.state !== 'intent' && p.state !== 'submitted') return notAllowed(event, 'purchase', p.state);
      const subscriptionId = event.subscriptionId.toLowerCase();
      const order = p.orderId ? `, order ${p.orderId}` : '';
      return done(withPurchase(record, { ...p, state: 'done', subscriptionId }, now), [
        log('verified', 'ok', `Replacement subscription ${subscriptionId} verified: ${side(rep)}${order}`),
      ]);
    }
    case 'purchase.skipped':
      if (p.state !== 'pending' && p.state !== 'failed') return notAllowed(event, 'purchase', p.state);
      return done(withPurchase(record, { state: 'skipped', reason: event.reason }, now), [
        log('skipped', 'info', `Purchase skipped: ${event.reason}`),
      ]);
    case 'purchase.failed': {
      // Not from submitted: an order exists then, and only reconciling with the API can tell what it
      // bought. Marking it failed would open the way to a second purchase.
      if (p.state !== 'pending' && p.state !== 'intent') return notAllowed(event, 'purchase', p.state);
      // The intent's snapshot stays: a retry first asks the API what was ordered since it.
      const { intentAt, ordersBefore, subscriptionsBefore } = p;
      const failed: PurchaseStep = {
        state: 'failed',
        error: event.error,
        ...(intentAt !== undefined ? { intentAt } : {}),
        ...(ordersBefore ? { ordersBefore } : {}),
        ...(subscriptionsBefore ? { subscriptionsBefore } : {}),
      };
      return done(withPurchase(record, failed, now), [
        log('failed', 'failed', `Purchase of ${side(rep)} failed: ${event.error}`),
      ]);
    }
    case 'purchase.reset': {
      // From intent when reconcile finds nothing bought; from submitted only on the agent's word, after
      // reconcile was uncertain and the agent checked the portal's orders (reconcile never says "not
      // bought" once an order id is recorded).
      if (p.state !== 'intent' && p.state !== 'submitted') return notAllowed(event, 'purchase', p.state);
      const since = p.intentAt === undefined ? '' : ` of ${new Date(p.intentAt).toISOString()}`;
      const order = p.orderId ? ` (order ${p.orderId} not found)` : '';
      const why = event.reason ? `: ${event.reason}` : '';
      return done(withPurchase(record, { state: 'pending' }, now), [
        log('reset', 'info', `Intent${since}${order} was not bought; the purchase may be retried${why}`),
      ]);
    }
    case 'replacement.changed': {
      if (!replacementOpen(p)) return notAllowed(event, 'purchase', p.state);
      const replacement: ReplacementSide = { ...event.replacement };
      return done({ ...record, replacement, updatedAt: now }, [
        log('replacement-changed', 'info', `Replacement changed from ${side(rep)} (plan ${rep.planKey}) to ` +
          `${side(replacement)} (plan ${replacement.planKey})`),
      ]);
    }
    case 'quantity.changed':
      if (!replacementOpen(p)) return notAllowed(event, 'purchase', p.state);
      return done({ ...record, replacement: { ...rep, quantity: event.quantity }, updatedAt: now }, [
        log('quantity-changed', 'info', `Quantity of ${rep.offerName} changed from ${rep.quantity} ` +
          `to ${event.quantity}`),
      ]);
  }
}

/**
 * What to buy may change only while nothing has been ordered. Failed counts as such: the machine
 * reaches it only before an order exists, and fixing the quantity is the usual cure (error 2002).
 */
function replacementOpen(p: PurchaseStep): boolean {
  return p.state === 'pending' || p.state === 'failed';
}

// ---- B: reassign ----------------------------------------------------------------------------

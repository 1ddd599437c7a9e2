// Time-driven changes, applied lazily whenever a customer is read or changed: orders whose
// provisioning delay has passed get their subscriptions; terms that have ended renew (auto-renew on)
// or expire (off); suspended subscriptions are de-provisioned 120 days after suspension (both guides).
// Comparing timestamps at read time, instead of running timers, keeps the simulator deterministic.
import { findOffer } from './offers';
import { subscriptionRecord, touch } from './resources';
import { addDays, addYears, DAY_MS, endOfInclusiveDay, isoDay } from './time';
import type { CustomerRecord, OrderRecord } from './types';

export const DEPROVISION_AFTER_DAYS = 120;

function provision(customer: CustomerRecord, order: OrderRecord): void {
  const creationMs = order.provisionAtMs;
  order.resource.lineItems.forEach((line, index) => {
    const offer = findOffer(line.offerId);
    const subscriptionId = order.reservedSubscriptionIds[index];
    if (!offer || !subscriptionId) return;
    customer.subscriptions.push(
      subscriptionRecord({
        id: subscriptionId,
        customerId: customer.customer.id,
        offer,
        quantity: line.quantity,
        status: 'active',
        autoRenewEnabled: offer.isAutoRenewable,
        creationMs,
        // A one-year term: through the day before the purchase date's anniversary.
        commitmentEndMs: addDays(addYears(creationMs, 1), -1),
        orderId: order.resource.id,
        friendlyName: line.friendlyName,
        billingCycle: order.resource.billingCycle,
        parentSubscriptionId: line.parentSubscriptionId ?? null,
      }),
    );
    line.subscriptionId = subscriptionId;
  });
  order.resource.status = 'completed';
}

/** Brings one customer up to simulated time `nowMs`. */
export function advanceCustomer(customer: CustomerRecord, nowMs: number): void {
  for (const order of customer.orders) {
    if (order.resource.status === 'pending' && order.provisionAtMs <= nowMs) provision(customer, order);
  }
  for (const record of customer.subscriptions) {
    const sub = record.resource;
    if (sub.status === 'suspended' && record.suspendedAt) {
      if (Date.parse(record.suspendedAt) + DEPROVISION_AFTER_DAYS * DAY_MS <= nowMs) {
        sub.status = 'deleted';
        touch(record);
      }
      continue;
    }
    if (sub.status !== 'active') continue;
    while (sub.status === 'active' && endOfInclusiveDay(sub.commitmentEndDate) <= nowMs) {
      if (sub.autoRenewEnabled) {
        const nextStart = endOfInclusiveDay(sub.commitmentEndDate);
        sub.effectiveStartDate = isoDay(nextStart);
        sub.commitmentEndDate = isoDay(addDays(addYears(nextStart, 1), -1));
      } else {
        sub.status = 'expired';
      }
      touch(record);
    }
  }
}

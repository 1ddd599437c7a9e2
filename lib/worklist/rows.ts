import { daysLeftFrom, urgencyOf, type Urgency } from '@/lib/overlay/assess';
import type { ScanState } from './state';

/** One retiring subscription of the worklist, as the side panel lists it. */
export interface WorklistRow {
  customerId: string;
  customerName: string;
  subscriptionId: string;
  offerName: string;
  quantity: number;
  endDate: string | null;
  daysLeft: number | null;
  urgency: Urgency;
}

/** A customer whose subscriptions could not be read: listed with why, read again on refresh. */
export interface WorklistFailure {
  customerId: string;
  customerName: string;
  reason: string;
}

/**
 * The worklist from the scan: every retiring subscription of the last complete customer list (or the
 * listing under way), soonest end first, then by customer name; days left counted from `today`
 * (YYYY-MM-DD in the agent's time zone), never stored.
 */
export function worklistRows(state: ScanState, today: string): { rows: WorklistRow[]; failures: WorklistFailure[] } {
  const customers = state.listed || state.customers.length > 0 ? state.customers : state.listing;
  const rows: WorklistRow[] = [];
  const failures: WorklistFailure[] = [];
  for (const customer of customers) {
    const failure = state.failures[customer.id];
    if (failure) failures.push({ customerId: customer.id, customerName: customer.name, reason: failure.reason });
    for (const sub of state.results[customer.id]?.retiring ?? []) {
      const daysLeft = sub.endDate ? daysLeftFrom(today, sub.endDate) : null;
      rows.push({
        customerId: customer.id,
        customerName: customer.name,
        subscriptionId: sub.subscriptionId,
        offerName: sub.offerName,
        quantity: sub.quantity,
        endDate: sub.endDate,
        daysLeft,
        urgency: urgencyOf(daysLeft),
      });
    }
  }
  const key = (r: WorklistRow) => r.daysLeft ?? Number.POSITIVE_INFINITY;
  rows.sort((a, b) => key(a) - key(b) || a.customerName.localeCompare(b.customerName));
  return { rows, failures };
}

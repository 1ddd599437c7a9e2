import { nextStep } from '@/lib/migration/progress';
import type { MigrationRecord, StepName } from '@/lib/migration/types';
import type { Urgency } from '@/lib/overlay/assess';
import { daysLeftFrom, urgencyOf } from '@/lib/overlay/days';
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
  migration: 'not-started' | 'in-progress' | 'done';
  nextStep: StepName | null;
}

/** A customer whose subscriptions could not be read: listed with why, read again on refresh. */
export interface WorklistFailure {
  customerId: string;
  customerName: string;
  reason: string;
}

/**
 * Customers still to migrate (a subscription not done), and how many of them end within 30 days or
 * have ended: the toolbar badge's figures.
 */
export function stillToMigrate(rows: readonly WorklistRow[]): { customers: number; urgent: number } {
  const open = rows.filter((r) => r.migration !== 'done');
  const urgent = new Set(open.filter((r) => r.urgency === 'urgent' || r.urgency === 'ended').map((r) => r.customerId));
  return { customers: new Set(open.map((r) => r.customerId)).size, urgent: urgent.size };
}

/**
 * The worklist from the scan: every retiring subscription of the last complete customer list (or the
 * listing under way), soonest end first, then by customer name; days left counted from `today`
 * (YYYY-MM-DD in the agent's time zone), never stored.
 */
export function worklistRows(
  state: ScanState,
  today: string,
  migrations: readonly MigrationRecord[] = [],
): { rows: WorklistRow[]; failures: WorklistFailure[] } {
  const bySubscription = new Map(migrations.map((m) => [m.subscriptionId.toLowerCase(), m]));
  const customers = state.listed || state.customers.length > 0 ? state.customers : state.listing;
  const rows: WorklistRow[] = [];
  const failures: WorklistFailure[] = [];
  for (const customer of customers) {
    const failure = state.failures[customer.id];
    if (failure) failures.push({ customerId: customer.id, customerName: customer.name, reason: failure.reason });
    for (const sub of state.results[customer.id]?.retiring ?? []) {
      const daysLeft = sub.endDate ? daysLeftFrom(today, sub.endDate) : null;
      const record = bySubscription.get(sub.subscriptionId.toLowerCase());
      const next = record ? nextStep(record) : null;
      rows.push({
        customerId: customer.id,
        customerName: customer.name,
        subscriptionId: sub.subscriptionId,
        offerName: sub.offerName,
        quantity: sub.quantity,
        endDate: sub.endDate,
        daysLeft,
        urgency: urgencyOf(daysLeft),
        migration: !record ? 'not-started' : next === null ? 'done' : 'in-progress',
        nextStep: next,
      });
    }
  }
  const key = (r: WorklistRow) => r.daysLeft ?? Number.POSITIVE_INFINITY;
  rows.sort((a, b) => key(a) - key(b) || a.customerName.localeCompare(b.customerName));
  return { rows, failures };
}

import type { Catalog, Localized } from '@/lib/catalog';
import type { MigrationRecord, StepName } from '@/lib/migration/types';
import type { Urgency } from '@/lib/overlay/assess';
import { daysLeftFrom, urgencyOf } from '@/lib/overlay/days';
import { combineStands, storeStand } from './migration-state';
import type { MigrationState, PreflightIssue, PreflightNote, Recommended, Verdict } from './preflight-state';
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
  /** The catalog's retirement the subscription falls under, with its title. */
  retirementId: string;
  retirement: Localized;
  /** The replacement the Migrate panel would offer first and how many to buy; null before a check. */
  replacement: Recommended | null;
  /** The pre-flight verdict; 'unchecked' until the customer is checked. */
  verdict: Verdict | 'unchecked';
  issues: PreflightIssue[];
  notes: PreflightNote[];
  /** When the customer was last checked (epoch ms). */
  checkedAt: number | null;
  /** Where the migration stands (this browser's store and the API combined), its next step while in progress. */
  migration: MigrationState;
  nextStep: StepName | null;
  /** Which told the migration's stand: this browser's store, or Partner Center's API (work done elsewhere). */
  migrationSource: 'store' | 'api' | null;
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
 * The worklist's next customer after `tenantId`: the first row (soonest end first) of another
 * customer whose migration is not done, or null.
 */
export function nextCustomer(rows: readonly WorklistRow[], tenantId: string): WorklistRow | null {
  const after = tenantId.toLowerCase();
  return rows.find((r) => r.migration !== 'done' && r.customerId.toLowerCase() !== after) ?? null;
}

/** What the rows show beside the scan: this browser's migrations, and the catalog for the retirements' titles. */
export interface RowSources {
  migrations?: readonly MigrationRecord[];
  catalog?: Catalog;
}

/** The row's pre-flight part: the customer's check of this subscription, with the migration combined. */
function checked(state: ScanState, customerId: string, subscriptionId: string, record: MigrationRecord | undefined) {
  const customer = state.preflight[customerId];
  const sub = customer?.subscriptions[subscriptionId.toLowerCase()];
  const stand = combineStands(record ? storeStand(record) : null, sub?.api ?? null);
  const failure: PreflightIssue[] = customer?.failure ? [{ kind: 'read-failed', reason: customer.failure }] : [];
  const verdict: WorklistRow['verdict'] =
    stand.state === 'done' ? 'done' : failure.length > 0 ? 'attention' : (sub?.verdict ?? 'unchecked');
  return {
    replacement: sub?.replacement ?? null,
    verdict,
    issues: failure.length > 0 ? failure : (sub?.issues ?? []),
    notes: sub?.notes ?? [],
    checkedAt: customer?.checkedAt ?? null,
    migration: stand.state,
    nextStep: stand.next,
    migrationSource: stand.source,
  };
}

/**
 * The worklist from the scan: every retiring subscription of the last complete customer list (or the
 * listing under way), soonest end first, then by customer name; days left counted from `today`
 * (YYYY-MM-DD in the agent's time zone), never stored.
 */
export function worklistRows(
  state: ScanState,
  today: string,
  { migrations = [], catalog }: RowSources = {},
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
      const title = catalog?.retirements.find((r) => r.id === sub.retirementId)?.title;
      rows.push({
        customerId: customer.id,
        customerName: customer.name,
        subscriptionId: sub.subscriptionId,
        offerName: sub.offerName,
        quantity: sub.quantity,
        endDate: sub.endDate,
        daysLeft,
        urgency: urgencyOf(daysLeft),
        retirementId: sub.retirementId,
        retirement: title ?? { en: sub.retirementId, ko: sub.retirementId },
        ...checked(state, customer.id, sub.subscriptionId, record),
      });
    }
  }
  const key = (r: WorklistRow) => r.daysLeft ?? Number.POSITIVE_INFINITY;
  rows.sort((a, b) => key(a) - key(b) || a.customerName.localeCompare(b.customerName));
  return { rows, failures };
}

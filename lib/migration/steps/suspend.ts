import type { MigrationRecord } from '../types';
import { type StepDeps, StepStop } from './deps';
import { portalSteps } from './portal';
import { poll } from './verify';

/** The day the suspended subscription is de-provisioned: `days` after today (both calendar dates). */
export function deprovisionDate(today: Date, days: number): string {
  const d = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() + days));
  return d.toISOString().slice(0, 10);
}

/** Who still holds the retiring product, against the seats that other subscriptions of its SKU keep. */
export interface OldLicenseUse {
  holders: number;
  stayingSeats: number;
}

/**
 * Reads, now, how many users hold the retiring product and how many seats other subscriptions of
 * the same SKU keep (its total less the retiring subscription's own quantity, read too). An unknown
 * SKU, a SKU the API does not list or a failed read decides nothing: it stops.
 */
export async function oldLicenseUse(record: MigrationRecord, deps: StepDeps, sku: string | null): Promise<OldLicenseUse> {
  if (!sku) throw new StepStop('unknown-sku', 'licenses', null, 'The retiring product is not known from Partner Center.');
  const { signal } = deps;
  const [skus, sub] = await Promise.all([
    deps.api.listSubscribedSkus(record.tenantId, { signal }),
    deps.api.getSubscription(record.tenantId, record.subscriptionId, { signal }),
  ]);
  if (!skus.ok) throw new StepStop('api', 'licenses', null, skus.error.kind);
  if (!sub.ok) throw new StepStop('api', 'subscription', null, sub.error.kind);
  const entry = skus.data.find((s) => s.productSku.id.toLowerCase() === sku.toLowerCase());
  if (!entry) throw new StepStop('unknown-sku', 'licenses', null, 'Partner Center does not list the retiring product.');
  // A suspended subscription grants no seats any more (Partner Center leaves them out of the total):
  // only an active one's own seats are taken off to find what the others keep.
  const own = sub.data.status === 'suspended' ? 0 : sub.data.quantity;
  return { holders: entry.consumedUnits, stayingSeats: Math.max(0, entry.totalUnits - own) };
}

/** Stops unless nobody needs the retiring product beyond the seats that stay. */
export async function assertOldLicenseFree(record: MigrationRecord, deps: StepDeps, sku: string | null): Promise<void> {
  const use = await oldLicenseUse(record, deps, sku);
  const over = use.holders - use.stayingSeats;
  if (over > 0) throw new StepStop('in-use', String(over), null, `${over} users still hold the old license.`);
}

/**
 * Step C. Only when the API shows no user still needing the old product, read before going to the
 * detail page and again right before Submit: opens the subscription's detail page, chooses
 * Suspended, Submit, and waits until the API shows it suspended.
 */
export async function runSuspend(
  start: MigrationRecord,
  deps: StepDeps,
  options: { days: number; retiringSku: string | null },
): Promise<MigrationRecord> {
  let record = start;
  const tenant = record.tenantId;
  const check = () => assertOldLicenseFree(record, deps, options.retiringSku);
  if (record.steps.suspend.state !== 'submitted') {
    await check();
    // Suspended already (an earlier click whose answer was lost, or the agent by hand): nothing to click.
    if (!(await isSuspended(record, deps))) {
      await (deps.portal ?? portalSteps).suspend(tenant, record.subscriptionId, deps, check);
    }
    record = await deps.apply({ type: 'suspend.submitted' });
  }
  const suspended = await poll(
    async () => {
      const sub = await deps.api.getSubscription(tenant, record.subscriptionId, { signal: deps.signal });
      return sub.ok && sub.data.status === 'suspended' ? true : null;
    },
    { signal: deps.signal, everyMs: 1000, timeoutMs: deps.verifyTimeoutMs },
  );
  if (!suspended) throw new StepStop('verify', 'status', 'subscription-detail', 'The subscription is not suspended yet.');
  // Done only if nobody took a license of it in the meantime: else the agent is told, not reassured.
  await check();
  return deps.apply({ type: 'suspend.verified', deprovisionDate: deprovisionDate(new Date(), options.days) });
}

async function isSuspended(record: MigrationRecord, deps: StepDeps): Promise<boolean> {
  const sub = await deps.api.getSubscription(record.tenantId, record.subscriptionId, { signal: deps.signal });
  if (!sub.ok) throw new StepStop('api', 'subscription', null, sub.error.kind);
  return sub.data.status === 'suspended';
}

import { goToCustomerPage } from '@/lib/portal/navigate';
import { suspend } from '@/lib/portal/pages/subscription-detail';
import { openSubscriptionDetail } from '@/lib/portal/pages/subscriptions';
import type { MigrationRecord } from '../types';
import { type StepDeps, StepStop, onPortal, pageContext } from './deps';
import { poll } from './verify';

/** The day the suspended subscription is de-provisioned: `days` after today (both calendar dates). */
export function deprovisionDate(today: Date, days: number): string {
  const d = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() + days));
  return d.toISOString().slice(0, 10);
}

/**
 * Whether the old license is free of users who still need it: the seats other subscriptions of the
 * same SKU keep cover everyone who holds it (no other subscription: nobody may hold it).
 */
export async function oldLicenseCleared(record: MigrationRecord, deps: StepDeps): Promise<boolean> {
  const sku = record.retiring.skuId?.toLowerCase();
  if (!sku) return true;
  const skus = await deps.api.listSubscribedSkus(record.tenantId, { signal: deps.signal });
  if (!skus.ok) throw new StepStop('api', 'licenses', null, skus.error.kind);
  const entry = skus.data.find((s) => s.productSku.id.toLowerCase() === sku);
  if (!entry) return true;
  const staying = Math.max(0, entry.totalUnits - record.retiring.quantity);
  return entry.consumedUnits <= staying;
}

/**
 * Step C. Only when the API shows no user still needing the old product: opens the subscription's
 * detail page, chooses Suspended, Submit, and waits until the API shows it suspended.
 */
export async function runSuspend(start: MigrationRecord, deps: StepDeps, days: number): Promise<MigrationRecord> {
  let record = start;
  const tenant = record.tenantId;
  if (!(await oldLicenseCleared(record, deps))) {
    throw new StepStop('verify', 'licenses', null, 'Users still hold the old license.');
  }
  if (record.steps.suspend.state !== 'submitted') {
    await onPortal('subscriptions', () => goToCustomerPage(tenant, 'subscriptions', pageContext(deps, tenant, 'customer')));
    await onPortal('subscriptions', () =>
      openSubscriptionDetail(record.subscriptionId, pageContext(deps, tenant, 'subscriptions')),
    );
    await onPortal('subscription-detail', () => suspend(pageContext(deps, tenant, 'subscription-detail')));
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
  return deps.apply({ type: 'suspend.verified', deprovisionDate: deprovisionDate(new Date(), days) });
}

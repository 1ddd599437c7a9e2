import type { StepId } from '@/components/panel-model';
import { type StepDeps, StepStop } from '@/lib/migration/steps/deps';
import { reconcile } from '@/lib/migration/steps/purchase';
import { oldLicenseCleared } from '@/lib/migration/steps/suspend';
import { deprovisionDate } from '@/lib/migration/steps/suspend';
import { createdSince, readLicensedUsers } from '@/lib/migration/steps/verify';
import type { MigrationRecord } from '@/lib/migration/types';

/**
 * "I did this myself": the agent did the step in the portal by hand. Nothing is taken on trust: the
 * API must show the step's result before it is recorded as done.
 */
export async function manualDone(
  step: StepId,
  record: MigrationRecord,
  deps: StepDeps,
  /** Step B only clears the old license (users are covered by another product): no new one is expected. */
  cleanupOnly = false,
): Promise<void> {
  const { api, signal } = deps;
  const tenant = record.tenantId;
  if (step === 'purchase') {
    const subs = await api.listSubscriptions(tenant, { signal });
    if (!subs.ok) throw new StepStop('api', 'subscriptions', null, subs.error.kind);
    const bought = subs.data.find(
      (s) =>
        s.offerId.toLowerCase() === record.replacement.offerId.toLowerCase() &&
        s.status === 'active' &&
        createdSince(s.creationDate, record.createdAt),
    );
    if (!bought) throw new StepStop('verify', 'subscription', 'subscriptions', 'No new subscription of the replacement offer.');
    let next = record;
    if (next.steps.purchase.state !== 'intent' && next.steps.purchase.state !== 'submitted') {
      next = await deps.apply({ type: 'purchase.intent' });
    }
    next = await reconcile(next, deps);
    if (next.steps.purchase.state !== 'done') await deps.apply({ type: 'purchase.verified', subscriptionId: bought.id });
    return;
  }
  if (step === 'reassign') {
    const read = await readLicensedUsers(api, tenant, signal);
    if (!read.ok) throw new StepStop('api', 'users', 'users', read.error.kind);
    const oldSku = record.retiring.skuId?.toLowerCase();
    const newSku = cleanupOnly ? undefined : record.replacement.skuId?.toLowerCase();
    const announced = Object.values(record.steps.reassign.users);
    let next = record;
    if (announced.length === 0 || next.steps.reassign.state !== 'running') {
      next = await deps.apply({
        type: 'reassign.started',
        users: announced.map((u) => ({ userId: u.userId, displayName: u.displayName, upn: u.upn })),
      });
    }
    const byId = new Map(read.data.map((u) => [u.id, u]));
    const pending = Object.values(next.steps.reassign.users).filter((u) => u.state !== 'moved');
    for (const user of pending) {
      const now = byId.get(user.userId.toLowerCase());
      const moved = !!now && !now.skuIds.includes(oldSku ?? '') && (!newSku || now.skuIds.includes(newSku));
      if (!moved) throw new StepStop('verify', user.upn, 'users', `${user.upn} still holds the old license.`);
    }
    // Every one checked: recorded in one write, not one per user.
    if (pending.length > 0) {
      next = await deps.apply({
        type: 'reassign.users',
        outcomes: pending.map((u) => ({ userId: u.userId, state: 'moved' as const })),
      });
    }
    if (!(await oldLicenseCleared(next, deps))) {
      throw new StepStop('verify', 'licenses', 'users', 'Users still hold the old license.');
    }
    await deps.apply({ type: 'reassign.finished' });
    return;
  }
  const sub = await api.getSubscription(tenant, record.subscriptionId, { signal });
  if (!sub.ok || sub.data.status !== 'suspended') {
    throw new StepStop('verify', 'status', 'subscription-detail', 'The subscription is not suspended.');
  }
  if (record.steps.suspend.state !== 'submitted') await deps.apply({ type: 'suspend.submitted' });
  await deps.apply({ type: 'suspend.verified', deprovisionDate: deprovisionDate(new Date(), 120) });
}

import type { StepId } from '@/components/panel-model';
import { type StepDeps, StepStop } from '@/lib/migration/steps/deps';
import { reconcile } from '@/lib/migration/steps/purchase';
import { oldLicenseCleared } from '@/lib/migration/steps/suspend';
import { deprovisionDate } from '@/lib/migration/steps/suspend';
import { RECORD_CHUNK } from '@/lib/migration/steps/reassign';
import { batches } from '@/lib/migration/steps/users';
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
  /** With cleanupOnly: the products (lower-case SKU ids) of which each user must hold one. */
  coveringSkus?: readonly string[],
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
    const isMoved = (userId: string) => {
      const now = byId.get(userId.toLowerCase());
      const kept = newSku ? now?.skuIds.includes(newSku) : (coveringSkus ?? []).some((s) => now?.skuIds.includes(s));
      return !!now && !now.skuIds.includes(oldSku ?? '') && !!kept;
    };
    // Those who did move are recorded (a chunk per write) even when others did not.
    const moved = pending.filter((u) => isMoved(u.userId));
    for (const chunk of batches(moved, RECORD_CHUNK)) {
      next = await deps.apply({
        type: 'reassign.users',
        outcomes: chunk.map((u) => ({ userId: u.userId, state: 'moved' as const })),
      });
    }
    const stuck = pending.find((u) => !isMoved(u.userId));
    if (stuck) throw new StepStop('verify', stuck.upn, 'users', `${stuck.upn} still holds the old license.`);
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

import type { MigrationRecord } from '../types';
import { type StepDeps, StepStop } from './deps';
import { RECORD_CHUNK } from './record-saved';
import { assertOldLicenseFree, deprovisionDate } from './suspend';
import { batches, hasMoved } from './users';
import { createdSince, readLicensedUsers } from './verify';

/**
 * "I did this myself": the agent did the step in the portal by hand. Nothing is taken on trust: the
 * API must show the step's result before it is recorded as done.
 */

/** Step A by hand: an active subscription of the replacement offer created since the migration began. */
export async function manualPurchase(record: MigrationRecord, deps: StepDeps): Promise<void> {
  const { api, signal } = deps;
  const subs = await api.listSubscriptions(record.tenantId, { signal });
  if (!subs.ok) throw new StepStop('api', 'subscriptions', null, subs.error.kind);
  const bought = subs.data.find(
    (s) =>
      s.offerId.toLowerCase() === record.replacement.offerId.toLowerCase() &&
      s.status === 'active' &&
      createdSince(s.creationDate, record.createdAt),
  );
  if (!bought) throw new StepStop('verify', 'manual', 'subscriptions', 'No new subscription of the replacement offer.');
  const state = record.steps.purchase.state;
  if (state !== 'intent' && state !== 'submitted') {
    // The snapshot is what the customer had but the bought subscription: the record then says what the API says.
    const others = subs.data.filter((s) => s.id !== bought.id).map((s) => s.id.toLowerCase());
    await deps.apply({ type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: others.slice(0, 5000) });
  }
  await deps.apply({ type: 'purchase.verified', subscriptionId: bought.id });
}

export interface ManualCheck {
  /** Step B only clears the old license (users are covered by another product): no new one is expected. */
  cleanupOnly: boolean;
  /** With cleanupOnly: the products (lower-case SKU ids) of which each user must hold one. */
  coveringSkus: readonly string[];
  /** Both products as the API shows them now; an unknown one refuses. */
  oldSku: string | null;
  newSku: string | null;
  /** Days from suspension to de-provisioning (the catalog's). */
  days: number;
}

/** Steps B and C by hand, each checked through the API against the products read when it started. */
export async function manualDone(
  step: 'reassign' | 'suspend',
  record: MigrationRecord,
  deps: StepDeps,
  check: ManualCheck,
): Promise<void> {
  const { api, signal } = deps;
  const tenant = record.tenantId;
  if (step === 'reassign') {
    const oldSku = check.oldSku?.toLowerCase() ?? null;
    const newSku = check.cleanupOnly ? null : (check.newSku?.toLowerCase() ?? null);
    if (!oldSku || (!check.cleanupOnly && !newSku)) {
      throw new StepStop('unknown-sku', 'licenses', 'users', 'The old or the new product is not known from Partner Center.');
    }
    const read = await readLicensedUsers(api, tenant, signal);
    if (!read.ok) throw new StepStop('api', 'users', 'users', read.error.kind);
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
    const target = { oldSku, newSku, covering: check.coveringSkus };
    const isMoved = (userId: string) => {
      const now = byId.get(userId.toLowerCase());
      return !!now && hasMoved(now.skuIds, target);
    };
    // Those who did move are recorded (a chunk per write) even when others did not.
    const moved = pending.filter((u) => isMoved(u.userId));
    for (const chunk of batches(moved, RECORD_CHUNK)) {
      next = await deps.apply({
        type: 'reassign.users',
        outcomes: chunk.map((u) => ({ userId: u.userId, state: 'moved' as const })),
      });
    }
    const stuck = pending.filter((u) => !isMoved(u.userId));
    if (stuck.length > 0) throw new StepStop('users-not-moved', String(stuck.length), 'users', `${stuck.length} users still hold the old license.`);
    // Nobody announced, or more holders than announced: the seats say whether anyone still needs it.
    await assertOldLicenseFree(next, deps, oldSku);
    await deps.apply({ type: 'reassign.finished' });
    return;
  }
  await assertOldLicenseFree(record, deps, check.oldSku);
  const sub = await api.getSubscription(tenant, record.subscriptionId, { signal });
  if (!sub.ok || sub.data.status !== 'suspended') {
    throw new StepStop('verify', 'status', 'subscription-detail', 'The subscription is not suspended.');
  }
  if (record.steps.suspend.state !== 'submitted') await deps.apply({ type: 'suspend.submitted' });
  await deps.apply({ type: 'suspend.verified', deprovisionDate: deprovisionDate(new Date(), check.days) });
}

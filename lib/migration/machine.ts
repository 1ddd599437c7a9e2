import type { MigrationEvent } from './events';
import { purchaseEvent } from './machine-purchase';
import { audit, done, notAllowed, product, refuse, side, who, withReassign, withSuspend } from './machine-support';
import { everyUserMoved, isComplete, isSettled, usersProgress } from './progress';
import type { AuditDraft, AuditEntry, MigrationRecord, UserOutcome } from './types';

export { createdAudit, migrationId, newMigration } from './create';
export { everyUserMoved, isComplete, isSettled, nextStep, usersProgress } from './progress';

/**
 * The migration's state machine: a pure function from (record, event, time) to the next record
 * and the audit entries that describe the change, or a refusal that changes nothing. Every guard
 * lives here, so a wrong order (B before A, C while a user still holds the old license, a second
 * purchase) cannot be written whichever tab or step sends the event.
 */

/**
 * Why an event was refused:
 * - `not-allowed`: the event does not apply to its step's current state (`purchase.verified` while pending);
 * - `out-of-order`: its step is not reachable yet (B before A is settled, C before B is);
 * - `complete`: the migration is complete, nothing changes after C;
 * - `unknown-user`: `reassign.user` names a user that `reassign.started` never announced;
 * - `users-not-moved`: finishing B or starting C while a user has not moved would leave that user
 *   without a license.
 */
export const REFUSAL_REASONS = ['not-allowed', 'out-of-order', 'complete', 'unknown-user', 'users-not-moved'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface Refusal {
  ok: false;
  reason: RefusalReason;
  message: string;
}

export type Transition = { ok: true; record: MigrationRecord; audit: AuditDraft[] } | Refusal;

export function applyEvent(record: MigrationRecord, event: MigrationEvent, now: number): Transition {
  if (isComplete(record)) return refuse('complete', `${event.type}: the migration is complete`);
  switch (event.type) {
    case 'purchase.intent':
    case 'purchase.sent':
    case 'purchase.submitted':
    case 'purchase.verified':
    case 'purchase.skipped':
    case 'purchase.failed':
    case 'purchase.reset':
    case 'replacement.changed':
    case 'quantity.changed':
      return purchaseEvent(record, event, now);
    case 'reassign.users':
      if (!isSettled(record, 'purchase')) {
        return refuse('out-of-order', `${event.type}: the purchase (step A) is not done or skipped yet`);
      }
      return foldOutcomes(record, event.outcomes, now);
    case 'reassign.started':
    case 'reassign.user':
    case 'reassign.finished':
    case 'reassign.skipped':
    case 'reassign.failed':
      if (!isSettled(record, 'purchase')) {
        return refuse('out-of-order', `${event.type}: the purchase (step A) is not done or skipped yet`);
      }
      return reassignEvent(record, event, now);
    case 'suspend.submitted':
    case 'suspend.verified':
    case 'suspend.failed':
      // A before C too: a migration that needs no license move still buys first, as the guides order it.
      if (!isSettled(record, 'purchase')) {
        return refuse('out-of-order', `${event.type}: the purchase (step A) is not done or skipped yet`);
      }
      if (!isSettled(record, 'reassign')) {
        return refuse('out-of-order', `${event.type}: the license reassignment (step B) is not done or skipped yet`);
      }
      if (!everyUserMoved(record)) {
        return refuse('users-not-moved', `${event.type}: some users still hold only the retiring license`);
      }
      return suspendEvent(record, event, now);
  }
}

// ---- A: purchase ----------------------------------------------------------------------------

type ReassignEvent = Exclude<Extract<MigrationEvent, { type: `reassign.${string}` }>, { type: 'reassign.users' }>;

function reassignEvent(record: MigrationRecord, event: ReassignEvent, now: number): Transition {
  const b = record.steps.reassign;
  const from = product(record.retiring);
  const to = product(record.replacement);
  const log = (action: string, result: AuditEntry['result'], detail: string) =>
    audit(record, now, 'reassign', action, result, detail);
  switch (event.type) {
    case 'reassign.started': {
      // Again from running or failed: a resumed step re-announces its users. Outcomes already
      // recorded are kept as they are, so a resume neither forgets a user nor moves one twice.
      if (b.state !== 'pending' && b.state !== 'running' && b.state !== 'failed') {
        return notAllowed(event, 'reassign', b.state);
      }
      const users: Record<string, UserOutcome> = { ...b.users };
      let added = 0;
      for (const u of event.users) {
        const key = u.userId.toLowerCase();
        if (users[key]) continue;
        users[key] = { userId: key, displayName: u.displayName, upn: u.upn, state: 'pending' };
        added++;
      }
      const next = withReassign(record, { state: 'running', users }, now);
      const { done: moved, failed, total } = usersProgress(next);
      return done(next, [
        log('started', 'info', `${total} users to move from ${from} to ${to} (${added} new; ` +
          `${moved} moved and ${failed} failed before)`),
      ]);
    }
    case 'reassign.user': {
      if (b.state !== 'running') return notAllowed(event, 'reassign', b.state);
      const key = event.userId.toLowerCase();
      const user = b.users[key];
      if (!user) return refuse('unknown-user', `reassign.user: user ${key} was not announced by reassign.started`);
      if (user.state === 'moved') return refuse('not-allowed', `reassign.user: ${who(user)} has already moved`);
      const outcome: UserOutcome = {
        userId: user.userId,
        displayName: user.displayName,
        upn: user.upn,
        state: event.state,
        at: now,
        ...(event.state === 'failed' && event.reason !== undefined ? { reason: event.reason } : {}),
        ...(event.state === 'failed' && event.code !== undefined ? { code: event.code } : {}),
      };
      const next = withReassign(record, { ...b, users: { ...b.users, [key]: outcome } }, now);
      const entry =
        event.state === 'moved'
          ? log('user-moved', 'ok', `${who(user)} moved from ${from} to ${to}`)
          : log('user-failed', 'failed', `${who(user)} not moved from ${from} to ${to}: ` +
              `${event.reason ?? 'no reason given'}${event.code ? ` (code ${event.code})` : ''}`);
      return done(next, [entry]);
    }
    case 'reassign.finished': {
      if (b.state !== 'running') return notAllowed(event, 'reassign', b.state);
      const { done: moved, total } = usersProgress(record);
      if (moved !== total) {
        return refuse('users-not-moved', `reassign.finished: ${total - moved} of ${total} users have not moved`);
      }
      return done(withReassign(record, { state: 'done', users: b.users }, now), [
        log('finished', 'ok', `All ${total} users moved from ${from} to ${to}`),
      ]);
    }
    case 'reassign.skipped':
      // Only before anything was announced: skipping a half-done step would leave its remaining
      // users on the old license when C suspends it.
      if (b.state !== 'pending' || Object.keys(b.users).length > 0) return notAllowed(event, 'reassign', b.state);
      return done(withReassign(record, { state: 'skipped', users: b.users, reason: event.reason }, now), [
        log('skipped', 'info', `License reassignment skipped: ${event.reason}`),
      ]);
    case 'reassign.failed': {
      if (b.state !== 'pending' && b.state !== 'running') return notAllowed(event, 'reassign', b.state);
      const { done: moved, failed, total } = usersProgress(record);
      return done(withReassign(record, { state: 'failed', users: b.users, error: event.error }, now), [
        log('failed', 'failed', `License reassignment stopped: ${event.error} ` +
          `(${moved} of ${total} users moved, ${failed} failed)`),
      ]);
    }
  }
}

// ---- C: suspend -----------------------------------------------------------------------------

type SuspendEvent = Extract<MigrationEvent, { type: `suspend.${string}` }>;

function suspendEvent(record: MigrationRecord, event: SuspendEvent, now: number): Transition {
  const c = record.steps.suspend;
  const old = `subscription ${record.subscriptionId} (${side(record.retiring)})`;
  const log = (action: string, result: AuditEntry['result'], detail: string) =>
    audit(record, now, 'suspend', action, result, detail);
  switch (event.type) {
    case 'suspend.submitted':
      if (c.state !== 'pending' && c.state !== 'failed') return notAllowed(event, 'suspend', c.state);
      return done(withSuspend(record, { state: 'submitted' }, now), [
        log('submitted', 'info', `Suspension of ${old} submitted`),
      ]);
    case 'suspend.verified':
      if (c.state !== 'submitted') return notAllowed(event, 'suspend', c.state);
      return done(withSuspend(record, { state: 'done', deprovisionDate: event.deprovisionDate }, now), [
        log('verified', 'ok', `${old} suspended; de-provisioned on ${event.deprovisionDate}`),
        audit(record, now, 'migration', 'completed', 'ok', `${record.customerName} moved from ` +
          `${record.retiring.offerName} to ${record.replacement.offerName}`),
      ]);
    case 'suspend.failed':
      if (c.state !== 'pending' && c.state !== 'submitted') return notAllowed(event, 'suspend', c.state);
      return done(withSuspend(record, { state: 'failed', error: event.error }, now), [
        log('failed', 'failed', `Suspension of ${old} failed: ${event.error}`),
      ]);
  }
}

/** Applies a save's outcomes one by one as `reassign.user`; any refusal refuses the whole batch. */
function foldOutcomes(
  record: MigrationRecord,
  outcomes: Extract<MigrationEvent, { type: 'reassign.users' }>['outcomes'],
  now: number,
): Transition {
  let current = record;
  const entries: AuditDraft[] = [];
  for (const outcome of outcomes) {
    const step = reassignEvent(current, { type: 'reassign.user', ...outcome }, now);
    if (!step.ok) return { ...step, message: `reassign.users: ${step.message}` };
    current = step.record;
    entries.push(...step.audit);
  }
  return done(current, entries);
}

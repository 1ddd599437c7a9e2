import type { MigrationEvent } from './events';
import type { RefusalReason, Refusal, Transition } from './machine';
import type {
  AuditDraft,
  AuditEntry,
  MigrationRecord,
  PurchaseStep,
  ReassignStep,
  ReplacementSide,
  RetiringSide,
  SuspendStep,
  UserOutcome,
} from './types';

/** What every step's transitions share (lib/migration/machine.ts): results, refusals, audit lines, record updates. */

export function done(record: MigrationRecord, entries: AuditDraft[]): Transition {
  return { ok: true, record, audit: entries };
}

export function refuse(reason: RefusalReason, message: string): Refusal {
  return { ok: false, reason, message };
}

export function notAllowed(event: MigrationEvent, step: string, state: string): Refusal {
  return refuse('not-allowed', `${event.type} is not allowed while the ${step} step is ${state}`);
}

export function audit(
  record: MigrationRecord,
  at: number,
  step: AuditEntry['step'],
  action: string,
  result: AuditEntry['result'],
  detail: string,
): AuditDraft {
  return { migrationId: record.id, at, step, action, result, detail };
}

export function withPurchase(record: MigrationRecord, purchase: PurchaseStep, now: number): MigrationRecord {
  return { ...record, updatedAt: now, steps: { ...record.steps, purchase } };
}

export function withReassign(record: MigrationRecord, reassign: ReassignStep, now: number): MigrationRecord {
  return { ...record, updatedAt: now, steps: { ...record.steps, reassign } };
}

export function withSuspend(record: MigrationRecord, suspend: SuspendStep, now: number): MigrationRecord {
  return { ...record, updatedAt: now, steps: { ...record.steps, suspend } };
}

/** "25 × Microsoft 365 Business Basic (offer …)". */
export function side(s: RetiringSide | ReplacementSide): string {
  return `${s.quantity} × ${s.offerName} (offer ${s.offerId})`;
}

/** Licenses name the product, which may differ from the offer's name. */
export function product(s: RetiringSide | ReplacementSide): string {
  return s.productName ?? s.offerName;
}

export function who(u: UserOutcome): string {
  return `${u.displayName || u.upn} <${u.upn}> (${u.userId})`;
}

import type { MigrationRecord, StepName } from './types';

/** Where a migration stands, read from its record alone (the panel re-renders from these). */

/** True once the retiring subscription is suspended: nothing is left to do. */
export function isComplete(record: MigrationRecord): boolean {
  return record.steps.suspend.state === 'done';
}

/** A step that needs no further action. */
export function isSettled(record: MigrationRecord, step: StepName): boolean {
  const { state } = record.steps[step];
  return state === 'done' || state === 'skipped';
}

/** The step the agent acts on next, in the guides' order A → B → C; null when complete. */
export function nextStep(record: MigrationRecord): StepName | null {
  if (!isSettled(record, 'purchase')) return 'purchase';
  if (!isSettled(record, 'reassign')) return 'reassign';
  if (!isComplete(record)) return 'suspend';
  return null;
}

export interface UsersProgress {
  /** Users whose license has moved. */
  done: number;
  failed: number;
  total: number;
}

export function usersProgress(record: MigrationRecord): UsersProgress {
  const users = Object.values(record.steps.reassign.users);
  return {
    done: users.filter((u) => u.state === 'moved').length,
    failed: users.filter((u) => u.state === 'failed').length,
    total: users.length,
  };
}

/** Every user of step B holds the new license (vacuously true with no users). */
export function everyUserMoved(record: MigrationRecord): boolean {
  return Object.values(record.steps.reassign.users).every((u) => u.state === 'moved');
}

/**
 * A migration left mid-step by a reload, a closed tab or a restart: a purchase between intent and
 * verification, users being moved, or a suspension submitted. Its panel comes back by itself.
 */
export function isInterrupted({ steps }: MigrationRecord): boolean {
  return (
    steps.purchase.state === 'intent' ||
    steps.purchase.state === 'submitted' ||
    steps.reassign.state === 'running' ||
    steps.suspend.state === 'submitted'
  );
}

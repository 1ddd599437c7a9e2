import { nextStep } from '@/lib/migration/progress';
import type { MigrationRecord } from '@/lib/migration/types';
import type { MigrationStand } from './preflight-state';

/** What Partner Center shows of one retiring subscription's migration, read by a pre-flight check. */
export interface ApiFacts {
  /** The retiring subscription is still active (suspended, expired or gone: nothing left to do). */
  active: boolean;
  /** The customer holds the replacement product with enough free licenses: nothing is left to buy. */
  replacementOwned: boolean;
  /** Users whose retiring license must still go (the picker's count: a pooled SKU's share only). */
  usersToMove: number;
}

/**
 * Where the migration stands by what the API shows, whoever did the work (another agent, or by hand
 * in the portal): the old subscription suspended is done; the replacement owned means A is behind
 * (B next while users still hold the old product, else C); nobody left to move means only C is left.
 * Seen from the API alone, a customer who owned the replacement before, or never assigned the old
 * product, stands exactly where a migration would have brought it, and its next step is the same.
 */
export function apiStand(facts: ApiFacts): MigrationStand {
  if (!facts.active) return { state: 'done', next: null };
  if (facts.usersToMove === 0) return { state: 'in-progress', next: 'suspend' };
  if (facts.replacementOwned) return { state: 'in-progress', next: 'reassign' };
  return { state: 'not-started', next: null };
}

/** This browser's record of the migration, as the same shape. */
export function storeStand(record: MigrationRecord): MigrationStand {
  const next = nextStep(record);
  return next === null ? { state: 'done', next: null } : { state: 'in-progress', next };
}

const STEP_RANK = { purchase: 1, reassign: 2, suspend: 3 } as const;
const rank = (s: MigrationStand): number =>
  s.state === 'done' ? 4 : s.state === 'not-started' || !s.next ? 0 : STEP_RANK[s.next];

/**
 * The store's stand and the API's, combined: the one further along wins, so work done in another
 * browser shows, and this browser's record (which knows a step begun before the API can show it)
 * is never set back. Says which of the two it took; the store on a tie.
 */
export function combineStands(
  store: MigrationStand | null,
  api: MigrationStand | null,
): MigrationStand & { source: 'store' | 'api' | null } {
  if (store && (!api || rank(store) >= rank(api))) return { ...store, source: 'store' };
  if (api && rank(api) > 0) return { ...api, source: 'api' };
  return { state: 'not-started', next: null, source: null };
}

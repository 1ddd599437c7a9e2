/**
 * Step B after a Manage licenses save: what the API shows for each user the save held, recorded in
 * the progress store. The portal's per-user lines say what it tried; the API says what is true, and
 * only the API's word is recorded as moved.
 */
import type { SaveResult } from '@/lib/portal/pages/manage-licenses';
import type { MigrationRecord, UserOutcome } from '../types';
import type { StepDeps } from './deps';
import { batches, hasMoved, type MoveTarget } from './users';

/** Users checked through the API and recorded per store write, so the progress bar moves as they are. */
export const RECORD_CHUNK = 100;
/** The most outcomes one `reassign.users` event may hold (its schema in ../events.ts). */
const OUTCOMES_PER_EVENT = 1000;

export interface SavedUsers {
  /** The users the save held (and users of the batch the grid never listed, recorded as failed). */
  saved: readonly UserOutcome[];
  /** User principal names (lower case) the users grid listed and ticked. */
  listedUpns: ReadonlySet<string>;
  /** User ids a read of the API showed moved after Save was clicked (see watch-moves.ts). */
  seenMoved: ReadonlySet<string>;
  /** The portal's per-user result lines. */
  results: readonly SaveResult[];
}

/** A result line (lower case) names the user by user principal name or display name. */
export function namesUser(text: string, user: UserOutcome): boolean {
  return text.includes(user.upn.toLowerCase()) || (!!user.displayName && text.includes(user.displayName.toLowerCase()));
}

/**
 * Records every saved user's outcome: those already seen moved first, in as few writes as an event
 * holds (the save does not undo a move), then the others read and recorded a chunk at a time (the
 * reads of a chunk run together; the client bounds them). Resolves with the record and how many
 * users the API shows exactly as before the save (read, and not moved).
 */
export async function recordSaved(
  record: MigrationRecord,
  users: SavedUsers,
  deps: StepDeps,
  target: MoveTarget,
): Promise<{ record: MigrationRecord; unchanged: number }> {
  const { saved, listedUpns, seenMoved } = users;
  const tenant = record.tenantId;
  const lines = users.results.map((r) => ({ text: r.user.toLowerCase(), message: r.message }));
  const listed = (u: UserOutcome) => listedUpns.has(u.upn.toLowerCase());
  let next = record;
  let unchanged = 0;
  let checked = 0;
  const seen = saved.filter((u) => listed(u) && seenMoved.has(u.userId));
  for (const chunk of batches(seen, OUTCOMES_PER_EVENT)) {
    next = await deps.apply({ type: 'reassign.users', outcomes: chunk.map((u) => ({ userId: u.userId, state: 'moved' as const })) });
    checked += chunk.length;
    deps.progress?.({ phase: 'check', done: checked, total: saved.length });
  }
  const seenIds = new Set(seen.map((u) => u.userId));
  for (const chunk of batches(saved.filter((u) => !seenIds.has(u.userId)), RECORD_CHUNK)) {
    deps.progress?.({ phase: 'check', done: checked, total: saved.length });
    const outcomes = await Promise.all(
      chunk.map(async (user) => {
        if (!listed(user)) return { userId: user.userId, state: 'failed' as const, reason: 'not listed on the users page' };
        const got = await deps.api.getUserLicenses(tenant, user.userId, { signal: deps.signal });
        const moved = got.ok && hasMoved(got.data.map((l) => l.productSku.id), target);
        if (moved) return { userId: user.userId, state: 'moved' as const };
        const line = lines.find((l) => namesUser(l.text, user));
        const message =
          line?.message || (got.ok ? 'the license did not change' : `could not be checked (${got.error.kind})`);
        if (got.ok) unchanged++;
        return { userId: user.userId, state: 'failed' as const, reason: message.slice(0, 300) };
      }),
    );
    next = await deps.apply({ type: 'reassign.users', outcomes });
    checked += chunk.length;
  }
  deps.progress?.({ phase: 'check', done: checked, total: saved.length });
  return { record: next, unchanged };
}

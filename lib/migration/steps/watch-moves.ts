/**
 * Step B's reads of the API while the portal applies a save. Manage licenses changes one user after
 * another (1,200 users took two minutes), so the users it has already changed can be checked while it
 * works instead of all after its confirmation. Only a successful read that shows a user moved counts:
 * a failed read or an unchanged user is read again, later or in the check after the save.
 */
import { defaultSleep } from '@/lib/api';
import type { StepDeps } from './deps';
import { movedNow } from './api-checks';
import { batches, type MoveTarget } from './users';

/** Users read together in one go of a look. */
export const WATCH_BATCH = 10;
/** The pause between looks: the portal needs a while to change the next few users. */
export const WATCH_EVERY_MS = 3000;

export interface MoveWatch {
  /** User ids a read of the API showed moved since the watch started. */
  readonly seen: ReadonlySet<string>;
  /** Whether every watched user has been seen moved. */
  allSeen(): boolean;
  /** Stops looking; resolves once the look under way has finished, so `seen` no longer changes. */
  stop(): Promise<void>;
}

/**
 * Looks at the users not seen moved yet, every `everyMs`, in `userIds`' order (the order the save
 * lists them, which a portal that works through them one by one follows): a few at a time, until a
 * group shows nobody moved, where the portal has not got to yet. A portal working in another order
 * is still read through once it has changed them all.
 */
export function watchMoves(
  userIds: readonly string[],
  deps: StepDeps,
  tenant: string,
  target: MoveTarget,
  everyMs = WATCH_EVERY_MS,
): MoveWatch {
  const seen = new Set<string>();
  const stopper = new AbortController();
  const stopped = () => stopper.signal.aborted || deps.signal.aborted;
  const look = async () => {
    for (const group of batches(userIds.filter((id) => !seen.has(id)), WATCH_BATCH)) {
      if (stopped()) return;
      const moved = await Promise.all(group.map((id) => movedNow(deps, tenant, id, target)));
      group.forEach((id, i) => moved[i] && seen.add(id));
      if (!moved.some(Boolean)) return;
    }
  };
  const running = (async () => {
    while (!stopped()) {
      await defaultSleep(everyMs, stopper.signal);
      if (!stopped()) await look();
    }
  })();
  return {
    seen,
    allSeen: () => userIds.length > 0 && userIds.every((id) => seen.has(id)),
    async stop() {
      stopper.abort();
      await running;
    },
  };
}

/**
 * Who runs a migration's step right now: a lease per migration, held by one browser tab. Two tabs
 * on the same customer must never run a step at once (two purchases, two saves of one user's
 * licenses); the holder renews while it works, and a tab that closes or crashes simply stops
 * renewing, so its lease lapses. Kept in the background's memory only: a restarted service worker
 * forgets every lease, which is the same as all of them lapsing, and the tab still working takes
 * its lease back on its next renewal.
 */

/** Long enough to ride out a slow portal page; short enough that a closed tab does not block long. */
export const LEASE_MS = 20_000;

export type LeaseAction = 'acquire' | 'renew' | 'release';

export interface LeaseAnswer {
  /** True when the asking tab holds the lease after the call. */
  granted: boolean;
  /** The tab holding a live lease, if any (the asker itself when granted). */
  holder?: number;
  /** When the holder's lease lapses unless renewed. */
  expiresAt?: number;
}

export interface LeaseTable {
  /** Acquire and renew both take a free or lapsed lease, or extend the asker's own. */
  act(id: string, tabId: number, action: LeaseAction): LeaseAnswer;
  /** The tab holding a live lease on the migration, if any. */
  holder(id: string): number | undefined;
  /** Drops every lease of a tab that has closed. */
  releaseTab(tabId: number): void;
}

export function createLeaseTable(now: () => number, leaseMs: number = LEASE_MS): LeaseTable {
  const leases = new Map<string, { tabId: number; expiresAt: number }>();

  const live = (id: string) => {
    const lease = leases.get(id);
    if (lease && lease.expiresAt <= now()) {
      leases.delete(id);
      return undefined;
    }
    return lease;
  };

  // Lapsed leases of migrations no one asks about again are dropped on the next call.
  const prune = () => {
    const t = now();
    for (const [id, lease] of leases) if (lease.expiresAt <= t) leases.delete(id);
  };

  return {
    act(id, tabId, action) {
      prune();
      const lease = live(id);
      if (action === 'release') {
        if (lease?.tabId === tabId) leases.delete(id);
        const other = live(id);
        return other ? { granted: false, holder: other.tabId, expiresAt: other.expiresAt } : { granted: false };
      }
      if (lease && lease.tabId !== tabId) return { granted: false, holder: lease.tabId, expiresAt: lease.expiresAt };
      // Renew re-takes a lapsed or forgotten lease as acquire does: refusing it would stop a step
      // halfway for no one's benefit, since no other tab took the lease in the meantime.
      const next = { tabId, expiresAt: now() + leaseMs };
      leases.set(id, next);
      return { granted: true, holder: tabId, expiresAt: next.expiresAt };
    },
    holder(id) {
      return live(id)?.tabId;
    },
    releaseTab(tabId) {
      for (const [id, lease] of leases) if (lease.tabId === tabId) leases.delete(id);
    },
  };
}

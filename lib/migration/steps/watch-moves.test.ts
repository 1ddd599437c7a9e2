import { describe, expect, it } from 'vitest';
import type { License } from '@/lib/api';
import type { StepDeps } from './deps';
import { WATCH_BATCH, watchMoves } from './watch-moves';

const OLD = 'old-sku';
const NEW = 'new-sku';
const target = { oldSku: OLD, newSku: NEW, covering: [] };
const license = (sku: string) => ({ productSku: { id: sku, name: sku }, servicePlans: [] }) as unknown as License;

/** A tenant whose users hold OLD until `move` gives them NEW; every read is counted, some fail. */
function tenant(ids: readonly string[], failing: ReadonlySet<string> = new Set()) {
  const moved = new Set<string>();
  const reads: string[] = [];
  const deps = {
    api: {
      getUserLicenses: (_t: string, id: string) => {
        reads.push(id);
        if (failing.has(id)) return Promise.resolve({ ok: false, error: { kind: 'server', path: '/x' } });
        return Promise.resolve({ ok: true, data: [license(moved.has(id) ? NEW : OLD)] });
      },
    },
    signal: new AbortController().signal,
  } as unknown as StepDeps;
  return { deps, reads, move: (...who: string[]) => who.forEach((id) => moved.add(id)), ids };
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits (up to 5 s, for a busy machine) until `ok` holds. */
async function until(ok: () => boolean): Promise<void> {
  for (let waited = 0; !ok() && waited < 5000; waited += 5) await tick(5);
}
const users = (n: number) => Array.from({ length: n }, (_, i) => `u${i}`);

describe('watchMoves', () => {
  it('follows a save that works through the users in order, reading each moved user once', async () => {
    const t = tenant(users(30));
    const watch = watchMoves(t.ids, t.deps, 'tenant', target, 5);
    t.move(...t.ids.slice(0, 12));
    await until(() => watch.seen.size >= 12);
    expect([...watch.seen].sort()).toEqual(t.ids.slice(0, 12).sort());
    // Once the first users are seen moved, a look starts where the portal has not got to yet.
    const before = t.reads.length;
    await tick(20);
    expect(t.reads.slice(before).every((id) => !t.ids.slice(0, 10).includes(id))).toBe(true);
    expect(watch.allSeen()).toBe(false);
    t.move(...t.ids);
    await until(() => watch.allSeen());
    expect(watch.allSeen()).toBe(true);
    await watch.stop();
    const after = t.reads.length;
    await tick(20);
    expect(t.reads.length).toBe(after);
  });

  it('stops a look at a group where nobody moved, so a portal in another order costs one group per look', async () => {
    const t = tenant(users(50));
    const watch = watchMoves(t.ids, t.deps, 'tenant', target, 5);
    await until(() => t.reads.length >= 3 * WATCH_BATCH);
    await watch.stop();
    const looks = t.reads.length / WATCH_BATCH;
    expect(Number.isInteger(looks)).toBe(true);
    expect(new Set(t.reads)).toEqual(new Set(t.ids.slice(0, WATCH_BATCH)));
    expect(watch.seen.size).toBe(0);
  });

  it('never counts a failed read as moved', async () => {
    const t = tenant(users(3), new Set(['u1']));
    const watch = watchMoves(t.ids, t.deps, 'tenant', target, 5);
    t.move(...t.ids);
    await until(() => t.reads.filter((id) => id === 'u1').length >= 3);
    await watch.stop();
    expect([...watch.seen].sort()).toEqual(['u0', 'u2']);
    expect(watch.allSeen()).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { newMigration } from '@/lib/migration/machine';
import { sampleInput } from '@/lib/migration/test-fixtures';
import type { MigrationRecord } from '@/lib/migration/types';
import type { AnyStoreResponse } from './messages';
import { changedMigration } from './messages';
import { createWatchers, type WatchPort, WatchUpdate } from './watchers';

const RECORD = newMigration(sampleInput(), 1_000);
const ID = RECORD.id;

function port(): WatchPort & { got: unknown[] } {
  const got: unknown[] = [];
  return { got, postMessage: (m) => got.push(m) };
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createWatchers', () => {
  it('sends each panel the stored record when it starts, and after every change with its own view of the lease', async () => {
    let stored: MigrationRecord = RECORD;
    const lease: { holder?: number } = {};
    const watchers = createWatchers(async () => stored, () => lease.holder);
    const tabA = port();
    const tabB = port();
    watchers.add(tabA, ID, 1);
    watchers.add(tabB, ID, 2);
    await flush();
    expect(tabA.got).toEqual([{ type: 'changed', migration: RECORD, lock: 'none' }]);

    stored = { ...RECORD, updatedAt: 2_000 };
    lease.holder = 1;
    await watchers.notify(ID);
    expect(tabA.got.at(-1)).toEqual({ type: 'changed', migration: stored, lock: 'mine' });
    expect(tabB.got.at(-1)).toEqual({ type: 'changed', migration: stored, lock: 'other' });
    for (const m of [...tabA.got, ...tabB.got]) expect(WatchUpdate.safeParse(m).success).toBe(true);
  });

  it('sends nothing to panels of other migrations, nor after a port is removed', async () => {
    const watchers = createWatchers(async () => RECORD, () => undefined);
    const mine = port();
    const other = port();
    watchers.add(mine, ID, 1);
    watchers.add(other, `${ID}x`, 1);
    await flush();
    const before = other.got.length;
    watchers.remove(mine);
    await watchers.notify(ID);
    expect(mine.got).toHaveLength(1);
    expect(other.got).toHaveLength(before);
    expect(watchers.watched()).toEqual([`${ID}x`]);
  });

  it('a record that cannot be read (or is damaged) sends nothing: the panel keeps what it shows', async () => {
    const watchers = createWatchers(() => Promise.reject(new Error('damaged')), () => undefined);
    const p = port();
    watchers.add(p, ID, 1);
    await flush();
    await watchers.notify(ID);
    expect(p.got).toEqual([]);
  });
});

describe('changedMigration', () => {
  const ok = (migration: MigrationRecord) => ({ ok: true, migration, audit: [] }) as unknown as AnyStoreResponse;

  it('names the migration an applied event, a create or a restart changed', () => {
    const apply = { type: 'migration.apply', id: ID, event: { type: 'quantity.changed', quantity: 3 } };
    expect(changedMigration(apply, ok(RECORD), 0)).toEqual({ id: ID });
    expect(changedMigration({ type: 'migration.create', migration: sampleInput() }, ok(RECORD), 0)).toEqual({ id: ID });
  });

  it('names a lease taken, with when it lapses', () => {
    const lock = { type: 'migration.lock', id: ID, action: 'acquire' };
    const answer = { ok: true, granted: true, holder: 3, expiresAt: 25_000 } as AnyStoreResponse;
    expect(changedMigration(lock, answer, 5_000)).toEqual({ id: ID, lapsesIn: 20_000 });
  });

  it('names nothing for a read, a refusal or a malformed request', () => {
    expect(changedMigration({ type: 'migration.get', id: ID }, { ok: true, migration: RECORD, lock: 'none' } as AnyStoreResponse, 0)).toBeNull();
    expect(changedMigration({ type: 'migration.apply', id: ID }, ok(RECORD), 0)).toBeNull();
    expect(
      changedMigration(
        { type: 'migration.apply', id: ID, event: { type: 'quantity.changed', quantity: 3 } },
        { ok: false, error: 'refused', reason: 'not-allowed', message: 'x' } as AnyStoreResponse,
        0,
      ),
    ).toBeNull();
  });
});

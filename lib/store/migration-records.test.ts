import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newMigration } from '@/lib/migration/machine';
import { OTHER_TENANT, sampleInput, SUBSCRIPTION, TENANT, USERS } from '@/lib/migration/test-fixtures';
import { openStore, type StoreDb } from './db';
import { applyMigrationEvent, createMigration, getAudit, getMigration, listMigrations } from './migration-records';

let n = 0;
const fresh = (): Promise<StoreDb> => openStore(`records-${n++}`);
const ID = `${TENANT}:${SUBSCRIPTION.toLowerCase()}`;

describe('createMigration', () => {
  it('creates the record and its first audit entry', async () => {
    const db = await fresh();
    const { record, created } = await createMigration(db, sampleInput(), 1_000);
    expect(created).toBe(true);
    expect(record).toEqual(newMigration(sampleInput(), 1_000));
    expect(await getMigration(db, ID)).toEqual(record);
    const audit = await getAudit(db, ID);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ migrationId: ID, seq: 1, at: 1_000, step: 'migration', action: 'created' });
  });

  it('is idempotent: creating again returns the stored progress and overwrites nothing', async () => {
    const db = await fresh();
    await createMigration(db, sampleInput(), 1_000);
    await applyMigrationEvent(db, ID, { type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] }, 2_000);
    const stored = await getMigration(db, ID);

    // Another tab, or the same after a reload, with other figures and an id in another case.
    const changed = { ...sampleInput({ subscriptionId: SUBSCRIPTION.toLowerCase() }), customerName: 'Changed' };
    const again = await createMigration(db, { ...changed, purchaseNeeded: false }, 3_000);
    expect(again.created).toBe(false);
    expect(again.record).toEqual(stored);
    expect(again.record.steps.purchase).toEqual({ state: 'intent', intentAt: 2_000, ordersBefore: [], subscriptionsBefore: [] });
    expect(await getMigration(db, ID)).toEqual(stored);
    expect((await getAudit(db, ID)).map((e) => e.action)).toEqual(['created', 'intent']);
  });

  it('creates one record when two tabs create at once', async () => {
    const db = await fresh();
    const results = await Promise.all([createMigration(db, sampleInput(), 1), createMigration(db, sampleInput(), 2)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0]?.record).toEqual(results[1]?.record);
    expect(await getAudit(db, ID)).toHaveLength(1);
  });
});

describe('applyMigrationEvent', () => {
  it('writes the new record with its audit entries, numbered after the last', async () => {
    const db = await fresh();
    await createMigration(db, sampleInput(), 1_000);
    const intent = await applyMigrationEvent(db, ID, { type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] }, 2_000);
    expect(intent).toMatchObject({ ok: true, record: { updatedAt: 2_000, steps: { purchase: { state: 'intent' } } } });
    if (!intent.ok) return;
    expect(intent.audit).toEqual([expect.objectContaining({ migrationId: ID, seq: 2, at: 2_000, action: 'intent' })]);
    expect(await getMigration(db, ID)).toEqual(intent.record);

    await applyMigrationEvent(db, ID, { type: 'purchase.submitted', orderId: 'ORD-1' }, 3_000);
    await applyMigrationEvent(db, ID, { type: 'purchase.verified', subscriptionId: 'b1' }, 4_000);
    await applyMigrationEvent(db, ID, { type: 'reassign.started', users: USERS }, 5_000);
    const audit = await getAudit(db, ID);
    expect(audit.map((e) => [e.seq, e.step, e.action, e.at])).toEqual([
      [1, 'migration', 'created', 1_000],
      [2, 'purchase', 'intent', 2_000],
      [3, 'purchase', 'submitted', 3_000],
      [4, 'purchase', 'verified', 4_000],
      [5, 'reassign', 'started', 5_000],
    ]);
  });

  it('numbers past ten in order (keys are numbers, not text)', async () => {
    const db = await fresh();
    await createMigration(db, sampleInput(), 0);
    for (let i = 1; i <= 12; i++) {
      await applyMigrationEvent(db, ID, { type: 'quantity.changed', quantity: i }, i);
    }
    expect((await getAudit(db, ID)).map((e) => e.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });

  it('a refused event changes neither the record nor the log', async () => {
    const db = await fresh();
    await createMigration(db, sampleInput(), 1_000);
    const before = await getMigration(db, ID);
    const refused = await applyMigrationEvent(db, ID, { type: 'suspend.submitted' }, 2_000);
    expect(refused).toMatchObject({ ok: false, reason: 'out-of-order' });
    const verified = await applyMigrationEvent(db, ID, { type: 'purchase.verified', subscriptionId: 'x1' }, 2_000);
    expect(verified).toMatchObject({ ok: false, reason: 'not-allowed' });
    expect(await getMigration(db, ID)).toEqual(before);
    expect(await getAudit(db, ID)).toHaveLength(1);
  });

  it('answers not-found for an unknown migration and writes nothing', async () => {
    const db = await fresh();
    expect(await applyMigrationEvent(db, ID, { type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] }, 1)).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
    expect(await db.count('migrations')).toBe(0);
    expect(await db.count('audit')).toBe(0);
  });

  it('is atomic: when the audit write fails, the record is not changed either', async () => {
    const db = await fresh();
    await createMigration(db, sampleInput(), 1_000);
    const before = await getMigration(db, ID);
    await expect(applyMigrationEvent(failingAuditWrites(db), ID, { type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] }, 2_000)).rejects.toThrow(
      'disk full',
    );
    expect(await getMigration(db, ID)).toEqual(before);
    expect(await getAudit(db, ID)).toHaveLength(1);
    // And the store still works afterwards.
    expect(await applyMigrationEvent(db, ID, { type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] }, 3_000)).toMatchObject({ ok: true });
  });

  it('lets only one of two simultaneous intents through', async () => {
    const db = await fresh();
    await createMigration(db, sampleInput(), 1_000);
    const results = await Promise.all([
      applyMigrationEvent(db, ID, { type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] }, 2_000),
      applyMigrationEvent(db, ID, { type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] }, 2_001),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ reason: 'not-allowed' })]);
    expect((await getAudit(db, ID)).filter((e) => e.action === 'intent')).toHaveLength(1);
  });
});

describe('listMigrations and getAudit', () => {
  it("lists a customer's migrations oldest first, and only theirs", async () => {
    const db = await fresh();
    const second = 'B2B2B2B2-0000-4000-8000-000000000002';
    await createMigration(db, sampleInput({ subscriptionId: second }), 2_000);
    await createMigration(db, sampleInput(), 1_000);
    await createMigration(db, sampleInput({ tenantId: OTHER_TENANT }), 500);
    expect((await listMigrations(db, TENANT)).map((m) => m.subscriptionId)).toEqual([
      SUBSCRIPTION.toLowerCase(),
      second.toLowerCase(),
    ]);
    expect((await listMigrations(db, OTHER_TENANT)).map((m) => m.tenantId)).toEqual([OTHER_TENANT]);
    expect(await listMigrations(db, '00000000-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('keeps each migration its own log, numbered from 1', async () => {
    const db = await fresh();
    const other = await createMigration(db, sampleInput({ tenantId: OTHER_TENANT }), 1);
    await createMigration(db, sampleInput(), 2);
    await applyMigrationEvent(db, other.record.id, { type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] }, 3);
    await applyMigrationEvent(db, ID, { type: 'purchase.skipped', reason: 'owned' }, 4);
    expect((await getAudit(db, ID)).map((e) => [e.seq, e.action])).toEqual([
      [1, 'created'],
      [2, 'skipped'],
    ]);
    expect((await getAudit(db, other.record.id)).map((e) => [e.seq, e.action])).toEqual([
      [1, 'created'],
      [2, 'intent'],
    ]);
    expect(await getAudit(db, `${TENANT}:unknown`)).toEqual([]);
  });

  it('keeps progress when the database is closed and opened again (a restarted browser)', async () => {
    const name = `records-reopen-${n++}`;
    const first = await openStore(name);
    await createMigration(first, sampleInput(), 1);
    await applyMigrationEvent(first, ID, { type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] }, 2);
    first.close();
    const again = await openStore(name);
    expect((await getMigration(again, ID))?.steps.purchase).toEqual({ state: 'intent', intentAt: 2, ordersBefore: [], subscriptionsBefore: [] });
    expect(await getAudit(again, ID)).toHaveLength(2);
    again.close();
  });
});

/** The same database, except that every audit write fails (a full disk, say) after the record's put. */
function failingAuditWrites(db: StoreDb): StoreDb {
  const bound = <T extends object>(target: T, prop: string | symbol): unknown => {
    const value: unknown = Reflect.get(target, prop);
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop !== 'transaction') return bound(target, prop);
      return (...args: Parameters<StoreDb['transaction']>) => {
        const tx = target.transaction(...args);
        return new Proxy(tx, {
          get(t, p) {
            if (p !== 'objectStore') return bound(t, p);
            return (name: 'migrations' | 'audit') => {
              const store = t.objectStore(name);
              if (name !== 'audit') return store;
              return new Proxy(store, {
                get(s, q) {
                  return q === 'add' ? () => Promise.reject(new Error('disk full')) : bound(s, q);
                },
              });
            };
          },
        });
      };
    },
  });
}

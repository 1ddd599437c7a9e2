import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { sampleInput, TENANT } from '@/lib/migration/test-fixtures';
import { openStore } from './db';
import { createMigration, listMigrations } from './migration-records';
import { MIGRATIONS } from './migrations';
import { DB_VERSION } from './schema';

/** The database exactly as release 1 created it, written out here so a later edit of step 1 cannot hide a break. */
async function createV1(name: string) {
  const v1 = await openDB(name, 1, {
    upgrade(db) {
      const customers = db.createObjectStore('customers', { keyPath: 'tenantId' });
      customers.createIndex('byLastSeen', 'lastSeenAt');
    },
  });
  const visit = { tenantId: TENANT, lastPage: 'subscriptions', firstSeenAt: 10, lastSeenAt: 20, visits: 3 };
  await v1.put('customers', visit);
  v1.close();
}

describe('schema upgrades', () => {
  it('has one migration step per version', () => {
    expect(MIGRATIONS).toHaveLength(DB_VERSION);
    expect(DB_VERSION).toBe(3);
  });

  it('upgrades a version 1 database to the current version and keeps its records', async () => {
    await createV1('upgrade-v1');
    const db = await openStore('upgrade-v1');
    expect(db.version).toBe(3);
    expect(await db.get('customers', TENANT)).toEqual({
      tenantId: TENANT,
      lastPage: 'subscriptions',
      firstSeenAt: 10,
      lastSeenAt: 20,
      visits: 3,
    });
    expect([...db.objectStoreNames].sort()).toEqual(['audit', 'customers', 'migrations', 'worklist']);
    const tx = db.transaction(['customers', 'migrations', 'audit']);
    expect([...tx.objectStore('customers').indexNames]).toEqual(['byLastSeen']);
    expect([...tx.objectStore('migrations').indexNames]).toEqual(['byTenant']);
    expect(tx.objectStore('migrations').keyPath).toBe('id');
    expect([...tx.objectStore('audit').indexNames]).toEqual(['byMigration']);
    expect(tx.objectStore('audit').keyPath).toEqual(['migrationId', 'seq']);
    await tx.done;
    // The new stores work on the upgraded database.
    await createMigration(db, sampleInput(), 1);
    expect(await listMigrations(db, TENANT)).toHaveLength(1);
    db.close();
  });

  it('creates every store on a fresh profile', async () => {
    const db = await openStore('upgrade-fresh');
    expect([...db.objectStoreNames].sort()).toEqual(['audit', 'customers', 'migrations', 'worklist']);
    db.close();
  });

  it('gives up an upgrade another connection blocks, so the next request can try again', async () => {
    // An old connection that never closes on versionchange (a worker of the previous release still alive).
    const old = await openDB('upgrade-blocked', 1, {
      upgrade(db) {
        db.createObjectStore('customers', { keyPath: 'tenantId' }).createIndex('byLastSeen', 'lastSeenAt');
      },
    });
    await expect(openStore('upgrade-blocked', 200)).rejects.toThrow('no answer within 200 ms');
    old.close();
    // With the old connection gone, the next open upgrades as usual.
    const db = await openStore('upgrade-blocked', 2000);
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });
});

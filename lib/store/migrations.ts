import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { AssistantDb } from './schema';

type UpgradeTx = IDBPTransaction<AssistantDb, StoreNames<AssistantDb>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<AssistantDb>, tx: UpgradeTx) => void;

/**
 * One step per schema version, applied in order from the version found on disk, so a profile
 * created by any earlier release upgrades without losing progress. Index 0 takes a fresh
 * database to version 1, index 1 takes version 1 to 2. A shipped step never changes.
 */
export const MIGRATIONS: readonly Migration[] = [
  (db) => {
    const customers = db.createObjectStore('customers', { keyPath: 'tenantId' });
    customers.createIndex('byLastSeen', 'lastSeenAt');
  },
  // v2: migrations and their audit logs. Only new stores: the customers of v1 stay as they are.
  (db) => {
    const migrations = db.createObjectStore('migrations', { keyPath: 'id' });
    migrations.createIndex('byTenant', 'tenantId');
    const audit = db.createObjectStore('audit', { keyPath: ['migrationId', 'seq'] });
    audit.createIndex('byMigration', 'migrationId');
  },
  // v3: the worklist's scan state. A new store only: customers and migrations stay as they are.
  (db) => {
    db.createObjectStore('worklist');
  },
];

export function runMigrations(db: IDBPDatabase<AssistantDb>, oldVersion: number, tx: UpgradeTx): void {
  for (let v = oldVersion; v < MIGRATIONS.length; v++) MIGRATIONS[v]?.(db, tx);
}

import { type IDBPDatabase, openDB } from 'idb';
import { runMigrations } from './migrations';
import { type AssistantDb, type CustomerVisit, DB_NAME, DB_VERSION } from './schema';

export type StoreDb = IDBPDatabase<AssistantDb>;

export function openStore(name: string = DB_NAME): Promise<StoreDb> {
  return openDB<AssistantDb>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      runMigrations(db, oldVersion, tx);
    },
  });
}

/** Records that the agent opened a customer's page; one transaction, so concurrent tabs never lose a count. */
export async function recordCustomerVisit(
  db: StoreDb,
  tenantId: string,
  page: string,
  now: number,
): Promise<CustomerVisit> {
  const tx = db.transaction('customers', 'readwrite');
  const previous = await tx.store.get(tenantId);
  const record: CustomerVisit = {
    tenantId,
    lastPage: page,
    firstSeenAt: previous?.firstSeenAt ?? now,
    lastSeenAt: now,
    visits: (previous?.visits ?? 0) + 1,
  };
  await tx.store.put(record);
  await tx.done;
  return record;
}

export function getCustomerVisit(db: StoreDb, tenantId: string): Promise<CustomerVisit | undefined> {
  return db.get('customers', tenantId);
}

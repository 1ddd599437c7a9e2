import { type IDBPDatabase, openDB } from 'idb';
import { runMigrations } from './migrations';
import { type AssistantDb, type CustomerVisit, DB_NAME, DB_VERSION } from './schema';
import { timeLimit } from './time-limit';

export type StoreDb = IDBPDatabase<AssistantDb>;

/**
 * An open that has not finished by then is given up (and retried by the next request): an upgrade
 * another connection blocks never finishes, and every message waiting on it would hang.
 */
export const OPEN_TIME_LIMIT_MS = 15_000;

export function openStore(name: string = DB_NAME, limitMs: number = OPEN_TIME_LIMIT_MS): Promise<StoreDb> {
  const opening = openDB<AssistantDb>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      runMigrations(db, oldVersion, tx);
    },
  });
  return timeLimit(opening, limitMs, (late) => late.close());
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

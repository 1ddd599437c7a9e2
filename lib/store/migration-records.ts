import { createdAudit, type NewMigration, newMigration } from '@/lib/migration/create';
import type { MigrationEvent } from '@/lib/migration/events';
import { applyEvent, type Refusal } from '@/lib/migration/machine';
import type { AuditDraft, AuditEntry, MigrationRecord } from '@/lib/migration/types';
import type { StoreDb } from './db';

/**
 * Migration records and their audit logs. Every change reads the record, runs the state machine and
 * writes the record with its audit entries in ONE readwrite transaction over both stores: IndexedDB
 * runs such transactions one after another, so two tabs (or a retried message) can never both pass
 * a guard, and a record never moves without its audit line, nor the reverse.
 */

type MigrationTx = ReturnType<typeof writeTx>;

function writeTx(db: StoreDb) {
  return db.transaction(['migrations', 'audit'], 'readwrite');
}

/** Runs `work` in one transaction over both stores; if anything in it fails, none of it is kept. */
async function inWriteTx<T>(db: StoreDb, work: (tx: MigrationTx) => Promise<T>): Promise<T> {
  const tx = writeTx(db);
  try {
    const result = await work(tx);
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    // Observe the rejected completion so it cannot surface as an unhandled rejection.
    await tx.done.catch(() => undefined);
    throw error;
  }
}

export interface Created {
  record: MigrationRecord;
  /** False when the migration already existed: its record is returned as stored, progress intact. */
  created: boolean;
}

/** Creates a migration once; creating it again returns the stored record and changes nothing. */
export async function createMigration(db: StoreDb, input: NewMigration, now: number): Promise<Created> {
  const fresh = newMigration(input, now);
  return inWriteTx(db, async (tx) => {
    const existing = await tx.objectStore('migrations').get(fresh.id);
    if (existing) return { record: existing, created: false };
    await tx.objectStore('migrations').add(fresh);
    await appendAudit(tx, fresh.id, createdAudit(fresh));
    return { record: fresh, created: true };
  });
}

export function getMigration(db: StoreDb, id: string): Promise<MigrationRecord | undefined> {
  return db.get('migrations', id);
}

/** A customer's migrations, oldest first. */
export async function listMigrations(db: StoreDb, tenantId: string): Promise<MigrationRecord[]> {
  const records = await db.getAllFromIndex('migrations', 'byTenant', tenantId);
  return records.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export type Applied =
  | { ok: true; record: MigrationRecord; audit: AuditEntry[] }
  | Refusal
  | { ok: false; reason: 'not-found'; message: string };

/** Applies one event. A refusal writes nothing: neither the record nor an audit line changes. */
export async function applyMigrationEvent(
  db: StoreDb,
  id: string,
  event: MigrationEvent,
  now: number,
): Promise<Applied> {
  return inWriteTx(db, async (tx): Promise<Applied> => {
    const record = await tx.objectStore('migrations').get(id);
    if (!record) return { ok: false, reason: 'not-found', message: `No migration ${id}` };
    const result = applyEvent(record, event, now);
    if (!result.ok) return result;
    await tx.objectStore('migrations').put(result.record);
    const audit = await appendAudit(tx, id, result.audit);
    return { ok: true, record: result.record, audit };
  });
}

/** A migration's audit log in the order it was written. */
export function getAudit(db: StoreDb, id: string): Promise<AuditEntry[]> {
  // The index orders equal keys by primary key, [migrationId, seq]: by seq.
  return db.getAllFromIndex('audit', 'byMigration', id);
}

/**
 * Numbers and adds entries after the migration's last one. `add`, not `put`: should a number be
 * taken already, the add fails and the whole transaction, record included, is rolled back.
 */
async function appendAudit(tx: MigrationTx, id: string, drafts: AuditDraft[]): Promise<AuditEntry[]> {
  const store = tx.objectStore('audit');
  const last = await store.openCursor(IDBKeyRange.bound([id, 0], [id, Infinity]), 'prev');
  let seq = last?.value.seq ?? 0;
  const entries = drafts.map((d) => ({ ...d, migrationId: id, seq: ++seq }));
  for (const entry of entries) await store.add(entry);
  return entries;
}

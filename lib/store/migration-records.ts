import { createdAudit, type NewMigration, newMigration } from '@/lib/migration/create';
import type { MigrationEvent } from '@/lib/migration/events';
import { applyEvent, type Refusal } from '@/lib/migration/machine';
import { type AuditDraft, type AuditEntry, MigrationRecord } from '@/lib/migration/types';
import type { StoreDb } from './db';

/**
 * A stored record that fails its schema (a bug of an older version, a disk error, a hand edit). It is
 * never used as it is, nor silently dropped: the agent is told what is wrong and may start the
 * migration again from what the API shows, keeping the audit log (restartMigration).
 */
export class CorruptRecord extends Error {
  constructor(
    readonly id: string,
    readonly problem: string,
  ) {
    super(`Migration ${id} is damaged: ${problem}`);
  }
}

/** The stored value as a record, or a CorruptRecord naming the first field that is wrong. */
function checked(id: string, raw: unknown): MigrationRecord {
  const parsed = MigrationRecord.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'record';
  throw new CorruptRecord(id, `${where}: ${issue?.message ?? 'not a migration record'}`.slice(0, 300));
}

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
    if (existing) return { record: checked(fresh.id, existing), created: false };
    await tx.objectStore('migrations').add(fresh);
    await appendAudit(tx, fresh.id, createdAudit(fresh));
    return { record: fresh, created: true };
  });
}

export async function getMigration(db: StoreDb, id: string): Promise<MigrationRecord | undefined> {
  const raw = await db.get('migrations', id);
  return raw === undefined ? undefined : checked(id, raw);
}

/** A customer's sound migrations, oldest first (a damaged one is reported when its panel opens). */
export async function listMigrations(db: StoreDb, tenantId: string): Promise<MigrationRecord[]> {
  const raw = await db.getAllFromIndex('migrations', 'byTenant', tenantId);
  const records = raw.flatMap((r) => {
    const parsed = MigrationRecord.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
  return records.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** Every sound migration of every customer (the worklist shows where each stands). */
export async function allMigrations(db: StoreDb): Promise<MigrationRecord[]> {
  return (await db.getAll('migrations')).flatMap((r) => {
    const parsed = MigrationRecord.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Starts a damaged migration again from a new record (built by the caller from what the API shows),
 * after writing into its audit log what was wrong and what the stored value held. A sound record is
 * never replaced: its progress is returned as stored.
 */
export async function restartMigration(db: StoreDb, input: NewMigration, now: number): Promise<Created> {
  const fresh = newMigration(input, now);
  return inWriteTx(db, async (tx) => {
    const store = tx.objectStore('migrations');
    const existing: unknown = await store.get(fresh.id);
    if (existing === undefined) {
      await store.add(fresh);
      await appendAudit(tx, fresh.id, createdAudit(fresh));
      return { record: fresh, created: true };
    }
    let problem: string;
    try {
      return { record: checked(fresh.id, existing), created: false };
    } catch (error) {
      if (!(error instanceof CorruptRecord)) throw error;
      problem = error.problem;
    }
    const held = JSON.stringify(existing)?.slice(0, 1500) ?? String(existing);
    const note: AuditDraft = {
      migrationId: fresh.id,
      at: now,
      step: 'migration',
      action: 'record-damaged',
      result: 'failed',
      detail: `The stored progress was damaged (${problem}); started again from what Partner Center shows. It held: ${held}`,
    };
    await store.put(fresh);
    await appendAudit(tx, fresh.id, [note, ...createdAudit(fresh)]);
    return { record: fresh, created: true };
  });
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
    const raw = await tx.objectStore('migrations').get(id);
    if (!raw) return { ok: false, reason: 'not-found', message: `No migration ${id}` };
    const record = checked(id, raw);
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

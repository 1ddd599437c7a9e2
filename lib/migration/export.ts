import type { Lang } from '@/lib/i18n';
import type { AuditEntry, MigrationRecord } from './types';

/**
 * A migration's audit log as files the agent hands on: CSV for Excel, JSON for tools. CSV follows
 * RFC 4180 (every field quoted, quotes doubled, CRLF between records) and starts with a UTF-8 byte
 * order mark: without it Excel reads the file in the system's ANSI code page and Korean names
 * become mojibake.
 */

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** Rows as a CSV file Excel opens with Korean names intact (see above); the worklist exports with it too. */
export function toCsv(rows: ReadonlyArray<readonly string[]>): string {
  return BOM + rows.map((row) => row.map(csvField).join(',') + CRLF).join('');
}

const HEADERS: Record<Lang, readonly string[]> = {
  en: ['Time', 'Step', 'Action', 'Result', 'Detail'],
  ko: ['시간', '단계', '작업', '결과', '세부 정보'],
};

/** One migration's entries, in the order they happened; other migrations' entries are left out. */
export function auditToCsv(record: MigrationRecord, entries: readonly AuditEntry[], lang: Lang): string {
  const rows = ownEntries(record, entries).map((e) => [
    new Date(e.at).toISOString(),
    e.step,
    e.action,
    e.result,
    e.detail,
  ]);
  return toCsv([HEADERS[lang], ...rows]);
}

/** The whole record and its entries, pretty-printed. `version` lets a later reader tell the shape. */
export function auditToJson(record: MigrationRecord, entries: readonly AuditEntry[]): string {
  return JSON.stringify({ version: 1, migration: record, entries: ownEntries(record, entries) }, null, 2);
}

function ownEntries(record: MigrationRecord, entries: readonly AuditEntry[]): AuditEntry[] {
  return entries.filter((e) => e.migrationId === record.id).sort((a, b) => a.seq - b.seq);
}

/**
 * Quoted always, so commas, quotes and line breaks in names need no special case. A field that
 * starts like a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe: customer and user
 * names come from the tenant, and Excel would otherwise run "=HYPERLINK(...)" as a formula.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

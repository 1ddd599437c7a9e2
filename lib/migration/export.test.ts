import { describe, expect, it } from 'vitest';
import { auditToCsv, auditToJson } from './export';
import { recordAt } from './test-fixtures';
import type { AuditEntry } from './types';

const record = recordAt('reassign-partial');
const entry = (seq: number, detail: string, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  migrationId: record.id,
  seq,
  at: Date.UTC(2024, 4, 1, 10, 0, seq),
  step: 'reassign',
  action: 'user-moved',
  result: 'ok',
  detail,
  ...extra,
});

const ENTRIES: AuditEntry[] = [
  entry(2, '김민준 <minjun.kim@hanbit.example> moved'),
  entry(1, '주식회사 한빛, "Hanbit" Co.: created', { step: 'migration', action: 'created', result: 'info' }),
  entry(3, 'Lee, "Jay"\nsecond line\r\nthird', { result: 'failed', action: 'user-failed' }),
  entry(4, '=HYPERLINK("https://evil.example")'),
  entry(5, 'from another migration', { migrationId: 'other' }),
];

/** A small RFC 4180 reader: enough to prove the writer's output parses back to the same fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) throw new Error('last record not terminated by CRLF');
  return rows;
}

describe('auditToCsv', () => {
  const csv = auditToCsv(record, ENTRIES, 'en');

  it('starts with a UTF-8 byte order mark so Excel reads Korean names', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('김민준');
  });

  it('writes a header and one record per entry, in sequence order, CRLF-terminated', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows).toEqual([
      ['Time', 'Step', 'Action', 'Result', 'Detail'],
      ['2024-05-01T10:00:01.000Z', 'migration', 'created', 'info', '주식회사 한빛, "Hanbit" Co.: created'],
      ['2024-05-01T10:00:02.000Z', 'reassign', 'user-moved', 'ok', '김민준 <minjun.kim@hanbit.example> moved'],
      ['2024-05-01T10:00:03.000Z', 'reassign', 'user-failed', 'failed', 'Lee, "Jay"\nsecond line\r\nthird'],
      ['2024-05-01T10:00:04.000Z', 'reassign', 'user-moved', 'ok', `'=HYPERLINK("https://evil.example")`],
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes every field and doubles quotes inside', () => {
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('"Time","Step","Action","Result","Detail"');
    expect(lines[1]).toBe(
      '"2024-05-01T10:00:01.000Z","migration","created","info","주식회사 한빛, ""Hanbit"" Co.: created"',
    );
  });

  it('keeps a formula-looking field from being run by Excel', () => {
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
    expect(csv).not.toContain('"=HYPERLINK');
  });

  it('writes the header in Korean when asked', () => {
    const ko = auditToCsv(record, ENTRIES, 'ko');
    expect(parseCsv(ko.slice(1))[0]).toEqual(['시간', '단계', '작업', '결과', '세부 정보']);
    expect(parseCsv(ko.slice(1)).slice(1)).toEqual(parseCsv(csv.slice(1)).slice(1));
  });

  it('is a header alone when there is nothing to log', () => {
    expect(auditToCsv(record, [], 'en')).toBe('\uFEFF"Time","Step","Action","Result","Detail"\r\n');
  });
});

describe('auditToJson', () => {
  it('holds the whole record and its entries in order, pretty-printed', () => {
    const json = auditToJson(record, ENTRIES);
    expect(json).toContain('\n  "migration": {');
    const parsed = JSON.parse(json) as { version: number; migration: unknown; entries: AuditEntry[] };
    expect(parsed.version).toBe(1);
    expect(parsed.migration).toEqual(record);
    expect(parsed.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(parsed.entries[2]?.detail).toBe('Lee, "Jay"\nsecond line\r\nthird');
    expect(json).toContain('김민준');
  });
});

import { describe, expect, it } from 'vitest';
import { isFinished, newScan, refreshScan, type ScanState } from './state';

const listedScan = (read: number): ScanState => {
  const s = newScan(1000);
  s.listed = true;
  s.customers = [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }, { id: 'c', name: 'C' }];
  for (const c of s.customers.slice(0, read)) s.results[c.id] = { readAt: 2000, retiring: [] };
  return s;
};

describe('isFinished: what a restarted worker shows of a stored scan', () => {
  it('a first scan stopped after its listing, with customers left to read, is not finished', () => {
    expect(isFinished(listedScan(1))).toBe(false);
  });
  it('a scan stopped while listing is not finished', () => {
    expect(isFinished(newScan(1000))).toBe(false);
  });
  it('every customer read or failed: finished', () => {
    const s = listedScan(2);
    s.failures.c = { failedAt: 2000, reason: 'server', status: 503 };
    expect(isFinished(s)).toBe(true);
  });
  it('a refresh under way with a stale result left is not finished', () => {
    const s = { ...refreshScan(listedScan(3), 10_000, 1000), listed: true };
    expect(isFinished(s)).toBe(false);
  });
});

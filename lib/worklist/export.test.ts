import { describe, expect, it } from 'vitest';
import { worklistToCsv, worklistToJson } from './export';
import type { WorklistRow } from './rows';

const row: WorklistRow = {
  customerId: 'c1',
  customerName: '한결테크, "본사"',
  subscriptionId: 's1',
  offerName: 'Kaizala Pro',
  quantity: 12,
  endDate: '2026-12-10',
  daysLeft: 7,
  urgency: 'urgent',
  migration: 'in-progress',
  nextStep: 'reassign',
};

describe('worklist export', () => {
  it('writes CSV that Excel opens with Korean names: BOM, every field quoted, quotes doubled', () => {
    const csv = worklistToCsv([row], 'ko');
    expect(csv.startsWith('\uFEFF"고객 ID","고객"')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('"c1","한결테크, ""본사""","s1","Kaizala Pro","12","2026-12-10","7","in-progress","reassign"');
  });
  it('writes the same rows as JSON', () => {
    expect(JSON.parse(worklistToJson([row]))).toEqual({ version: 1, rows: [row] });
  });
});

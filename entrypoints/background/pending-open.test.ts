import { describe, expect, it } from 'vitest';
import { createPendingOpens } from './pending-open';

const TENANT = '0f6c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f';

describe('a worklist row opened into a portal tab', () => {
  it("is handed once to that tab's page of that customer", () => {
    const pending = createPendingOpens(() => 0);
    pending.set(5, TENANT.toUpperCase(), 'SUB-1');
    expect(pending.take(6, TENANT)).toBeNull();
    expect(pending.take(5, 'ffffffff-ffff-ffff-ffff-ffffffffffff')).toBeNull();
    expect(pending.take(5, TENANT)).toBe('sub-1');
    expect(pending.take(5, TENANT)).toBeNull();
  });

  it('lapses when the page never asked in time', () => {
    const clock = { t: 0 };
    const pending = createPendingOpens(() => clock.t);
    pending.set(5, TENANT, 'sub-1');
    clock.t = 3 * 60_000;
    expect(pending.take(5, TENANT)).toBeNull();
  });
});

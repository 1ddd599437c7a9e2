import { describe, expect, it } from 'vitest';
import { createLeaseTable, LEASE_MS } from './leases';

const M = '3c5a1f0e-1b2c-4d3e-8f90-a1b2c3d4e5f6:sub-1';
const M2 = '3c5a1f0e-1b2c-4d3e-8f90-a1b2c3d4e5f6:sub-2';

function table() {
  const clock = { t: 1_000 };
  return { clock, leases: createLeaseTable(() => clock.t) };
}

describe('migration leases', () => {
  it('grants a free lease and refuses a second tab while it lives', () => {
    const { leases } = table();
    expect(leases.act(M, 1, 'acquire')).toEqual({ granted: true, holder: 1, expiresAt: 1_000 + LEASE_MS });
    expect(leases.act(M, 2, 'acquire')).toEqual({ granted: false, holder: 1, expiresAt: 1_000 + LEASE_MS });
    expect(leases.act(M, 2, 'renew')).toMatchObject({ granted: false, holder: 1 });
    expect(leases.holder(M)).toBe(1);
  });

  it('leases per migration: another migration is free', () => {
    const { leases } = table();
    leases.act(M, 1, 'acquire');
    expect(leases.act(M2, 2, 'acquire')).toMatchObject({ granted: true, holder: 2 });
  });

  it('lapses after the lease time, and another tab can take over', () => {
    const { clock, leases } = table();
    leases.act(M, 1, 'acquire');
    clock.t += LEASE_MS - 1;
    expect(leases.act(M, 2, 'acquire')).toMatchObject({ granted: false, holder: 1 });
    clock.t += 1;
    expect(leases.holder(M)).toBeUndefined();
    expect(leases.act(M, 2, 'acquire')).toEqual({ granted: true, holder: 2, expiresAt: clock.t + LEASE_MS });
    // The first tab, back late, finds the lease taken and must not run.
    expect(leases.act(M, 1, 'renew')).toMatchObject({ granted: false, holder: 2 });
  });

  it('renewing keeps the lease alive past its first term', () => {
    const { clock, leases } = table();
    leases.act(M, 1, 'acquire');
    for (let i = 0; i < 5; i++) {
      clock.t += LEASE_MS / 2;
      expect(leases.act(M, 1, 'renew')).toEqual({ granted: true, holder: 1, expiresAt: clock.t + LEASE_MS });
      expect(leases.act(M, 2, 'acquire')).toMatchObject({ granted: false, holder: 1 });
    }
  });

  it('a renewal re-takes a lease nobody else took (after a restarted worker forgot it)', () => {
    const { clock, leases } = table();
    expect(leases.act(M, 1, 'renew')).toMatchObject({ granted: true, holder: 1 });
    clock.t += LEASE_MS * 3;
    expect(leases.act(M, 1, 'renew')).toMatchObject({ granted: true, holder: 1 });
  });

  it('a release frees the lease at once; only the holder can release it', () => {
    const { leases } = table();
    leases.act(M, 1, 'acquire');
    expect(leases.act(M, 2, 'release')).toMatchObject({ granted: false, holder: 1 });
    expect(leases.holder(M)).toBe(1);
    expect(leases.act(M, 1, 'release')).toEqual({ granted: false });
    expect(leases.holder(M)).toBeUndefined();
    expect(leases.act(M, 2, 'acquire')).toMatchObject({ granted: true, holder: 2 });
  });

  it('a closed tab loses all its leases', () => {
    const { leases } = table();
    leases.act(M, 1, 'acquire');
    leases.act(M2, 1, 'acquire');
    leases.releaseTab(1);
    expect([leases.holder(M), leases.holder(M2)]).toEqual([undefined, undefined]);
  });

  it('acquiring again from the holding tab (a reload) extends its own lease', () => {
    const { clock, leases } = table();
    leases.act(M, 1, 'acquire');
    clock.t += 5_000;
    expect(leases.act(M, 1, 'acquire')).toEqual({ granted: true, holder: 1, expiresAt: clock.t + LEASE_MS });
  });
});

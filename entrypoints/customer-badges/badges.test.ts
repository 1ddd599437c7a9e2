import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '@/lib/catalog';
import { retiringSummary } from './badges';

const sub = (offerName: string, status: string, commitmentEndDate?: string) => ({
  offerId: 'not-in-catalog',
  offerName,
  status,
  commitmentEndDate,
});

describe('retiringSummary', () => {
  it('counts the active retiring subscriptions and finds the one that ends first', () => {
    const summary = retiringSummary(
      builtInCatalog,
      [
        sub('Kaizala Pro', 'active', '2027-03-01T00:00:00Z'),
        sub('Kaizala Pro', 'active', '2027-01-02T00:00:00Z'),
        // Expired, and not retiring: neither counts, however soon they end.
        sub('Kaizala Pro', 'expired', '2026-01-01T00:00:00Z'),
        sub('Exchange Online (Plan 1)', 'active', '2026-12-01T00:00:00Z'),
      ],
      '2026-12-01',
    );
    expect(summary).toEqual({ count: 2, nearest: { date: '2027-01-02', daysLeft: 32 } });
  });
  it('has no date to show when none of them has an end date', () => {
    expect(retiringSummary(builtInCatalog, [sub('Kaizala Pro', 'Active')], '2026-12-01')).toEqual({
      count: 1,
      nearest: null,
    });
  });
});

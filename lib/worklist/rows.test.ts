import { describe, expect, it } from 'vitest';
import { newScan, type RetiringSubscription } from './state';
import { worklistRows } from './rows';

const sub = (id: string, endDate: string | null): RetiringSubscription => ({
  subscriptionId: id,
  offerId: 'o',
  offerName: 'Kaizala Pro',
  quantity: 5,
  endDate,
  autoRenew: false,
  retirementId: 'kaizala-pro-standalone',
  retiredOfferKey: 'kaizala-pro',
});

describe('worklistRows', () => {
  const state = {
    ...newScan(0),
    listed: true,
    customers: [
      { id: 'c1', name: 'Contoso' },
      { id: 'c2', name: 'Alpine' },
      { id: 'c3', name: 'Fabrikam' },
      { id: 'c4', name: '한결테크' },
    ],
    results: {
      c1: { readAt: 1, retiring: [sub('s1', '2027-01-02')] },
      c2: { readAt: 1, retiring: [sub('s2', '2026-12-10'), sub('s3', null)] },
      c3: { readAt: 1, retiring: [] },
    },
    failures: { c4: { failedAt: 1, reason: 'server' } },
  };

  it('lists every retiring subscription, soonest end first, days left counted from today', () => {
    const { rows } = worklistRows(state, '2026-12-03');
    expect(rows.map((r) => [r.customerName, r.subscriptionId, r.daysLeft, r.urgency])).toEqual([
      ['Alpine', 's2', 7, 'urgent'],
      ['Contoso', 's1', 30, 'urgent'],
      ['Alpine', 's3', null, 'soon'],
    ]);
  });

  it('lists the customers that could not be read, with why', () => {
    expect(worklistRows(state, '2026-12-03').failures).toEqual([{ customerId: 'c4', customerName: '한결테크', reason: 'server' }]);
  });

  it('shows the listing under way before the first complete list', () => {
    const first = { ...newScan(0), listing: [{ id: 'c1', name: 'Contoso' }], results: { c1: state.results.c1 } };
    expect(worklistRows(first, '2026-12-03').rows).toHaveLength(1);
  });
});

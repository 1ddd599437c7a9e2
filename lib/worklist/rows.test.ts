import { describe, expect, it } from 'vitest';
import { newScan, type RetiringSubscription } from './state';
import { stillToMigrate, type WorklistRow, worklistRows } from './rows';

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

describe('worklistRows with pre-flight', () => {
  const sub = { subscriptionId: 'S1', offerId: 'o', offerName: 'Kaizala Pro', quantity: 5, endDate: '2026-12-10', autoRenew: false, retirementId: 'kaizala-pro-standalone', retiredOfferKey: 'kaizala-pro' };
  const base = { ...newScan(0), listed: true, customers: [{ id: 'c1', name: 'Contoso' }], results: { c1: { readAt: 1, retiring: [sub] } } };
  const checked = (api: { state: 'not-started' | 'in-progress' | 'done'; next: 'reassign' | 'suspend' | null }) => ({
    ...base,
    preflight: {
      c1: { checkedAt: 9, failure: null, subscriptions: { s1: { verdict: 'ready' as const, issues: [], notes: [], replacement: null, api } } },
    },
  });

  it('shows a customer not yet checked as such, and its migration as not started', () => {
    expect(worklistRows(base, '2026-12-03').rows[0]).toMatchObject({ verdict: 'unchecked', migration: 'not-started', migrationSource: null });
  });
  it('shows work Partner Center shows, and done overrides the verdict', () => {
    expect(worklistRows(checked({ state: 'in-progress', next: 'reassign' }), '2026-12-03').rows[0]).toMatchObject({
      verdict: 'ready',
      migration: 'in-progress',
      nextStep: 'reassign',
      migrationSource: 'api',
      checkedAt: 9,
    });
    expect(worklistRows(checked({ state: 'done', next: null }), '2026-12-03').rows[0]).toMatchObject({ verdict: 'done', migration: 'done' });
  });
  it('says a check that could not read the customer needs attention, with why', () => {
    const failed = { ...base, preflight: { c1: { checkedAt: 9, failure: 'server', subscriptions: {} } } };
    expect(worklistRows(failed, '2026-12-03').rows[0]).toMatchObject({ verdict: 'attention', issues: [{ kind: 'read-failed', reason: 'server' }] });
  });
});

describe('the toolbar badge', () => {
  it('counts customers with a subscription not done, and those ending within 30 days or ended', () => {
    const row = (customerId: string, migration: WorklistRow['migration'], urgency: WorklistRow['urgency']) =>
      ({ customerId, migration, urgency }) as WorklistRow;
    const rows = [
      row('c1', 'not-started', 'urgent'),
      row('c1', 'done', 'ended'),
      row('c2', 'in-progress', 'soon'),
      row('c3', 'done', 'urgent'),
      row('c4', 'not-started', 'ended'),
    ];
    expect(stillToMigrate(rows)).toEqual({ customers: 3, urgent: 2 });
    expect(stillToMigrate([])).toEqual({ customers: 0, urgent: 0 });
  });
});

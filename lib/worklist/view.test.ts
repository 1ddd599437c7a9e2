import { describe, expect, it } from 'vitest';
import { testRow } from './test-rows';
import { DEFAULT_VIEW, filterChoices, viewRows, type WorklistView } from './view';

const dynamics = { retirementId: 'dynamics-crm-basic', retirement: { en: 'Dynamics CRM Basic', ko: 'Dynamics CRM Basic' } };
const rows = [
  testRow({ customerId: 'a', customerName: 'Alpine', subscriptionId: 'sa', daysLeft: 30, verdict: 'attention' }),
  testRow({ customerId: 'b', customerName: 'Bellows', subscriptionId: 'sb', daysLeft: -2, urgency: 'ended', verdict: 'done', migration: 'done', ...dynamics }),
  testRow({ customerId: 'c', customerName: 'Coho', subscriptionId: 'sc', daysLeft: 120, urgency: 'later', verdict: 'unchecked', replacement: null }),
  testRow({ customerId: 'd', customerName: 'Datum', subscriptionId: 'sd', daysLeft: 60, migration: 'in-progress', nextStep: 'suspend', ...dynamics }),
  testRow({ customerId: 'e', customerName: 'Eagle', subscriptionId: 'se', daysLeft: null, urgency: 'soon', migration: 'in-progress', nextStep: 'purchase' }),
];
const names = (view: Partial<WorklistView['filter']> = {}, sort: WorklistView['sort'] = DEFAULT_VIEW.sort) =>
  viewRows(rows, { sort, filter: { ...DEFAULT_VIEW.filter, ...view } }, 'en').map((r) => r.customerName);

describe('the worklist view', () => {
  it('opens soonest end first, subscriptions without an end date last', () => {
    expect(names()).toEqual(['Bellows', 'Alpine', 'Datum', 'Coho', 'Eagle']);
  });

  it('filters by days left', () => {
    expect(names({ days: 'ended' })).toEqual(['Bellows']);
    expect(names({ days: 'within30' })).toEqual(['Alpine']);
    expect(names({ days: 'within90' })).toEqual(['Alpine', 'Datum']);
    expect(names({ days: 'later' })).toEqual(['Coho']);
  });

  it('filters by retirement, replacement, verdict and migration state, and by several at once', () => {
    expect(names({ retirement: 'dynamics-crm-basic' })).toEqual(['Bellows', 'Datum']);
    expect(names({ replacement: 'Microsoft 365 Business Basic' })).toEqual(['Bellows', 'Alpine', 'Datum', 'Eagle']);
    expect(names({ verdict: 'attention' })).toEqual(['Alpine']);
    expect(names({ verdict: 'unchecked' })).toEqual(['Coho']);
    expect(names({ migration: 'in-progress' })).toEqual(['Datum', 'Eagle']);
    expect(names({ migration: 'in-progress', retirement: 'kaizala-pro-standalone' })).toEqual(['Eagle']);
  });

  it('sorts by each column both ways', () => {
    expect(names({}, { key: 'customer', dir: 'descending' })).toEqual(['Eagle', 'Datum', 'Coho', 'Bellows', 'Alpine']);
    expect(names({}, { key: 'daysLeft', dir: 'descending' })).toEqual(['Eagle', 'Coho', 'Datum', 'Alpine', 'Bellows']);
    // Work first: needs attention, ready, not checked, done.
    expect(names({}, { key: 'verdict', dir: 'ascending' })).toEqual(['Alpine', 'Datum', 'Eagle', 'Coho', 'Bellows']);
    // Not started, then A, B, C, then done.
    expect(names({}, { key: 'migration', dir: 'ascending' })).toEqual(['Alpine', 'Coho', 'Eagle', 'Datum', 'Bellows']);
    expect(names({}, { key: 'retirement', dir: 'ascending' })).toEqual(['Bellows', 'Datum', 'Alpine', 'Coho', 'Eagle']);
    // Rows not yet checked have no replacement and come last.
    expect(names({}, { key: 'replacement', dir: 'ascending' }).at(-1)).toBe('Coho');
  });

  it('offers each retirement and replacement the rows hold, once, in the agent language', () => {
    expect(filterChoices(rows, 'ko')).toEqual({
      retirements: [
        { value: 'dynamics-crm-basic', label: 'Dynamics CRM Basic' },
        { value: 'kaizala-pro-standalone', label: 'Kaizala Pro 사용 중지' },
      ],
      replacements: [{ value: 'Microsoft 365 Business Basic', label: 'Microsoft 365 Business Basic' }],
    });
  });
});

/** Test double for worklist tests (not shipped: only tests import this): one row as the panel lists it. */
import type { WorklistRow } from './rows';

export function testRow(over: Partial<WorklistRow> = {}): WorklistRow {
  return {
    customerId: 'c1',
    customerName: 'Contoso',
    subscriptionId: 's1',
    offerName: 'Kaizala Pro',
    quantity: 25,
    endDate: '2027-01-02',
    daysLeft: 30,
    urgency: 'urgent',
    retirementId: 'kaizala-pro-standalone',
    retirement: { en: 'Kaizala Pro retirement', ko: 'Kaizala Pro 사용 중지' },
    replacement: { name: { en: 'Microsoft 365 Business Basic', ko: 'Microsoft 365 Business Basic' }, quantity: 25 },
    verdict: 'ready',
    issues: [],
    notes: [],
    checkedAt: 1,
    migration: 'not-started',
    nextStep: null,
    migrationSource: null,
    ...over,
  };
}

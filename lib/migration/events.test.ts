import { describe, expect, it } from 'vitest';
import { NewMigration } from './create';
import { MAX_USERS, MigrationEvent } from './events';
import { sampleInput, USERS } from './test-fixtures';

describe('MigrationEvent', () => {
  it.each([
    { type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] },
    { type: 'purchase.submitted', orderId: 'kQ3fZ_9x-1' },
    { type: 'purchase.verified', subscriptionId: 'B0000000-0000-4000-8000-00000000000B' },
    { type: 'purchase.reset' },
    { type: 'reassign.started', users: USERS },
    { type: 'reassign.started', users: [{ userId: 'u-1', displayName: '', upn: 'nameless@x.example' }] },
    { type: 'reassign.user', userId: 'u-1', state: 'failed', reason: 'Forbidden', code: '403' },
    { type: 'suspend.verified', deprovisionDate: '2024-10-29' },
    { type: 'quantity.changed', quantity: 300 },
  ])('accepts %j', (event) => {
    expect(MigrationEvent.safeParse(event).success).toBe(true);
  });

  it.each([
    ['an unknown type', { type: 'purchase.refund' }],
    ['no type', { orderId: 'x' }],
    ['a submitted order without id', { type: 'purchase.submitted' }],
    ['an order id with markup', { type: 'purchase.submitted', orderId: '<img src=x>' }],
    ['a subscription id with a path', { type: 'purchase.verified', subscriptionId: '../../customers' }],
    ['an empty reason', { type: 'purchase.skipped', reason: '' }],
    ['a huge error', { type: 'purchase.failed', error: 'x'.repeat(2001) }],
    ['a user state other than moved or failed', { type: 'reassign.user', userId: 'u-1', state: 'pending' }],
    ['a user without UPN', { type: 'reassign.started', users: [{ userId: 'u-1', displayName: 'A' }] }],
    ['a date in another format', { type: 'suspend.verified', deprovisionDate: '29/10/2024' }],
    ['quantity zero', { type: 'quantity.changed', quantity: 0 }],
    ['a fractional quantity', { type: 'quantity.changed', quantity: 2.5 }],
    ['a quantity as text', { type: 'quantity.changed', quantity: '30' }],
    [
      'more users than any customer has',
      {
        type: 'reassign.started',
        users: Array.from({ length: MAX_USERS + 1 }, (_, i) => ({ ...USERS[0]!, userId: `u-${i}` })),
      },
    ],
  ])('refuses %s', (_name, event) => {
    expect(MigrationEvent.safeParse(event).success).toBe(false);
  });
});

describe('NewMigration', () => {
  it('accepts the sample and refuses a tenant id in upper case or a negative quantity', () => {
    expect(NewMigration.safeParse(sampleInput()).success).toBe(true);
    const tenantId = sampleInput().tenantId.toUpperCase();
    expect(NewMigration.safeParse({ ...sampleInput(), tenantId }).success).toBe(false);
    const retiring = { ...sampleInput().retiring, quantity: -1 };
    expect(NewMigration.safeParse({ ...sampleInput(), retiring }).success).toBe(false);
    const replacement = { ...sampleInput().replacement, planKey: 'Not A Slug' };
    expect(NewMigration.safeParse({ ...sampleInput(), replacement }).success).toBe(false);
  });
});

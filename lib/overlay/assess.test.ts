import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '@/lib/catalog';
import { type AssessInput, assessRetiring, type SubscriptionLike } from './assess';
import { portalName } from './subscription';
import { urgencyOf } from './days';

const KAIZALA_SKU = 'c93fe0ce-7375-4b8d-a55e-bf562ae7154f';
const sub = (over: Partial<SubscriptionLike>): SubscriptionLike => ({
  id: 'sub-kaizala',
  offerId: '16A0DEF9-0000-4000-8000-000000000001',
  offerName: 'Kaizala Pro',
  quantity: 25,
  status: 'active',
  autoRenewEnabled: false,
  commitmentEndDate: '2026-12-21T00:00:00Z',
  ...over,
});

const input = (subscriptions: SubscriptionLike[]): AssessInput => ({
  catalog: builtInCatalog,
  customer: { id: 'c1', companyName: 'Alpine Ski House', country: 'US', qualifications: [] },
  subscriptions,
  offers: [{ id: '16A0DEF9-0000-4000-8000-000000000001', product: { id: KAIZALA_SKU.toUpperCase() } }],
  subscribedSkus: [
    { skuId: KAIZALA_SKU, totalUnits: 25, consumedUnits: 25, servicePlans: ['KAIZALA_STANDALONE'] },
  ],
  today: '2026-11-21',
});

describe('assessRetiring', () => {
  it('flags an active retiring subscription with days left, urgency and the recommendation', () => {
    const [item, ...rest] = assessRetiring(input([sub({})]));
    expect(rest).toEqual([]);
    expect(item?.daysLeft).toBe(30);
    expect(item?.urgency).toBe('urgent');
    expect(item?.endDate).toBe('2026-12-21');
    expect(item?.subscription.offerName).toBe('Kaizala Pro');
    expect(item?.retirement.endOfSale).toBe('2020-07-01');
    expect(item?.pick.ok && item.pick.options[0]?.plan.key).toBe('m365-business-basic');
    expect(item?.pick.ok && item.pick.options[0]?.quantity).toBe(25);
  });

  it.each([
    ['suspended', { status: 'suspended' }],
    ['expired', { status: 'expired' }],
    ['a look-alike', { offerName: 'Dynamics 365 for Sales Professional Add-On for CRMOL Basic (Qualified Offer)' }],
    ['an ordinary offer', { offerName: 'Office 365 Enterprise E3', offerId: '796B6B5F-613C-4E24-A17C-EBA730D49C02' }],
  ])('leaves out %s subscriptions', (_label, over) => {
    expect(assessRetiring(input([sub(over)]))).toEqual([]);
  });

  it('orders the soonest end first', () => {
    const items = assessRetiring(
      input([
        sub({ id: 'late', commitmentEndDate: '2027-06-01' }),
        sub({ id: 'soon', commitmentEndDate: '2026-11-25' }),
      ]),
    );
    expect(items.map((i) => i.subscription.id)).toEqual(['soon', 'late']);
  });
});

describe('portalName', () => {
  it('names a subscription as its row in Partner Center does, in every language', () => {
    expect(portalName({ offerName: 'Kaizala Pro' })).toBe('Kaizala Pro');
    expect(portalName({ offerName: 'Kaizala Pro', friendlyName: 'Kaizala for the shop' })).toBe('Kaizala for the shop');
    expect(portalName({ offerName: 'Kaizala Pro', friendlyName: '' })).toBe('Kaizala Pro');
  });
});

describe('urgencyOf', () => {
  it.each([
    [null, 'soon'],
    [-1, 'ended'],
    [0, 'urgent'],
    [30, 'urgent'],
    [31, 'soon'],
    [90, 'soon'],
    [91, 'later'],
  ] as const)('%s days → %s', (days, urgency) => {
    expect(urgencyOf(days)).toBe(urgency);
  });
});

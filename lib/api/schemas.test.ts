import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  Collection,
  Customer,
  CustomerUser,
  ErrorBody,
  License,
  Offer,
  Order,
  Qualifications,
  SubscribedSku,
  Subscription,
  ThrottleBody,
} from './schemas';
import { customer, subscription } from './test-support';

const fixture: unknown = JSON.parse(
  readFileSync(new URL('../../fixtures/offers-us-2019.json', import.meta.url), 'utf8'),
);

describe('the recorded GET /offers?country=US response', () => {
  const parsed = Collection(Offer).safeParse(fixture);

  it('parses as a Collection of Offer, as it is', () => {
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.items).toHaveLength(274);
    expect(parsed.data.totalCount).toBe(274);
    expect(parsed.data.links?.next).toBeUndefined();
  });

  it('keeps ids as written (upper case) and fields the schema does not name', () => {
    if (!parsed.success) throw new Error('fixture did not parse');
    const sales = parsed.data.items.find((o) => o.id === 'F28514F0-6516-4EF9-8222-1C605A05D245');
    expect(sales?.product.id).toBe('BE9F9771-1C64-4618-9907-244325141096');
    expect(sales?.name).toMatch(/Sales Professional/);
    // Unknown fields survive, so a resource can be sent back whole.
    expect(sales).toHaveProperty('supportedBillingCycles');
    const azure = parsed.data.items.find((o) => o.id === 'MS-AZR-0145P');
    expect(azure?.name).toBe('Microsoft Azure');
  });

  it('reads category ids, qualifications and prerequisites', () => {
    if (!parsed.success) throw new Error('fixture did not parse');
    const categories = new Set(parsed.data.items.map((o) => o.category.id));
    expect(categories).toContain('SmallBusiness_Key');
    expect(categories).toContain('Enterprise_Key');
    expect(parsed.data.items.some((o) => o.reselleeQualifications.includes('Nonprofit'))).toBe(true);
    expect(parsed.data.items.some((o) => o.isAddOn && o.prerequisiteOffers.length > 0)).toBe(true);
  });
});

describe('resource schemas', () => {
  it('accept a subscription with nulls and extra fields, and reject an unknown status', () => {
    const ok = Subscription.safeParse(subscription({ newField: { nested: true } }));
    expect(ok.success).toBe(true);
    if (ok.success) {
      expect(ok.data.parentSubscriptionId).toBeNull();
      expect(ok.data.attributes?.etag).toBe('W/"etag-1"');
      expect(ok.data).toHaveProperty('newField');
    }
    expect(Subscription.safeParse(subscription({ status: 'Active' })).success).toBe(false);
    expect(Subscription.safeParse(subscription({ status: 'retired' })).success).toBe(false);
    for (const status of ['none', 'active', 'pending', 'suspended', 'expired', 'disabled', 'deleted']) {
      expect(Subscription.safeParse(subscription({ status })).success).toBe(true);
    }
  });

  it('require what the extension uses', () => {
    const { offerId: _offerId, ...noOffer } = subscription();
    expect(Subscription.safeParse(noOffer).success).toBe(false);
    expect(Subscription.safeParse(subscription({ quantity: '10' })).success).toBe(false);
    expect(Subscription.safeParse(subscription({ id: '' })).success).toBe(false);
    const { companyProfile: _profile, ...noProfile } = customer(1);
    expect(Customer.safeParse(noProfile).success).toBe(false);
  });

  it('accept a customer with and without a billing profile', () => {
    expect(Customer.safeParse(customer(1)).success).toBe(true);
    const full = {
      ...customer(2),
      billingProfile: { culture: 'ko-KR', language: 'ko', defaultAddress: { country: 'KR', city: 'Seoul' } },
    };
    const parsed = Customer.safeParse(full);
    expect(parsed.success && parsed.data.billingProfile?.defaultAddress?.country).toBe('KR');
  });

  it('read qualifications with the contract enums', () => {
    expect(
      Qualifications.safeParse([
        { qualification: 'Education', vettingStatus: 'Approved' },
        { qualification: 'None' },
      ]).success,
    ).toBe(true);
    expect(Qualifications.safeParse([{ qualification: 'education', vettingStatus: 'Approved' }]).success).toBe(false);
    expect(Qualifications.safeParse([{ qualification: 'Education', vettingStatus: 'Pending' }]).success).toBe(false);
  });

  it('read orders before and after provisioning', () => {
    const order = {
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      status: 'pending',
      creationDate: '2026-11-21T00:00:00Z',
      lineItems: [{ lineItemNumber: 0, offerId: 'F28514F0-6516-4EF9-8222-1C605A05D245', quantity: 5 }],
    };
    const before = Order.safeParse(order);
    expect(before.success && before.data.lineItems[0]?.subscriptionId).toBeUndefined();
    const after = Order.safeParse({
      ...order,
      lineItems: [{ ...order.lineItems[0], subscriptionId: '9f7d1ac4-4c4b-4a6d-9f0e-222222222222' }],
    });
    expect(after.success && after.data.lineItems[0]?.subscriptionId).toBe('9f7d1ac4-4c4b-4a6d-9f0e-222222222222');
  });

  it('read users, licenses and subscribed SKUs', () => {
    const sku = {
      id: '3b555118-da6a-4418-894f-7df1e2096870',
      name: 'Microsoft 365 Business Basic',
      skuPartNumber: 'O365_BUSINESS_ESSENTIALS',
    };
    const user = { id: 'u1', userPrincipalName: 'a@b.c', displayName: 'A', usageLocation: 'KR', state: 'active' };
    expect(CustomerUser.safeParse(user).success).toBe(true);
    expect(CustomerUser.safeParse({ ...user, userPrincipalName: undefined }).success).toBe(false);
    const license = License.safeParse({ productSku: sku, servicePlans: [{ serviceName: 'KAIZALA_O365_P1', id: 'p' }] });
    expect(license.success && license.data.servicePlans[0]?.serviceName).toBe('KAIZALA_O365_P1');
    // A license without servicePlans reads as holding none.
    const bare = License.safeParse({ productSku: sku });
    expect(bare.success && bare.data.servicePlans).toEqual([]);
    expect(
      SubscribedSku.safeParse({ productSku: sku, totalUnits: 10, consumedUnits: 12, availableUnits: -2 }).success,
    ).toBe(true);
    expect(SubscribedSku.safeParse({ productSku: sku, totalUnits: 10, consumedUnits: 1 }).success).toBe(false);
  });

  it('read both error bodies', () => {
    const error = { code: 60012, description: 'out', data: [], source: 'PartnerCenter' };
    expect(ErrorBody.safeParse(error).success).toBe(true);
    expect(ErrorBody.safeParse({ code: '2002', description: 'quantity' }).success).toBe(true);
    const throttle = { statusCode: 429, message: 'Rate limit is exceeded. Try again in 7 seconds.' };
    expect(ThrottleBody.safeParse(throttle).success).toBe(true);
    expect(ErrorBody.safeParse({ statusCode: 429, message: 'x' }).success).toBe(false);
  });

  it('read links.next with its continuation header', () => {
    const parsed = Collection(Customer).safeParse({
      totalCount: 1,
      items: [customer(1)],
      links: {
        self: { uri: '/customers?size=1', method: 'GET', headers: [] },
        next: {
          uri: '/customers?size=1&seekOperation=Next',
          method: 'GET',
          headers: [{ key: 'MS-ContinuationToken', value: 'abc' }],
        },
      },
      attributes: { objectType: 'Collection' },
    });
    expect(parsed.success && parsed.data.links?.next?.headers).toEqual([{ key: 'MS-ContinuationToken', value: 'abc' }]);
    expect(Collection(Customer).safeParse({ items: [{ id: 'x' }] }).success).toBe(false);
  });
});

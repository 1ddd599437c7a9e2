import { describe, expect, it } from 'vitest';
import type { Customer, Offer, SubscribedSku } from '@/lib/api';
import { kaizalaPick } from '@/lib/recommend/test-fixtures';
import { cleanupOnly, countryOf, type PanelReads, planPanel, poolOf, pooledCount } from './prepare';

const TENANT = '3c5a1f0e-1b2c-4d3e-8f90-a1b2c3d4e5f6';
const KAIZALA_OFFER = 'C9C9C9C9-0000-4000-8000-000000000001';
const KAIZALA_SKU = 'c93fe0ce-7375-4b8d-a55e-bf562ae7154f';

const apiSku = (id: string, name: string, total: number, consumed: number, plans: string[] = []): SubscribedSku => ({
  productSku: { id, name, skuPartNumber: name.toUpperCase().replace(/\W+/g, '_') },
  totalUnits: total,
  consumedUnits: consumed,
  availableUnits: total - consumed,
  servicePlans: plans.map((serviceName) => ({ serviceName })),
});
const offer = (id: string, name: string, productId: string): Offer =>
  ({ id, name, product: { id: productId } }) as unknown as Offer;
const customer = (companyName: string, country?: string): Customer =>
  ({
    id: TENANT,
    companyProfile: { domain: 'contoso.example', companyName },
    ...(country ? { billingProfile: { defaultAddress: { country } } } : {}),
  }) as Customer;

function reads(over: Partial<PanelReads> = {}): PanelReads {
  const { pick } = kaizalaPick();
  return {
    tenantId: TENANT,
    subscription: { id: 'A1B2C3D4-0000-4000-8000-00000000000A', offerId: KAIZALA_OFFER, offerName: 'Kaizala Pro', quantity: 25 },
    pick,
    customer: customer('Contoso', 'KR'),
    skus: [apiSku(KAIZALA_SKU, 'Microsoft Kaizala Pro', 25, 25, ['KAIZALA_STANDALONE'])],
    offers: [offer(KAIZALA_OFFER, 'Kaizala Pro', KAIZALA_SKU)],
    ...over,
  };
}

describe('planPanel: the migration the panel creates, decided without a browser', () => {
  it('buys the first eligible replacement for a customer who owns none, naming products as licenses show them', () => {
    const r = reads();
    const plan = planPanel(r)!;
    expect(plan.option).toBe(r.pick.options.find((o) => o.eligible));
    expect(plan.input).toMatchObject({
      tenantId: TENANT,
      customerName: 'Contoso',
      retiring: { offerId: KAIZALA_OFFER, skuId: KAIZALA_SKU, productName: 'Microsoft Kaizala Pro', quantity: 25 },
      replacement: { planKey: plan.option.plan.key, offerId: plan.option.offer.offerId, quantity: 25 },
      purchaseNeeded: true,
      reassignNeeded: true,
    });
    expect(plan.skipReason).toBeUndefined();
  });

  it('leaves the retiring product unknown when the licenses could not be read (steps B and C then refuse)', () => {
    const plan = planPanel(reads({ skus: null }))!;
    expect(plan.input.retiring).toMatchObject({ skuId: null, productName: 'Kaizala Pro' });
    expect(plan.input.purchaseNeeded).toBe(true);
  });

  it('skips step A when the customer already owns the replacement with enough free seats, and says why', () => {
    const base = reads();
    const top = planPanel(base)!;
    const skuId = top.input.replacement.skuId!;
    const owned = apiSku(skuId, 'Microsoft 365 Business Basic', 40, 10);
    const plan = planPanel({ ...base, skus: [...base.skus!, owned], offers: [...base.offers] })!;
    expect(plan.input.purchaseNeeded).toBe(false);
    expect(plan.input.replacement.productName).toBe('Microsoft 365 Business Basic');
    expect(plan.skipReason?.en).toContain('Microsoft 365 Business Basic');
    expect(plan.skipReason?.ko).toContain('Microsoft 365 Business Basic');
    // Too few free seats: the purchase stays.
    const short = apiSku(skuId, 'Microsoft 365 Business Basic', 40, 30);
    expect(planPanel({ ...base, skus: [...base.skus!, short] })!.input.purchaseNeeded).toBe(true);
  });

  it('names the customer by its id when the profile could not be read, and shops in the US market', () => {
    const plan = planPanel(reads({ customer: null }))!;
    expect(plan.input.customerName).toBe(TENANT);
    expect(countryOf(null)).toBe('US');
    expect(countryOf(customer('Contoso', 'KR'))).toBe('KR');
    expect(countryOf(customer('Contoso'))).toBe('US');
  });

  it('offers nothing when the picker has no option', () => {
    const r = reads();
    expect(planPanel({ ...r, pick: { ...r.pick, options: [] } })).toBeNull();
  });
});

describe('the agent’s choices around step B', () => {
  const holders = ['Dana', 'Ann', 'Eve', 'Bob', 'Cy'].map((name, i) => ({
    id: `u${i}`,
    displayName: name,
    upn: `${name.toLowerCase()}@contoso.example`,
    skuIds: [KAIZALA_SKU],
  }));

  it('a pooled SKU: the retiring seats move, chosen in a stable order the agent may change', () => {
    const pool = poolOf([...holders, { id: 'x', displayName: 'Zed', upn: 'z@x', skuIds: ['other'] }], KAIZALA_SKU, 3);
    expect(pool.count).toBe(3);
    expect(pool.holders.map((u) => u.displayName)).toEqual(['Ann', 'Bob', 'Cy', 'Dana', 'Eve']);
    expect([...pool.chosen]).toEqual(['u1', 'u3', 'u4']);
  });

  it('fewer holders than the retiring seats: all of them move', () => {
    expect(poolOf(holders.slice(0, 2), KAIZALA_SKU, 3).count).toBe(2);
  });

  it('moves every holder unless other subscriptions keep part of the SKU; clears only when users are covered', () => {
    const { pick } = kaizalaPick();
    expect(pooledCount(pick)).toBeNull();
    expect(pooledCount({ ...pick, usersToMove: 5, licensedUsers: 8 })).toBe(5);
    expect(cleanupOnly(pick)).toBe(false);
    expect(cleanupOnly({ ...pick, reassignNeeded: false, licenseCleanupNeeded: true })).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { Customer, Offer, SubscribedSku, Subscription } from '@/lib/api';
import { builtInCatalog } from '@/lib/catalog';
import { planPanel } from '@/lib/migration/prepare';
import { assessReads } from '@/lib/overlay/assess-reads';
import { finishedPreflight, preflightOf, recommendedName } from './preflight';

const TENANT = '3c5a1f0e-1b2c-4d3e-8f90-a1b2c3d4e5f6';
const KAIZALA_OFFER = '16A0DEF9-0000-4000-8000-000000000001';
const KAIZALA_SKU = 'c93fe0ce-7375-4b8d-a55e-bf562ae7154f';
const BASIC_SKU = '3b555118-da6a-4418-894f-7df1e2096870';
const E3_SKU = '6fd2c87f-b296-42f0-b197-1e91e994b900';

const customer = { id: TENANT, companyProfile: { domain: 'contoso.example', companyName: 'Contoso' } } as Customer;
const sku = (id: string, name: string, total: number, consumed: number, plans: string[]): SubscribedSku => ({
  productSku: { id, name, skuPartNumber: name.toUpperCase().replace(/\W+/g, '_') },
  totalUnits: total,
  consumedUnits: consumed,
  availableUnits: total - consumed,
  servicePlans: plans.map((serviceName) => ({ serviceName })),
});
const kaizala = (total: number, consumed: number) => sku(KAIZALA_SKU, 'Kaizala Pro', total, consumed, ['KAIZALA_STANDALONE']);
const sub = (id: string, quantity: number): Subscription =>
  ({ id, offerId: KAIZALA_OFFER, offerName: 'Kaizala Pro', quantity, status: 'active', autoRenewEnabled: false, commitmentEndDate: '2026-12-21' }) as Subscription;
const kaizalaOffer = { id: KAIZALA_OFFER, name: 'Kaizala Pro', product: { id: KAIZALA_SKU.toUpperCase() } } as Offer;

interface Tenant {
  subscriptions?: Subscription[];
  skus: SubscribedSku[];
  offers?: Offer[];
  users?: number;
  unlocated?: string[][];
}

/** One retiring subscription's facts, assessed from API-shaped reads as the banners assess them. */
function facts(t: Tenant, index = 0) {
  const offers = t.offers ?? [kaizalaOffer];
  const subscriptions = t.subscriptions ?? [sub('s1', 25)];
  const reads = { customer, qualifications: [], subscriptions, skus: t.skus, offers, userCount: t.users ?? 25 };
  const item = assessReads(builtInCatalog, reads, '2026-11-21')[index];
  if (!item) throw new Error('no retiring subscription assessed');
  return { tenantId: TENANT, item, customer, skus: t.skus, offers, unlocated: t.unlocated ?? [] };
}

describe('pre-flight of one retiring subscription', () => {
  it('is ready, recommending exactly the replacement and quantity the Migrate panel would offer', () => {
    const f = facts({ skus: [kaizala(25, 25)] });
    const result = preflightOf(f);
    const pick = f.item.pick;
    if (!pick.ok) throw new Error('pick failed');
    const plan = planPanel({ ...f, subscription: f.item.subscription, pick })!;
    expect(result).toEqual({
      verdict: 'ready',
      issues: [],
      notes: [{ kind: 'holders', users: 25 }],
      replacement: { name: recommendedName(plan.option), quantity: plan.input.replacement.quantity },
      api: { state: 'not-started', next: null },
    });
    expect(result.replacement).toEqual({ name: { en: 'Microsoft 365 Business Basic', ko: expect.any(String) }, quantity: 25 });
  });

  it('needs attention for holders without a usage location who must be assigned the new product', () => {
    const unlocated = [[KAIZALA_SKU], [BASIC_SKU], [], [KAIZALA_SKU, 'other']];
    expect(preflightOf(facts({ skus: [kaizala(25, 25)], unlocated })).issues).toEqual([{ kind: 'missing-location', users: 2 }]);
    // A holder who keeps the service through a product of their own is only cleared, never assigned: no problem.
    const e3 = sku(E3_SKU, 'Office 365 E3', 30, 1, ['KAIZALA_O365_P3', 'EXCHANGE_S_ENTERPRISE']);
    const covered = preflightOf(facts({ skus: [kaizala(25, 25), e3], users: 30, unlocated: [[KAIZALA_SKU, E3_SKU]] }));
    expect(covered).toMatchObject({ verdict: 'ready', issues: [] });
  });

  it('needs attention when the retiring product is pooled with a subscription that stays: the agent picks who moves', () => {
    const subscriptions = [sub('small', 10), sub('staying', 15)];
    const result = preflightOf(facts({ subscriptions, skus: [kaizala(25, 22)] }, 0));
    expect(result.verdict).toBe('attention');
    expect(result.issues).toEqual([{ kind: 'pooled', move: 7, holders: 22 }]);
    expect(result.replacement?.quantity).toBe(7);
  });

  it('needs attention when the API does not name the retiring product (steps B and C would refuse)', () => {
    const skus = [sku('aaaaaaaa-0000-4000-8000-000000000001', 'Kaizala One', 25, 25, ['KAIZALA_STANDALONE']), sku('aaaaaaaa-0000-4000-8000-000000000002', 'Kaizala Two', 5, 0, ['KAIZALA_STANDALONE'])];
    const result = preflightOf(facts({ skus, offers: [] }));
    expect(result.issues).toContainEqual({ kind: 'unknown-product' });
    expect(result.verdict).toBe('attention');
  });

  it('needs attention with the picker own reason, in both languages, when it recommends nothing', () => {
    const result = preflightOf(facts({ skus: [], offers: [] }));
    expect(result.verdict).toBe('attention');
    expect(result.replacement).toBeNull();
    const [issue] = result.issues;
    expect(issue?.kind).toBe('no-recommendation');
    if (issue?.kind !== 'no-recommendation') return;
    expect(issue.reason.en).not.toBe('');
    expect(issue.reason.ko).not.toBe(issue.reason.en);
  });

  it('needs attention when no offer sells as many licenses as must be bought', () => {
    const result = preflightOf(facts({ subscriptions: [sub('huge', 20_000_000)], skus: [kaizala(20_000_000, 20_000_000)], users: 20_000_000 }));
    expect(result.issues[0]).toMatchObject({ kind: 'over-max', need: 20_000_000, max: 10_000_000 });
  });

  it('buys nothing when the customer already owns the replacement with enough free licenses: the API shows step A behind', () => {
    const result = preflightOf(facts({ skus: [kaizala(25, 25), sku(BASIC_SKU, 'Microsoft 365 Business Basic', 40, 10, ['EXCHANGE_S_STANDARD'])] }));
    expect(result.replacement).toEqual({ name: expect.objectContaining({ en: 'Microsoft 365 Business Basic' }), quantity: 0 });
    expect(result.notes).toContainEqual({ kind: 'owned', product: 'Microsoft 365 Business Basic', free: 30 });
    expect(result.api).toEqual({ state: 'in-progress', next: 'reassign' });
  });

  it('buys nothing when every holder has the service through a product they own, and says the migration has not started', () => {
    const e3 = sku(E3_SKU, 'Office 365 E3', 25, 25, ['KAIZALA_O365_P3']);
    const result = preflightOf(facts({ skus: [kaizala(25, 25), e3] }));
    expect(result.notes).toContainEqual({ kind: 'covered', users: 25 });
    expect(result.replacement?.quantity).toBe(0);
    expect(result.api).toEqual({ state: 'not-started', next: null });
  });

  it('shows only step C left once nobody holds the retiring product', () => {
    expect(preflightOf(facts({ skus: [kaizala(25, 0)] })).api).toEqual({ state: 'in-progress', next: 'suspend' });
  });

  it('is done for a subscription the API no longer shows active', () => {
    expect(finishedPreflight()).toMatchObject({ verdict: 'done', api: { state: 'done', next: null } });
  });
});

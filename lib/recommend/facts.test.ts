import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '@/lib/catalog';
import type { Localized, RetiredOffer, Retirement } from '@/lib/catalog/schema';
import { pickReplacement } from './index';
import { customerWith, e3Sku, e5Sku, repeatedFacts, SKU, sku, sub, type Tenant, tenant, users } from './test-fixtures';

/**
 * "Why this replacement" says each fact once, for every retired offer of the catalog and every kind
 * of customer the picker's tests describe: the reasons carry a fact key, and the overall reasons plus
 * any choosable option's never hold one key twice (two wordings of one fact count as a repeat).
 */

type Customer = (retirement: Retirement, offer: RetiredOffer) => Omit<Tenant, 'retirement' | 'offer'>;

const CUSTOMERS: Record<string, Customer> = {
  'plain, 10 users': () => ({}),
  education: () => ({ customer: customerWith('Education') }),
  'Government Community Cloud': () => ({ customer: customerWith('GovernmentCommunityCloud') }),
  'buys Office 365 E3': () => ({
    others: [sub({ offerName: 'Office 365 Enterprise E3', skuId: SKU.o365E3, quantity: 50 })],
  }),
  'holds Microsoft 365 E5 seats': () => ({ skus: [e5Sku(20, 3)] }),
  'buys Business Premium': () => ({
    skus: [sku({ skuId: SKU.businessPremium, name: 'Microsoft 365 Business Premium', totalUnits: 5 })],
  }),
  'buys Microsoft 365 F3': () => ({ skus: [sku({ skuId: SKU.m365F3, name: 'Microsoft 365 F3', totalUnits: 5 })] }),
  '301 users': () => ({ quantity: 301 }),
  '450 users': () => ({ quantity: 450 }),
  '450 users who buy Office 365 E3': () => ({
    quantity: 450,
    others: [sub({ offerName: 'Office 365 Enterprise E3', skuId: SKU.o365E3, quantity: 50 })],
  }),
  'nobody holds the license': () => ({ holders: 0 }),
  'one holder': () => ({ quantity: 1 }),
  'pooled with a staying subscription': (_, offer) => ({
    quantity: 20,
    holders: 25,
    others: [sub({ offerName: `${offer.name.en} (kept)`, skuId: offer.skuId ?? undefined, quantity: 10 })],
  }),
  'some holders covered by Office 365 E3': (_, offer) => ({
    quantity: 8,
    skus: [e3Sku(3, 3)],
    users: [
      ...users(3, [offer.skuId ?? SKU.kaizalaPro, SKU.o365E3]),
      ...users(5, [offer.skuId ?? SKU.kaizalaPro], 4),
    ],
  }),
  'every holder covered by Microsoft 365 E5': (_, offer) => ({
    quantity: 6,
    skus: [e5Sku(6, 6)],
    users: users(6, [offer.skuId ?? SKU.kaizalaPro, SKU.m365E5]),
  }),
  'a CEP-sized 1,200 users': () => ({ quantity: 1200 }),
};

const cases = builtInCatalog.retirements.flatMap((retirement) =>
  retirement.retiredOffers.flatMap((offer) =>
    Object.entries(CUSTOMERS).map(([name, make]) => ({
      name: `${offer.key}, ${name}`,
      input: tenant({ retirement, offer, ...make(retirement, offer) }),
    })),
  ),
);

describe('"Why this replacement" says each fact once', () => {
  it('covers every retired offer of the catalog with every kind of customer', () => {
    expect(cases.length).toBe(25 * Object.keys(CUSTOMERS).length);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, { input }) => {
    const r = pickReplacement(input);
    if (!r.ok) return; // A refusal has one reason only.
    expect(repeatedFacts(r)).toEqual([]);
    for (const o of r.options) {
      const all: Localized[] = [...r.reasons, ...o.reasons];
      for (const lang of ['en', 'ko'] as const) {
        const texts = all.map((x) => x[lang]);
        expect(new Set(texts).size, texts.join('\n')).toBe(texts.length);
      }
    }
  });

  it('keys the known repeats as one fact each: like-for-like, same license, owned plans, the Business limit', () => {
    const seen = new Set<string>();
    for (const { input } of cases) {
      const r = pickReplacement(input);
      if (!r.ok) continue;
      for (const reason of [...r.reasons, ...r.options.flatMap((o) => o.reasons)]) seen.add(reason.fact);
    }
    expect([...seen]).toEqual(expect.arrayContaining(['workload', 'same-license', 'owned-plans', 'seat-limit:business']));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SubscribedSku } from '@/lib/api';
import { builtInCatalog, type Retirement } from '@/lib/catalog';
import { readSkus, replacementFrom, replacementSku, retiringSku, type SkuFacts } from './plan';
import { StepStop } from './steps/deps';
import { recordAt } from './test-fixtures';

function retirement(id: string): Retirement {
  const found = builtInCatalog.retirements.find((r) => r.id === id);
  if (!found) throw new Error(`no built-in retirement ${id}`);
  return found;
}

const KAIZALA = retirement('kaizala-pro-standalone');
const KAIZALA_PRO = KAIZALA.retiredOffers.find((o) => o.key === 'kaizala-pro')!;
const DYNAMICS = retirement('dynamics-365-crm-basic-qualified');
const SALES_CRMOL = DYNAMICS.retiredOffers.find((o) => o.key === 'sales-crmol-basic-commercial')!;

/** The retiring subscription's offer id: a placeholder in the catalog, a real one on the customer's side. */
const RETIRING_OFFER = 'C9C9C9C9-0000-4000-8000-000000000001';

const E5_ID = 'c7df2760-2c81-4ef7-b578-5b5392b571df';
const KAIZALA_ID = 'c93fe0ce-7375-4b8d-a55e-bf562ae7154f';
const OTHER_ID = '0b0b0b0b-0000-4000-8000-00000000000b';

function sku(id: string, name: string, plans: string[]): SubscribedSku {
  return {
    productSku: { id, name, skuPartNumber: name.toUpperCase().replace(/\W+/g, '_') },
    servicePlans: plans.map((serviceName) => ({ serviceName })),
    totalUnits: 10,
    consumedUnits: 5,
    availableUnits: 5,
  };
}

/** Office 365 E5 contains the Kaizala service plan: it is a replacement, never the retiring product. */
const E5 = sku(E5_ID, 'Office 365 E5', ['EXCHANGE_S_ENTERPRISE', 'TEAMS1', 'KAIZALA_STANDALONE', 'SWAY']);
const KAIZALA_SKU = sku(KAIZALA_ID, 'Microsoft Kaizala Pro', ['KAIZALA_STANDALONE']);
/** The same product under a name the catalog does not know. */
const KAIZALA_UNNAMED = sku(KAIZALA_ID, 'KAIZALA_PRO_LEGACY', ['KAIZALA_STANDALONE']);
const OTHER_WITH_PLAN = sku(OTHER_ID, 'Contoso Bundle', ['KAIZALA_STANDALONE', 'FORMS_PLAN_E1']);
const UNRELATED = sku('1d1d1d1d-0000-4000-8000-00000000001d', 'Visio Plan 2', ['VISIO_CLIENT_SUBSCRIPTION']);

const kaizala = (facts: Partial<SkuFacts>): SkuFacts => ({
  offerId: RETIRING_OFFER,
  offers: [],
  skus: [],
  retirement: KAIZALA,
  retiredOffer: KAIZALA_PRO,
  ...facts,
});

describe('retiringSku', () => {
  type Row = [name: string, facts: SkuFacts, expected: string | null];
  const rows: Row[] = [
    [
      "the retiring offer listed in /offers: its product, whatever the tenant's products",
      kaizala({ offers: [{ id: RETIRING_OFFER.toLowerCase(), product: { id: 'ABCDEF01-0000-4000-8000-0000000000AA' } }], skus: [E5, KAIZALA_SKU] }),
      'abcdef01-0000-4000-8000-0000000000aa',
    ],
    [
      'offer missing from /offers, E5 listed first and "Microsoft Kaizala Pro" second: Kaizala Pro by its name',
      kaizala({ offers: [{ id: 'FFFFFFFF-0000-4000-8000-000000000000', product: { id: E5_ID } }], skus: [E5, KAIZALA_SKU] }),
      KAIZALA_ID,
    ],
    [
      'offer missing, Kaizala Pro under an unknown name beside E5: the one non-replacement product with the plan',
      kaizala({ skus: [E5, KAIZALA_UNNAMED, UNRELATED] }),
      KAIZALA_ID,
    ],
    ['only E5 holds the plan: unknown, never E5', kaizala({ skus: [E5, UNRELATED] }), null],
    ['no product at all: unknown', kaizala({ skus: [] }), null],
    [
      'two unnamed non-replacement products with the plan: unknown',
      kaizala({ skus: [E5, KAIZALA_UNNAMED, OTHER_WITH_PLAN] }),
      null,
    ],
    [
      'two products named as the retired offer: unknown',
      kaizala({ skus: [KAIZALA_SKU, sku(OTHER_ID, 'Kaizala Pro Standalone', [])] }),
      null,
    ],
    [
      'a product named by the Korean name',
      kaizala({ skus: [E5, sku(OTHER_ID, 'Kaizala Pro 독립 실행형', [])] }),
      OTHER_ID,
    ],
    [
      "the catalog's GUID SKU (Dynamics), even with another product holding the retired plan",
      {
        offerId: 'D1D1D1D1-0000-4000-8000-000000000001',
        offers: [],
        skus: [sku(OTHER_ID, 'Dynamics 365 Customer Engagement Plan', ['DYN365_ENTERPRISE_SALES'])],
        retirement: DYNAMICS,
        retiredOffer: SALES_CRMOL,
      },
      SALES_CRMOL.skuId.toLowerCase(),
    ],
  ];

  it.each(rows)('%s', (_name, facts, expected) => {
    expect(retiringSku(facts)).toBe(expected);
  });

  it('the Dynamics offer has a published GUID SKU and Kaizala only a placeholder (the rows above rely on it)', () => {
    expect(SALES_CRMOL.skuId).toBe('1e1a282c-9c54-43a2-9310-98ef728faace');
    expect(KAIZALA_PRO.skuId.startsWith('PLACEHOLDER:')).toBe(true);
    expect(KAIZALA.replacements.some((p) => p.skuIds.includes(E5_ID))).toBe(true);
  });

  it('never takes E5 (or any replacement) for Kaizala Pro, whatever the order and mix of products', () => {
    const pool = [E5, KAIZALA_SKU, KAIZALA_UNNAMED, OTHER_WITH_PLAN, UNRELATED];
    fc.assert(
      fc.property(fc.shuffledSubarray(pool), (skus) => {
        const got = retiringSku(kaizala({ skus }));
        expect(got).not.toBe(E5_ID);
        // The answer does not depend on the order the API lists products in.
        expect(retiringSku(kaizala({ skus: [...skus].reverse() }))).toBe(got);
        // A product is named only when nothing else could be meant.
        if (got === OTHER_ID) expect(skus.some((s) => s.productSku.id === KAIZALA_ID)).toBe(false);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

describe('replacementSku', () => {
  const BASIC = KAIZALA.replacements.find((p) => p.key === 'm365-business-basic')!;
  const A1 = KAIZALA.replacements.find((p) => p.key === 'o365-a1')!;
  type Row = [name: string, offers: Array<{ id: string; product: { id: string } }>, plan: { offerId: string; skuIds: readonly string[] }, expected: string | null];
  const rows: Row[] = [
    [
      'the offer listed in /offers: its product (lower case), before the catalog',
      [{ id: 'BD938F12-058F-4927-BBA3-AE36B1D2501C', product: { id: '3B555118-DA6A-4418-894F-7DF1E2096870' } }],
      { offerId: 'bd938f12-058f-4927-bba3-ae36b1d2501c', skuIds: ['f245ecc8-75af-4f8e-b61f-27d8114de5f3'] },
      '3b555118-da6a-4418-894f-7df1e2096870',
    ],
    ['not listed: the plan\'s published SKU', [], { offerId: BASIC.offers[0]!.offerId, skuIds: BASIC.skuIds }, BASIC.skuIds[0]!],
    ['not listed, only placeholders published: unknown', [], { offerId: A1.offers[0]!.offerId, skuIds: A1.skuIds }, null],
    [
      'not listed, placeholder first then a GUID: the GUID',
      [],
      { offerId: 'X', skuIds: ['PLACEHOLDER:x-sku', '4b590615-0888-425a-a965-b3bf7789848d'] },
      '4b590615-0888-425a-a965-b3bf7789848d',
    ],
    [
      'a placeholder offer id never matches a listed offer',
      [{ id: 'PLACEHOLDER:m365-a1-faculty', product: { id: 'EEEEEEEE-0000-4000-8000-00000000000E' } }],
      { offerId: 'PLACEHOLDER:m365-a1-faculty', skuIds: [] },
      null,
    ],
  ];
  it.each(rows)('%s', (_name, offers, plan, expected) => {
    expect(replacementSku(offers, plan)).toBe(expected);
  });
});

describe('readSkus', () => {
  const record = recordAt('bought');
  const catalog = { retirement: KAIZALA, retiredOffer: KAIZALA_PRO };
  const signal = new AbortController().signal;
  const ok = <T>(data: T) => Promise.resolve({ ok: true as const, data });
  const failed = (path: string) => Promise.resolve({ ok: false as const, error: { kind: 'server' as const, path } });

  it('decides both products from the offers and the tenant\'s products read now', async () => {
    const api = {
      listOffers: () => ok([]),
      listSubscribedSkus: () => ok([E5, KAIZALA_SKU]),
    } as unknown as Parameters<typeof readSkus>[0];
    const fresh = await readSkus(api, record, catalog, 'US', signal);
    expect(fresh.oldSku).toBe(KAIZALA_ID);
    expect(fresh.newSku).toBe('3b555118-da6a-4418-894f-7df1e2096870');
    expect(fresh.nameOf(KAIZALA_ID)).toBe('Microsoft Kaizala Pro');
    expect(fresh.nameOf(null)).toBeUndefined();
  });

  it.each([
    ['offers', { listOffers: () => failed('/offers'), listSubscribedSkus: () => ok([KAIZALA_SKU]) }],
    ['licenses', { listOffers: () => ok([]), listSubscribedSkus: () => failed('/subscribedskus') }],
  ])('a failed %s read stops with api, deciding nothing', async (target, api) => {
    const stop = await readSkus(api as unknown as Parameters<typeof readSkus>[0], record, catalog, 'US', signal).catch(
      (e: unknown) => e,
    );
    expect(stop).toBeInstanceOf(StepStop);
    expect(stop).toMatchObject({ reason: 'api', target });
  });
});

describe('replacementFrom', () => {
  const plan = KAIZALA.replacements.find((p) => p.key === 'o365-e5')!;
  const offer = plan.offers[0]!;
  const option = { plan, offer, quantity: 0 } as unknown as Parameters<typeof replacementFrom>[0];

  it("takes the SKU from the offer's product and the name the tenant's licenses show", () => {
    const offers = [{ id: offer.offerId.toLowerCase(), product: { id: E5_ID.toUpperCase() } }];
    expect(replacementFrom(option, offers, [E5])).toEqual({
      planKey: 'o365-e5',
      offerId: offer.offerId,
      offerName: offer.name,
      skuId: E5_ID,
      productName: 'Office 365 E5',
      quantity: 1,
    });
  });

  it("falls back to the plan's published SKU and name when neither the offers nor the tenant know it", () => {
    const built = replacementFrom(option, [], []);
    expect(built.skuId).toBe(plan.skuIds[0]?.toLowerCase());
    expect(built.productName).toBe(plan.name.en);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import dynamicsJson from './data/dynamics-365-crm-basic-qualified.json';
import kaizalaJson from './data/kaizala-pro-standalone.json';
import {
  builtInCatalog,
  isGuid,
  isPlaceholder,
  parseCatalogJson,
  type Retirement,
} from './index';
import { Retirement as RetirementSchema } from './schema';

const inRepo = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

interface FixtureOffer {
  id: string;
  name: string;
  minimumQuantity: number;
  maximumQuantity: number;
  product: { id: string };
}
const fixture = JSON.parse(inRepo('fixtures/offers-us-2019.json')) as { items: FixtureOffer[] };
const kaizalaSeed = inRepo('docs/seeds/000_668dc2bdb6675d65.txt');
const dynamicsSeed = inRepo('docs/seeds/003_3369bc212533038f.txt');

function retirement(id: string): Retirement {
  const found = builtInCatalog.retirements.find((r) => r.id === id);
  if (!found) throw new Error(`no retirement ${id}`);
  return found;
}
const kaizala = retirement('kaizala-pro-standalone');
const dynamics = retirement('dynamics-365-crm-basic-qualified');

describe('built-in data files', () => {
  it('validate against the schema as written', () => {
    for (const json of [kaizalaJson, dynamicsJson]) {
      const result = RetirementSchema.safeParse(json);
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    }
    expect(builtInCatalog.retirements.map((r) => r.id)).toEqual([
      'dynamics-365-crm-basic-qualified',
      'kaizala-pro-standalone',
    ]);
  });

  it('carry the three steps of the guides, in both languages, with the 120-day sentence', () => {
    for (const r of builtInCatalog.retirements) {
      expect(r.steps.map((s) => s.id)).toEqual(['purchase', 'reassign', 'suspend']);
      expect(r.steps.map((s) => s.title.en)).toEqual([
        'A. Purchase the new subscription',
        'B. Reassign current user licenses',
        'C. Cancel old subscription',
      ]);
      expect(r.steps[0]?.title.ko).toBe('A. 새 구독 구매');
      expect(r.steps[2]?.title.ko).toBe('C. 이전 구독 취소');
      for (const step of r.steps) expect(step.instructions.ko).toHaveLength(step.instructions.en.length);
      const suspend = r.steps[2]?.instructions;
      expect(suspend?.en.join(' ')).toContain('de-provisioned automatically after 120 days');
      expect(suspend?.ko.join(' ')).toMatch(/120 ?일 후/);
      expect(r.deprovisionAfterDays).toBe(120);
    }
  });

  it('point every fixture-backed replacement offer at a real 2019 offer of the plan SKU', () => {
    const byId = new Map(fixture.items.map((o) => [o.id.toLowerCase(), o]));
    let checked = 0;
    for (const r of builtInCatalog.retirements) {
      for (const plan of r.replacements) {
        const skus = plan.skuIds.map((s) => s.toLowerCase());
        for (const offer of plan.offers) {
          if (isPlaceholder(offer.offerId)) {
            // Only the education and government editions lack a published offer.
            expect(offer.audience, offer.name).not.toBe('commercial');
            continue;
          }
          expect(isGuid(offer.offerId)).toBe(true);
          const real = byId.get(offer.offerId.toLowerCase());
          expect(real, `${plan.key}: ${offer.offerId}`).toBeDefined();
          expect(offer.name).toBe(real?.name);
          expect(offer.minQuantity).toBe(real?.minimumQuantity);
          expect(offer.maxQuantity).toBe(real?.maximumQuantity);
          expect(skus, offer.name).toContain(real?.product.id.toLowerCase());
          expect(offer.audience).toBe('commercial');
          checked++;
        }
      }
    }
    // Ten Microsoft 365 / Office 365 plans, Sales Professional, five CEP tiers, Customer Service, Team Members.
    expect(checked).toBe(18);
  });
});

describe('Kaizala Pro standalone', () => {
  it('has the guide facts', () => {
    expect(kaizala.endOfSale).toBe('2020-07-01');
    expect(kaizala.autoRenewOff).toBe('2020-07-01');
    expect(kaizala.role).toEqual({ en: 'Sales agent', ko: '영업 에이전트' });
    expect(kaizala.source.published).toBe('2020-06-01');
    expect(kaizala.retiredServicePlans).toEqual(['KAIZALA_STANDALONE']);
    expect(kaizala.coveringServicePlanPrefixes).toEqual(['KAIZALA_']);
    expect(kaizalaSeed).toContain(kaizala.title.ko);
  });

  it('retires one offer, named as in the guide', () => {
    expect(kaizala.retiredOffers).toHaveLength(1);
    const offer = kaizala.retiredOffers[0];
    expect(offer?.key).toBe('kaizala-pro');
    expect(offer?.name).toEqual({ en: 'Kaizala Pro', ko: 'Kaizala Pro 독립 실행형' });
    expect(kaizalaSeed).toContain(offer?.name.ko);
    expect(offer?.offerId).toBe('PLACEHOLDER:kaizala-pro-standalone');
    expect(offer?.skuId).toBe('PLACEHOLDER:kaizala-pro-standalone-sku');
  });

  it('offers the 16 replacement plans in preference order', () => {
    const table: Array<[key: string, family: string, parts: string[]]> = [
      ['m365-business-basic', 'business', ['O365_BUSINESS_ESSENTIALS']],
      ['m365-business-standard', 'business', ['O365_BUSINESS_PREMIUM']],
      ['m365-business-premium', 'business', ['SPB']],
      ['o365-e1', 'enterprise', ['STANDARDPACK']],
      ['o365-e3', 'enterprise', ['ENTERPRISEPACK']],
      ['m365-e3', 'enterprise', ['SPE_E3']],
      ['o365-e5', 'enterprise', ['ENTERPRISEPREMIUM']],
      ['m365-e5', 'enterprise', ['SPE_E5']],
      ['m365-f3', 'frontline', ['SPE_F1']],
      ['o365-f3', 'frontline', ['DESKLESSPACK']],
      ['m365-a1', 'education', ['M365EDU_A1']],
      ['o365-a1', 'education', ['STANDARDWOFFPACK_FACULTY', 'STANDARDWOFFPACK_STUDENT']],
      ['m365-a3', 'education', ['M365EDU_A3_FACULTY', 'M365EDU_A3_STUDENT']],
      ['o365-a3', 'education', ['ENTERPRISEPACK_FACULTY', 'ENTERPRISEPACK_STUDENT']],
      ['m365-a5', 'education', ['M365EDU_A5_FACULTY', 'M365EDU_A5_STUDENT']],
      ['o365-a5', 'education', ['ENTERPRISEPREMIUM_FACULTY', 'ENTERPRISEPREMIUM_STUDENT']],
    ];
    expect(kaizala.replacements.map((p) => [p.key, p.family, p.skuPartNumbers])).toEqual(table);
    for (const plan of kaizala.replacements) {
      expect(plan.servesWorkloads).toEqual(['kaizala']);
      expect(plan.name.ko).toBe(plan.name.en);
      if (plan.family !== 'education') continue;
      expect(plan.offers.map((o) => [o.audience, o.offerId])).toEqual([
        ['faculty', `PLACEHOLDER:${plan.key}-faculty`],
        ['student', `PLACEHOLDER:${plan.key}-student`],
      ]);
      expect(plan.offers.map((o) => o.name)).toEqual([`${plan.name.en} for faculty`, `${plan.name.en} for students`]);
    }
    const m365a3 = kaizala.replacements.find((p) => p.key === 'm365-a3');
    expect(m365a3?.skuIds).toEqual(['4b590615-0888-425a-a965-b3bf7789848d', '7cfd9a2b-e110-4c39-bf20-c6a3f36a3121']);
  });
});

/** The 24 offers the Dynamics guide retires, English names exactly as in its sxs-lookup spans. */
const DYNAMICS_RETIRED: Array<[key: string, en: string]> = [
  ['sales-crmol-basic-commercial', 'Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer)'],
  ['sales-crmol-basic-faculty', 'Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer) for Faculty'],
  ['sales-crmol-basic-student', 'Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer) for Students'],
  [
    'sales-crmol-basic-government',
    'Dynamics 365 for Sales Enterprise Edition (Government Pricing) CRMOL Basic (Qualified Offer)',
  ],
  ['sales-from-sa-commercial', 'Dynamics 365 for Sales Enterprise Edition From SA for CRM Basic (Qualified Offer)'],
  [
    'sales-from-sa-faculty',
    'Dynamics 365 for Sales Enterprise Edition From SA for CRM Basic (Qualified Offer) for Faculty',
  ],
  [
    'sales-from-sa-student',
    'Dynamics 365 for Sales Enterprise Edition From SA for CRM Basic (Qualified Offer) for Students',
  ],
  [
    'sales-from-sa-government',
    'Dynamics 365 for Sales Enterprise Edition (Government Pricing) From SA for CRM Basic (Qualified Offer)',
  ],
  ['sales-add-on-commercial', 'Dynamics 365 for Sales Enterprise Edition Add-On for CRM Basic (Qualified Offer)'],
  [
    'sales-add-on-faculty',
    'Dynamics 365 for Sales Enterprise Edition Add-On for CRM Basic (Qualified Offer) for Faculty',
  ],
  [
    'sales-add-on-student',
    'Dynamics 365 for Sales Enterprise Edition Add-On for CRM Basic (Qualified Offer) for Students',
  ],
  [
    'sales-add-on-government',
    'Dynamics 365 for Sales Enterprise Edition (Government Pricing) Add-On for CRM Basic (Qualified Offer)',
  ],
  [
    'cep-crmol-basic-commercial',
    'Dynamics 365 Customer Engagement Plan Enterprise Edition CRMOL Basic (Qualified Offer)',
  ],
  [
    'cep-crmol-basic-government',
    'Dynamics 365 Customer Engagement Plan Enterprise Edition (Government Pricing) CRMOL Basic (Qualified Offer)',
  ],
  [
    'cep-crmol-basic-student',
    'Dynamics 365 Customer Engagement Plan Enterprise Edition CRMOL Basic (Qualified Offer) for Students',
  ],
  [
    'cep-crmol-basic-faculty',
    'Dynamics 365 Customer Engagement Plan Enterprise Edition CRMOL Basic (Qualified Offer) for Faculty',
  ],
  [
    'cep-from-sa-commercial',
    'Dynamics 365 Customer Engagement Plan Enterprise Edition From SA for CRM Basic (Qualified Offer)',
  ],
  [
    'cep-from-sa-government',
    'Dynamics 365 Customer Engagement Plan Enterprise Edition (Government Pricing) From SA for CRM Basic (Qualified Offer)',
  ],
  [
    'cep-from-sa-student',
    'Dynamics 365 Customer Engagement Plan Enterprise Edition From SA for CRM Basic (Qualified Offer) for Students',
  ],
  [
    'cep-from-sa-faculty',
    'Dynamics 365 Customer Engagement Plan Enterprise Edition From SA for CRM Basic (Qualified Offer) for Faculty',
  ],
  [
    'cep-add-on-commercial',
    'Dynamics 365 Customer Engagement Plan Enterprise Edition Add-On for CRM Basic (Qualified Offer)',
  ],
  [
    'cep-add-on-government',
    'Dynamics 365 Customer Engagement Plan Enterprise Edition (Government Pricing) Add-On for CRM Basic (Qualified Offer)',
  ],
  [
    'cep-add-on-student',
    'Dynamics 365 Customer Engagement Plan Enterprise Edition Add-On for CRM Basic (Qualified Offer) for Students',
  ],
  [
    'cep-add-on-faculty',
    'Dynamics 365 Customer Engagement Plan Enterprise Edition Add-On for CRM Basic (Qualified Offer) for Faculty',
  ],
];

describe('Dynamics 365 for Sales / CEP from Basic (Qualified Offers)', () => {
  it('has the guide facts', () => {
    expect(dynamics.endOfSale).toBe('2019-01-01');
    expect(dynamics.autoRenewOff).toBe('2019-01-01');
    expect(dynamics.role).toBeNull();
    expect(dynamics.source.published).toBe('2018-12-12');
    expect(dynamics.retiredServicePlans).toEqual(['DYN365_ENTERPRISE_SALES', 'DYN365_ENTERPRISE_PLAN1']);
    expect(dynamics.coveringServicePlanPrefixes).toEqual([]);
  });

  it('retires exactly the 24 offers of the guide, with its English and Korean names', () => {
    expect(dynamics.retiredOffers.map((o) => [o.key, o.name.en])).toEqual(DYNAMICS_RETIRED);
    for (const o of dynamics.retiredOffers) {
      expect(dynamicsSeed, o.name.en).toContain(`">${o.name.en}</span></span>`);
      expect(dynamicsSeed, o.name.ko).toContain(`">${o.name.ko}</span><span class="sxs-lookup">`);
    }
  });

  it('has one offer per (workload, channel, audience), with the SKU of its workload', () => {
    const combos = new Set(dynamics.retiredOffers.map((o) => `${o.workload}|${o.channel}|${o.audience}`));
    expect(combos.size).toBe(24);
    for (const workload of ['sales', 'cep'])
      for (const channel of ['crmol-basic', 'from-sa', 'add-on'])
        for (const audience of ['commercial', 'faculty', 'student', 'government'])
          expect(combos.has(`${workload}|${channel}|${audience}`), `${workload} ${channel} ${audience}`).toBe(true);
    for (const o of dynamics.retiredOffers) {
      expect(o.key).toBe(`${o.workload}-${o.channel}-${o.audience}`);
      expect(o.offerId).toBe(`PLACEHOLDER:${o.key}`);
      expect(o.skuId).toBe(
        o.workload === 'sales' ? '1e1a282c-9c54-43a2-9310-98ef728faace' : 'ea126fc5-a19e-42e2-a731-da9d437bffcf',
      );
    }
  });

  it('offers the four replacement plans in order, each for every audience', () => {
    expect(dynamics.replacements.map((p) => [p.key, p.servesWorkloads])).toEqual([
      ['d365-sales-professional', ['sales']],
      ['d365-customer-engagement-plan', ['cep']],
      ['d365-customer-service', []],
      ['d365-team-members', []],
    ]);
    for (const plan of dynamics.replacements) {
      expect(plan.family).toBe('dynamics');
      expect(new Set(plan.offers.map((o) => o.audience))).toEqual(
        new Set(['commercial', 'faculty', 'student', 'government']),
      );
      for (const audience of ['faculty', 'student', 'government']) {
        expect(plan.offers.find((o) => o.audience === audience)?.offerId).toBe(`PLACEHOLDER:${plan.key}-${audience}`);
      }
    }
    const cep = dynamics.replacements[1];
    expect(cep?.offers.filter((o) => o.audience === 'commercial').map((o) => o.seatBand)).toEqual([
      { min: 1, max: 99 },
      { min: 100, max: 249 },
      { min: 250, max: 499 },
      { min: 500, max: 999 },
      { min: 1000 },
    ]);
  });
});

/** A small retirement, written the way a later announcement would be supplied. */
function contoso(): Record<string, unknown> & { retiredOffers: Array<Record<string, unknown>> } {
  return {
    id: 'contoso-legacy',
    title: { en: 'Migrate Contoso Legacy', ko: 'Contoso Legacy 마이그레이션' },
    source: { guide: 'Migrate Contoso Legacy', published: '2021-03-01' },
    endOfSale: '2021-06-01',
    autoRenewOff: '2021-06-01',
    deprovisionAfterDays: 90,
    role: null,
    retiredServicePlans: ['CONTOSO_LEGACY'],
    coveringServicePlanPrefixes: [],
    retiredOffers: [
      {
        key: 'contoso-legacy',
        name: { en: 'Contoso Legacy (Qualified Offer)', ko: 'Contoso Legacy (자격 갖춘된 제품)' },
        offerId: '11111111-2222-4333-8444-555555555555',
        skuId: 'PLACEHOLDER:contoso-legacy-sku',
        workload: 'contoso',
        audience: 'commercial',
        channel: 'standalone',
      },
    ],
    replacements: [
      {
        key: 'contoso-next',
        name: { en: 'Contoso Next', ko: 'Contoso Next' },
        family: 'enterprise',
        servesWorkloads: ['contoso'],
        skuIds: ['PLACEHOLDER:contoso-next-sku'],
        skuPartNumbers: [],
        offers: [
          {
            offerId: 'PLACEHOLDER:contoso-next',
            name: 'Contoso Next',
            audience: 'commercial',
            minQuantity: 1,
            maxQuantity: 100,
          },
        ],
      },
    ],
    steps: ['purchase', 'reassign', 'suspend'].map((id) => ({
      id,
      title: { en: id, ko: id },
      instructions: { en: ['Do it.'], ko: ['하세요.'] },
    })),
  };
}

const errorsOf = (value: unknown): string[] => {
  const result = parseCatalogJson(JSON.stringify(value));
  return result.ok ? [] : result.errors;
};

describe('parseCatalogJson', () => {
  it('accepts a single retirement and a {retirements: [...]} document', () => {
    const single = parseCatalogJson(JSON.stringify(contoso()));
    expect(single.ok && single.catalog.retirements.map((r) => r.id)).toEqual(['contoso-legacy']);
    const many = parseCatalogJson(JSON.stringify({ retirements: [contoso()] }));
    expect(many.ok && many.catalog.retirements[0]?.retiredOffers[0]?.aliases).toEqual([]);
  });

  it('names the field and the problem', () => {
    const missing = contoso();
    delete missing.source;
    expect(errorsOf({ retirements: [missing] })).toEqual(['retirements[0].source: is required (an object)']);

    const badId = contoso();
    const offer = badId.retiredOffers[0] ?? {};
    badId.retiredOffers = [
      { ...offer, key: 'a', name: { en: 'A', ko: 'A' } },
      { ...offer, key: 'b', name: { en: 'B', ko: 'B' }, offerId: 'PLACEHOLDER:b' },
      { ...offer, key: 'c', name: { en: 'C', ko: 'C' }, offerId: '1234' },
    ];
    expect(errorsOf({ retirements: [badId] })).toEqual([
      'retirements[0].retiredOffers[2].offerId: must be a GUID or "PLACEHOLDER:<slug>"',
    ]);
    // A file holding one retirement gets paths relative to that object.
    expect(errorsOf(badId)).toEqual(['retiredOffers[2].offerId: must be a GUID or "PLACEHOLDER:<slug>"']);

    const order = contoso();
    order.steps = [...(order.steps as unknown[])].reverse();
    expect(errorsOf({ retirements: [order] })).toEqual([
      'retirements[0].steps: must be purchase, reassign, suspend in that order',
    ]);

    const emptyName = contoso();
    emptyName.retiredOffers[0] = { ...emptyName.retiredOffers[0], name: { en: '  ', ko: '이름' } };
    expect(errorsOf({ retirements: [emptyName] })).toEqual([
      'retirements[0].retiredOffers[0].name.en: must not be empty',
    ]);

    const audience = contoso();
    audience.retiredOffers[0] = { ...audience.retiredOffers[0], audience: 'students' };
    expect(errorsOf(audience)).toEqual([
      'retiredOffers[0].audience: must be one of "commercial", "faculty", "student", "government"',
    ]);

    const days = contoso();
    days.deprovisionAfterDays = '120';
    expect(errorsOf(days)).toEqual(['deprovisionAfterDays: must be a number, not "120"']);
  });

  it('refuses two retirements naming the same offer', () => {
    const other = { ...contoso(), id: 'contoso-other' };
    other.retiredOffers = other.retiredOffers.map((o) => ({
      ...o,
      key: 'contoso-other',
      name: { en: 'CONTOSO LEGACY', ko: '다른 이름' },
      offerId: 'PLACEHOLDER:contoso-other',
    }));
    const errors = errorsOf({ retirements: [contoso(), other] });
    expect(errors).toEqual([
      'retirements[1].retiredOffers[0].name.en: "CONTOSO LEGACY" names the same offer as "contoso-legacy" in retirement "contoso-legacy" of this catalog',
    ]);
  });

  it('says so when the text is not JSON or not a catalog', () => {
    expect(parseCatalogJson('{"retirements": [')).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^\(root\): not valid JSON: /)],
    });
    expect(errorsOf([contoso()])).toEqual([expect.stringMatching(/^\(root\): must be an object/)]);
    expect(errorsOf({ retirements: 'none' })).toEqual(['retirements: must be an array, not "none"']);
  });
});


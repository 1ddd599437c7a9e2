// Invariants of the seeded data sets: deterministic, internally consistent, and each one shaped as
// its name promises.
import { describe, expect, it } from 'vitest';
import { SimulatedPartnerCenter } from './handler';
import { findOffer, isRetiredOffer, RETIRED_DYNAMICS_OFFERS } from './offers';
import {
  buildScenario,
  DEFAULT_NOW,
  partner2000IsRetiring,
  SCENARIOS,
  SINGLE_CUSTOMER_SCENARIOS,
  scenarioCustomerId,
  scenarioSubscriptionId,
  type SingleCustomerScenario,
} from './scenarios';
import { EXCLUSIVE_PLAN_GROUPS, KAIZALA_PRO_SKU_ID, SKU, skuInfo } from './skus';
import { client } from './testing';
import { DAY_MS } from './time';
import type { CustomerRecord } from './types';

const NOW = DEFAULT_NOW.getTime();

function only(scenario: SingleCustomerScenario): CustomerRecord {
  const state = buildScenario(scenario);
  expect(state.customers).toHaveLength(1);
  const customer = state.customers[0];
  if (!customer) throw new Error('no customer');
  return customer;
}

const skuOf = (offerId: string) => findOffer(offerId)?.product.id.toLowerCase();
const retiring = (c: CustomerRecord) =>
  c.subscriptions.filter((s) => s.resource.status === 'active' && isRetiredOffer(s.resource.offerId));
const holders = (c: CustomerRecord, skuId: string) => c.users.filter((u) => u.licenses.some((l) => l.skuId === skuId));
const daysLeft = (iso: string) => Math.round((Date.parse(iso) - NOW) / DAY_MS);

describe('every scenario', () => {
  it.each(SCENARIOS.filter((s) => s !== 'partner-2000'))('%s is deterministic and consistent', (name) => {
    const state = buildScenario(name);
    expect(JSON.stringify(buildScenario(name))).toBe(JSON.stringify(state));
    const ids = new Set<string>();
    for (const c of state.customers) {
      expect(c.customer.companyProfile.tenantId).toBe(c.customer.id);
      const seats = new Map<string, number>();
      for (const { resource: s } of c.subscriptions) {
        const offer = findOffer(s.offerId);
        expect(offer, s.offerId).toBeDefined();
        expect(s.offerName).toBe(offer?.name);
        for (const id of [s.id, s.orderId]) {
          expect(ids.has(id)).toBe(false);
          ids.add(id);
        }
        if (s.status === 'active') {
          const sku = skuOf(s.offerId) ?? '';
          seats.set(sku, (seats.get(sku) ?? 0) + s.quantity);
          // Retired offers never renew; everything else does.
          expect(s.autoRenewEnabled).toBe(!isRetiredOffer(s.offerId));
          if (isRetiredOffer(s.offerId)) expect(daysLeft(s.commitmentEndDate)).toBeGreaterThanOrEqual(10);
          if (isRetiredOffer(s.offerId)) expect(daysLeft(s.commitmentEndDate)).toBeLessThanOrEqual(90);
        }
      }
      // Nobody holds a license the customer has no active seat of, and no SKU is over-assigned.
      for (const [sku, total] of seats) expect(holders(c, sku).length).toBeLessThanOrEqual(total);
      for (const u of c.users) {
        expect(ids.has(u.resource.id)).toBe(false);
        ids.add(u.resource.id);
        for (const l of u.licenses) expect(seats.has(l.skuId), `${u.resource.userPrincipalName} ${l.skuId}`).toBe(true);
      }
      // No user starts with two exclusive Dynamics plans.
      for (const u of c.users) {
        const plans = u.licenses.flatMap((l) => skuInfo(l.skuId).plans);
        for (const group of Object.values(EXCLUSIVE_PLAN_GROUPS))
          expect(plans.filter((p) => group.includes(p)).length).toBeLessThanOrEqual(1);
      }
    }
  });

  it('rejects an unknown name', () => {
    expect(() => buildScenario('nope')).toThrow(/Unknown scenario/);
  });

  it('dates everything relative to `now`', () => {
    const later = buildScenario('small-business-kaizala', new Date(NOW + 100 * DAY_MS));
    const base = buildScenario('small-business-kaizala');
    const end = (s: typeof base) => s.customers[0]?.subscriptions[0]?.resource.commitmentEndDate ?? '';
    expect(Date.parse(end(later)) - Date.parse(end(base))).toBe(100 * DAY_MS);
  });
});

describe('Kaizala scenarios', () => {
  it('small-business-kaizala: Kaizala Pro, 25 seats, 25 users holding it, auto-renew off, ending in 30 days', () => {
    const c = only('small-business-kaizala');
    expect(c.customer.companyProfile.companyName).toBe('Alpine Ski House');
    const [sub] = retiring(c);
    expect(retiring(c)).toHaveLength(1);
    expect(sub?.resource).toMatchObject({
      offerName: 'Kaizala Pro',
      quantity: 25,
      autoRenewEnabled: false,
      status: 'active',
    });
    expect(daysLeft(sub?.resource.commitmentEndDate ?? '')).toBe(30);
    expect(c.users).toHaveLength(25);
    expect(holders(c, KAIZALA_PRO_SKU_ID)).toHaveLength(25);
    // An old, expired Kaizala Pro subscription is there to be ignored.
    expect(
      c.subscriptions.find((s) => s.resource.id === scenarioSubscriptionId('small-business-kaizala', 'expired'))
        ?.resource.status,
    ).toBe('expired');
  });

  it('education-kaizala: approved Education customer with faculty and students on Kaizala Pro', () => {
    const c = only('education-kaizala');
    expect(c.qualifications).toEqual([{ qualification: 'Education', vettingStatus: 'Approved' }]);
    const faculty = c.users.filter((u) => u.resource.userPrincipalName.endsWith('@contosocollege.edu'));
    const students = c.users.filter((u) => u.resource.userPrincipalName.endsWith('@students.contosocollege.edu'));
    expect([faculty.length, students.length]).toEqual([6, 20]);
    expect(holders(c, KAIZALA_PRO_SKU_ID)).toHaveLength(26);
    expect(retiring(c).map((s) => s.resource.quantity)).toEqual([26]);
  });

  it('enterprise-kaizala-1200: 1,200 users on Kaizala Pro (1,250 seats), an expired one-per-customer trial', () => {
    const c = only('enterprise-kaizala-1200');
    expect(c.users).toHaveLength(1200);
    expect(holders(c, KAIZALA_PRO_SKU_ID)).toHaveLength(1200);
    expect(new Set(c.users.map((u) => u.resource.userPrincipalName)).size).toBe(1200);
    expect(
      c.subscriptions.some(
        (s) => s.resource.status === 'expired' && s.resource.offerName === 'Office 365 Enterprise E3 Trial',
      ),
    ).toBe(true);
  });

  it('covered-by-o365-e3: every Kaizala Pro user also holds Office 365 E3, which carries KAIZALA_O365_P3', () => {
    const c = only('covered-by-o365-e3');
    const kaizala = holders(c, KAIZALA_PRO_SKU_ID);
    expect(kaizala).toHaveLength(40);
    for (const u of kaizala) expect(u.licenses.map((l) => l.skuId)).toContain(SKU.o365E3);
    expect(skuInfo(SKU.o365E3).plans).toContain('KAIZALA_O365_P3');
  });

  it('kaizala-with-e5: 40 users on Office 365 E5 (listed first, has KAIZALA_STANDALONE), 25 on Kaizala Pro', async () => {
    const c = only('kaizala-with-e5');
    expect(c.customer.companyProfile).toMatchObject({
      companyName: 'Northwind Traders',
      domain: 'northwindtraders.onmicrosoft.com',
    });
    const [sub] = retiring(c);
    expect(retiring(c)).toHaveLength(1);
    expect(sub?.resource).toMatchObject({ offerName: 'Kaizala Pro', quantity: 25, autoRenewEnabled: false });
    expect(daysLeft(sub?.resource.commitmentEndDate ?? '')).toBe(30);
    expect(c.users).toHaveLength(65);
    expect(holders(c, SKU.o365E5).map((u) => u.resource.id)).toEqual(c.users.slice(0, 40).map((u) => u.resource.id));
    expect(holders(c, KAIZALA_PRO_SKU_ID).map((u) => u.resource.id)).toEqual(
      c.users.slice(40).map((u) => u.resource.id),
    );
    expect(skuInfo(SKU.o365E5).plans).toContain('KAIZALA_STANDALONE');
    // The API lists E5 before Kaizala Pro, in the subscriptions and in the subscribed SKUs.
    const sim = new SimulatedPartnerCenter({ scenario: 'kaizala-with-e5' });
    const api = client(sim);
    const base = `/customers/${scenarioCustomerId('kaizala-with-e5')}`;
    const subs = (await api.get(`${base}/subscriptions`)).json.items as Array<{ offerName: string; quantity: number }>;
    expect(subs.map((x) => [x.offerName, x.quantity])).toEqual([
      ['Office 365 Enterprise E5', 40],
      ['Kaizala Pro', 25],
    ]);
    const skus = (await api.get(`${base}/subscribedskus`)).json.items as Array<{
      productSku: { id: string };
      consumedUnits: number;
    }>;
    expect(skus.map((x) => [x.productSku.id, x.consumedUnits])).toEqual([
      [SKU.o365E5, 40],
      [KAIZALA_PRO_SKU_ID, 25],
    ]);
  });

  it('korean-customer: Korean company and users, ko-KR culture, country KR, Kaizala Pro', () => {
    const c = only('korean-customer');
    const hangul = /[\uac00-\ud7a3]/;
    expect(c.customer.companyProfile.companyName).toMatch(hangul);
    expect(c.customer.billingProfile).toMatchObject({
      culture: 'ko-KR',
      language: 'ko',
      defaultAddress: { country: 'KR' },
    });
    expect(c.users.every((u) => hangul.test(u.resource.displayName) && u.resource.usageLocation === 'KR')).toBe(true);
    expect(retiring(c).map((s) => s.resource.offerName)).toEqual(['Kaizala Pro']);
  });
});

describe('Dynamics scenarios', () => {
  const cases: Array<[SingleCustomerScenario, string, string, string | undefined]> = [
    [
      'dynamics-sales-crmol-basic',
      'Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer)',
      SKU.salesEnterprise,
      undefined,
    ],
    [
      'dynamics-sales-from-sa',
      'Dynamics 365 for Sales Enterprise Edition From SA for CRM Basic (Qualified Offer)',
      SKU.salesEnterprise,
      undefined,
    ],
    [
      'dynamics-sales-add-on',
      'Dynamics 365 for Sales Enterprise Edition Add-On for CRM Basic (Qualified Offer)',
      SKU.salesEnterprise,
      undefined,
    ],
    [
      'dynamics-faculty',
      'Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer) for Faculty',
      SKU.salesEnterprise,
      'Education',
    ],
    [
      'dynamics-students',
      'Dynamics 365 Customer Engagement Plan Enterprise Edition CRMOL Basic (Qualified Offer) for Students',
      SKU.customerEngagementPlan,
      'Education',
    ],
    [
      'dynamics-government',
      'Dynamics 365 for Sales Enterprise Edition (Government Pricing) CRMOL Basic (Qualified Offer)',
      SKU.salesEnterprise,
      'GovernmentCommunityCloud',
    ],
    [
      'dynamics-cep',
      'Dynamics 365 Customer Engagement Plan Enterprise Edition CRMOL Basic (Qualified Offer)',
      SKU.customerEngagementPlan,
      undefined,
    ],
  ];

  it.each(cases)('%s: retiring "%s", users holding its exclusive plan', (scenario, offerName, sku, qualification) => {
    const c = only(scenario);
    const [sub] = retiring(c);
    expect(retiring(c)).toHaveLength(1);
    expect(sub?.resource.offerName).toBe(offerName);
    expect(skuOf(sub?.resource.offerId ?? '')).toBe(sku);
    expect(holders(c, sku).length).toBeGreaterThan(0);
    // The users' plan conflicts with every replacement's plan.
    const group = EXCLUSIVE_PLAN_GROUPS['dynamics-365-customer-engagement-app'] ?? [];
    expect(skuInfo(sku).plans.some((p) => group.includes(p))).toBe(true);
    expect(c.qualifications.map((q) => q.qualification)).toEqual(qualification ? [qualification] : []);
  });

  it('dynamics-shared-sku: retiring 10 + staying 15 seats of SKU 1e1a282c…, 22 users, 7 must move', () => {
    const c = only('dynamics-shared-sku');
    const subs = c.subscriptions.map((s) => s.resource);
    const onSku = subs.filter((s) => skuOf(s.offerId) === SKU.salesEnterprise);
    expect(onSku.map((s) => [s.offerName, s.quantity, s.autoRenewEnabled])).toEqual([
      ['Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer)', 10, false],
      ['Dynamics 365 for Sales Enterprise CRMOL Professional (Qualified Offer)', 15, true],
    ]);
    const assigned = holders(c, SKU.salesEnterprise).length;
    expect(assigned).toBe(22);
    expect(Math.max(0, assigned - (25 - 10))).toBe(7);
  });

  it('no-retirement: look-alike names from the recording, no retired offer, all renewing', () => {
    const c = only('no-retirement');
    const names = c.subscriptions.map((s) => s.resource.offerName);
    expect(names).toContain('Dynamics 365 for Sales Professional Add-On for CRMOL Basic (Qualified Offer)');
    expect(names).toContain('Dynamics 365 for Customer Service Enterprise Add-On for CRM Basic (Qualified Offer)');
    expect(c.subscriptions.every((s) => !isRetiredOffer(s.resource.offerId) && s.resource.autoRenewEnabled)).toBe(true);
    const retiredNames = new Set([...RETIRED_DYNAMICS_OFFERS.map((o) => o.name), 'Kaizala Pro']);
    expect(names.filter((n) => retiredNames.has(n))).toEqual([]);
  });
});

describe('partner-2000', () => {
  it('has 2,000 customers, 5% with a retiring subscription, and builds well under a second', () => {
    // The fastest of three builds (~100 ms here) measures the code, not a busy machine's hiccups.
    const timings: number[] = [];
    let state = buildScenario('partner-2000');
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      state = buildScenario('partner-2000');
      timings.push(performance.now() - started);
    }
    expect(Math.min(...timings)).toBeLessThan(500);
    expect(state.customers).toHaveLength(2000);
    const withRetiring = state.customers.filter((c) => retiring(c).length > 0);
    expect(withRetiring).toHaveLength(100);
    expect(state.customers.map((_, i) => partner2000IsRetiring(i))).toEqual(
      state.customers.map((c) => retiring(c).length > 0),
    );
    expect(new Set(state.customers.map((c) => c.customer.id)).size).toBe(2000);
    expect(new Set(state.customers.map((c) => c.customer.companyProfile.domain)).size).toBe(2000);
    expect(new Set(state.customers.map((c) => c.customer.companyProfile.companyName)).size).toBe(2000);
    expect(JSON.stringify(buildScenario('partner-2000'))).toBe(JSON.stringify(state));
  });
});

describe('demo', () => {
  it('holds one customer of each single-customer scenario, with the same ids, and not the 2,000', () => {
    const demo = buildScenario('demo');
    expect(demo.customers.map((c) => c.scenario)).toEqual([...SINGLE_CUSTOMER_SCENARIOS]);
    for (const scenario of SINGLE_CUSTOMER_SCENARIOS) {
      const inDemo = demo.customers.find((c) => c.scenario === scenario);
      expect(inDemo?.customer.id).toBe(scenarioCustomerId(scenario));
      expect(JSON.stringify(inDemo)).toBe(JSON.stringify(only(scenario)));
    }
  });
});

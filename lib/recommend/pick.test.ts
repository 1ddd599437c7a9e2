import { describe, expect, it } from 'vitest';
import type { Audience, Localized } from '@/lib/catalog/schema';
import { pickReplacement } from './index';
import {
  cloneRetirement,
  customerWith,
  dynamics,
  e3Sku,
  e5Sku,
  kaizala,
  kaizalaProSku,
  must,
  offerByKey,
  repeatedFacts,
  SKU,
  sku,
  sub,
  tenant,
  users,
} from './test-fixtures';
import type { PickErrorCode, PickInput, PickResult, PickSuccess } from './types';

const kaizalaPro = offerByKey(kaizala, 'kaizala-pro');
const salesBasic = offerByKey(dynamics, 'sales-crmol-basic-commercial');

function ok(result: PickResult): PickSuccess {
  if (!result.ok) throw new Error(`expected a recommendation, got ${result.code}: ${result.reason.en}`);
  return result;
}

/** A Kaizala Pro tenant whose retired offer is another audience (the guide has only a commercial one). */
function kaizalaVariant(audience: Audience) {
  const r = cloneRetirement(kaizala);
  const offer = must(r.retiredOffers[0], 'kaizala offer');
  offer.audience = audience;
  return { retirement: r, offer };
}

/** The Kaizala retirement with every offer's minimum raised, for the clamp-to-minimum rule. */
function kaizalaWithMinimum(min: number) {
  const r = cloneRetirement(kaizala);
  for (const p of r.replacements) for (const o of p.offers) o.minQuantity = min;
  return { retirement: r, offer: must(r.retiredOffers[0], 'kaizala offer') };
}

/** The Kaizala retirement with every offer capped, so no plan can take a large tenant. */
function kaizalaWithMaximum(max: number) {
  const r = cloneRetirement(kaizala);
  for (const p of r.replacements) for (const o of p.offers) o.maxQuantity = max;
  return { retirement: r, offer: must(r.retiredOffers[0], 'kaizala offer') };
}

/** The Kaizala retirement with its Frontline plans listed first, so catalog order alone would put them on top. */
function kaizalaFrontlineFirst() {
  const r = cloneRetirement(kaizala);
  r.replacements.sort((a, b) => Number(b.family === 'frontline') - Number(a.family === 'frontline'));
  return { retirement: r, offer: must(r.retiredOffers[0], 'kaizala offer') };
}

interface Row {
  rule: string;
  input: PickInput;
  /** Plan key of the top option. */
  top?: string;
  topAudience?: Audience;
  topOfferName?: string;
  audience?: Audience;
  purchaseNeeded?: boolean;
  reassignNeeded?: boolean;
  licenseCleanupNeeded?: boolean;
  usersToMove?: number;
  seatsToBuy?: number;
  /** Suggested quantity of the top option. */
  quantity?: number;
  /** Substrings of one overall reason, English and Korean. */
  reason?: [en: string, ko: string];
  check?: (r: PickSuccess) => void;
}

const keys = (r: PickSuccess) => r.options.map((o) => o.plan.key);
const option = (r: PickSuccess, key: string) =>
  must(
    r.options.find((o) => o.plan.key === key),
    key,
  );

const rows: Row[] = [
  // Rule 1: audience.
  {
    rule: '1 Kaizala, education customer: faculty A plans first, commercial plans after',
    input: tenant({ retirement: kaizala, offer: kaizalaPro, customer: customerWith('Education') }),
    audience: 'faculty',
    top: 'm365-a1',
    topAudience: 'faculty',
    reason: ['faculty A plans', '교육 기관 고객이므로 교직원용 A 요금제를 권장합니다.'],
    check: (r) => {
      const firstCommercial = r.options.findIndex((o) => o.offer.audience === 'commercial');
      expect(r.options.slice(0, firstCommercial).map((o) => o.plan.family)).toEqual(Array(6).fill('education'));
      expect(
        option(r, 'm365-business-basic')
          .reasons.map((x) => x.en)
          .join(' '),
      ).toContain('no faculty offer');
    },
  },
  {
    rule: '1 Kaizala, Students variant: student offers',
    input: tenant({ ...kaizalaVariant('student') }),
    audience: 'student',
    top: 'm365-a1',
    topAudience: 'student',
    topOfferName: 'Microsoft 365 A1 for students',
  },
  {
    rule: '1 Kaizala, Faculty variant: faculty offers',
    input: tenant({ ...kaizalaVariant('faculty'), customer: customerWith('Education') }),
    audience: 'faculty',
    top: 'm365-a1',
    topOfferName: 'Microsoft 365 A1 for faculty',
  },
  {
    rule: '1 Kaizala, commercial customer: no A plans, and says why',
    input: tenant({ retirement: kaizala, offer: kaizalaPro }),
    audience: 'commercial',
    top: 'm365-business-basic',
    topAudience: 'commercial',
    reason: ['Education (A) plans are sold only', '교육용(A) 요금제는'],
    check: (r) => {
      expect(r.options.some((o) => o.plan.family === 'education')).toBe(false);
      expect(r.options).toHaveLength(10);
    },
  },
  {
    rule: '1 Dynamics, education customer: faculty offer of the same plan',
    input: tenant({ retirement: dynamics, offer: salesBasic, customer: customerWith('Education') }),
    top: 'd365-sales-professional',
    topAudience: 'faculty',
    reason: ['faculty-priced offers', '교직원용 가격의 제품'],
  },
  {
    rule: '1 Dynamics, Students variant: student offer',
    input: tenant({
      retirement: dynamics,
      offer: offerByKey(dynamics, 'sales-add-on-student'),
      customer: customerWith('Education'),
    }),
    top: 'd365-sales-professional',
    topAudience: 'student',
    check: (r) => expect(r.options.every((o) => o.offer.audience === 'student')).toBe(true),
  },
  // Rule 2: government.
  {
    rule: '2 Dynamics, Government Pricing variant: government offers',
    input: tenant({
      retirement: dynamics,
      offer: offerByKey(dynamics, 'sales-from-sa-government'),
      customer: customerWith('GovernmentCommunityCloud'),
    }),
    top: 'd365-sales-professional',
    topAudience: 'government',
    topOfferName: 'Dynamics 365 for Sales Professional (Government Pricing)',
    check: (r) => expect(r.reasons.some((x) => x.en.includes('no approved'))).toBe(false),
  },
  {
    rule: '2 Dynamics, GCC customer on a commercial offer: government offers',
    input: tenant({ retirement: dynamics, offer: salesBasic, customer: customerWith('GovernmentCommunityCloud') }),
    audience: 'government',
    topAudience: 'government',
    reason: ['Government Community Cloud', 'GCC(Government Community Cloud) 자격'],
  },
  {
    rule: '2 Dynamics, government variant without the qualification: warns',
    input: tenant({ retirement: dynamics, offer: offerByKey(dynamics, 'cep-crmol-basic-government') }),
    topAudience: 'government',
    reason: ['no approved Government Community Cloud qualification', '승인된 GCC 자격이 없습니다'],
  },
  {
    rule: '2 Kaizala, GCC customer: no government plan in the guide, commercial offers, says so',
    input: tenant({ retirement: kaizala, offer: kaizalaPro, customer: customerWith('GovernmentCommunityCloud') }),
    audience: 'government',
    top: 'm365-business-basic',
    topAudience: 'commercial',
    reason: ['guide lists no government-priced plan to replace Kaizala Pro', '정부 가격 요금제가 없으므로'],
    check: (r) => {
      expect(r.options.every((o) => o.offer.audience === 'commercial')).toBe(true);
      expect(r.options.some((o) => o.plan.family === 'education')).toBe(false);
    },
  },
  // Rule 3: Business plans up to 300 seats.
  {
    rule: '3 Kaizala, 450 users: Business plans ineligible and last',
    input: tenant({ retirement: kaizala, offer: kaizalaPro, quantity: 450 }),
    top: 'o365-e1',
    quantity: 450,
    check: (r) => {
      const basic = option(r, 'm365-business-basic');
      expect(basic.eligible).toBe(false);
      expect(basic.quantity).toBe(300);
      expect(basic.reasons.map((x) => x.en).join(' ')).toContain('at most 300 seats');
      expect(keys(r).slice(-3)).toEqual(['m365-business-basic', 'm365-business-standard', 'm365-business-premium']);
      expect(r.options.slice(0, -3).every((o) => o.eligible)).toBe(true);
    },
  },
  {
    rule: '3 Kaizala, exactly 300 users: Business still eligible',
    input: tenant({ retirement: kaizala, offer: kaizalaPro, quantity: 300 }),
    top: 'm365-business-basic',
    quantity: 300,
    check: (r) => expect(r.options.every((o) => o.eligible)).toBe(true),
  },
  {
    rule: '3 no offer takes all the users in one subscription: every option ineligible, says so',
    input: tenant({ ...kaizalaWithMaximum(300), quantity: 450 }),
    top: 'o365-e1',
    check: (r) => {
      expect(r.options.every((o) => !o.eligible && o.quantity === 300)).toBe(true);
      expect(r.reasons.map((x) => x.en)).toContain(
        'No offer sells 450 seats in one subscription; check the limits with Microsoft before buying.',
      );
    },
  },
  // Rule 4: coverage by KAIZALA_* service plans.
  {
    rule: '4 Kaizala, per user: every holder also has Microsoft 365 E5: no purchase, clean-up only',
    input: tenant({
      retirement: kaizala,
      offer: kaizalaPro,
      holders: 8,
      skus: [e5Sku(20, 20)],
      users: [...users(8, [SKU.kaizalaPro, SKU.m365E5.toUpperCase()]), ...users(12, [SKU.m365E5], 9)],
    }),
    usersToMove: 8,
    seatsToBuy: 0,
    purchaseNeeded: false,
    reassignNeeded: false,
    licenseCleanupNeeded: true,
    reason: ['already have the service through Microsoft 365 E5', 'Microsoft 365 E5 제품을 통해'],
  },
  {
    rule: '4 Kaizala, per user: 3 of 8 holders have Office 365 E3: buy 5',
    input: tenant({
      retirement: kaizala,
      offer: kaizalaPro,
      holders: 8,
      skus: [e3Sku(3, 3)],
      users: [...users(3, [SKU.kaizalaPro, SKU.o365E3]), ...users(5, [SKU.kaizalaPro], 4), ...users(4, [], 9)],
    }),
    usersToMove: 8,
    seatsToBuy: 5,
    quantity: 5,
    purchaseNeeded: true,
    reassignNeeded: true,
    licenseCleanupNeeded: true,
    reason: ['3 of the 8 users', '8명 중 3명은'],
  },
  {
    rule: '4 Kaizala, by counts: 12 holders and Office 365 E3 on 40 of 40 users: every holder has E3, covered',
    input: { ...tenant({ retirement: kaizala, offer: kaizalaPro, quantity: 12, skus: [e3Sku(40, 40)] }), userCount: 40 },
    usersToMove: 12,
    purchaseNeeded: false,
    reason: ['Office 365 E3 is assigned to 40 users', '라이선스 수로 판단한 결과'],
  },
  {
    rule: '4 Kaizala, by counts: E3 on 40 users proves nothing without the number of users',
    input: tenant({ retirement: kaizala, offer: kaizalaPro, quantity: 12, skus: [e3Sku(40, 40)] }),
    seatsToBuy: 12,
    purchaseNeeded: true,
    check: (r) => expect(r.coveredUsers).toBe(0),
  },
  {
    rule: '4 Kaizala, by counts: E3 on 40 other users of a 52-user tenant covers none of the 12 holders',
    input: { ...tenant({ retirement: kaizala, offer: kaizalaPro, quantity: 12, skus: [e3Sku(40, 40)] }), userCount: 52 },
    seatsToBuy: 12,
    purchaseNeeded: true,
    check: (r) => expect(r.coveredUsers).toBe(0),
  },
  {
    rule: '4 Kaizala, by counts: Office 365 E3 assigned to 5 < 12: buy all 12',
    input: tenant({ retirement: kaizala, offer: kaizalaPro, quantity: 12, skus: [e3Sku(5, 5)] }),
    seatsToBuy: 12,
    purchaseNeeded: true,
    quantity: 12,
    check: (r) => expect(r.coveredUsers).toBe(0),
  },
  {
    rule: '4 Kaizala: the retired license is found by its service plan, not taken for a suite that carries it',
    input: {
      ...tenant({ retirement: kaizala, offer: kaizalaPro, quantity: 6 }),
      subscribedSkus: [
        sku({
          skuId: SKU.suiteWithKaizala,
          name: 'Some Suite',
          totalUnits: 2,
          consumedUnits: 2,
          servicePlans: ['EXCHANGE_S_ENTERPRISE', 'KAIZALA_STANDALONE', 'TEAMS1'],
        }),
        kaizalaProSku(6, 6),
      ],
    },
    usersToMove: 6,
    seatsToBuy: 6,
    purchaseNeeded: true,
  },
  {
    rule: '4 Dynamics: no covering prefixes, another Dynamics product does not cover',
    input: tenant({
      retirement: dynamics,
      offer: salesBasic,
      skus: [sku({ skuId: SKU.cep, totalUnits: 50, consumedUnits: 50, servicePlans: ['DYN365_ENTERPRISE_PLAN1'] })],
    }),
    purchaseNeeded: true,
    seatsToBuy: 10,
  },
  // Rule 5: workload first, alternatives after.
  ...['sales-crmol-basic-commercial', 'sales-from-sa-commercial', 'sales-add-on-commercial'].map(
    (key): Row => ({
      rule: `5 Dynamics ${key}: Sales Professional first, the others as alternatives`,
      input: tenant({ retirement: dynamics, offer: offerByKey(dynamics, key) }),
      top: 'd365-sales-professional',
      reassignNeeded: true,
      check: (r) => {
        // Said by the option itself, so the panel shows it with whichever plan the agent chooses.
        const top = must(r.options[0], 'top');
        expect(top.reasons.map((x) => x.en)).toContain('Like-for-like replacement for the retired offer.');
        expect(top.reasons.map((x) => x.ko)).toContain('사용 중지되는 제품을 그대로 대체하는 요금제입니다.');
        expect(r.reasons.map((x) => x.en).join(' ')).not.toMatch(/like-for-like/i);
        expect(keys(r)).toEqual([
          'd365-sales-professional',
          'd365-customer-engagement-plan',
          'd365-customer-service',
          'd365-team-members',
        ]);
        expect(
          option(r, 'd365-team-members')
            .reasons.map((x) => x.en)
            .join(' '),
        ).toContain('Alternative');
      },
    }),
  ),
  ...['cep-crmol-basic-commercial', 'cep-from-sa-commercial', 'cep-add-on-commercial'].map(
    (key): Row => ({
      rule: `5 Dynamics ${key}: Customer Engagement Plan first; same SKU, so no reassignment`,
      input: tenant({ retirement: dynamics, offer: offerByKey(dynamics, key), quantity: 25 }),
      top: 'd365-customer-engagement-plan',
      purchaseNeeded: true,
      reassignNeeded: false,
      quantity: 25,
      check: (r) => {
        const top = must(r.options[0], 'top');
        expect(top.sameSku).toBe(true);
        expect(top.reasons.map((x) => x.en).join(' ')).toContain('users keep their license');
        expect(top.reasons.map((x) => x.ko).join(' ')).toContain('라이선스를 그대로 유지하며');
        expect(r.reasons.map((x) => x.en).join(' ')).not.toContain('same license');
        expect(option(r, 'd365-sales-professional').reassignNeeded).toBe(true);
        expect(keys(r)[1]).toBe('d365-sales-professional');
      },
    }),
  ),
  // Rule 6: family affinity.
  {
    rule: '6 Kaizala, customer buys Office 365 E3: Enterprise plans first',
    input: tenant({
      retirement: kaizala,
      offer: kaizalaPro,
      others: [sub({ offerName: 'Office 365 Enterprise E3', skuId: SKU.o365E3.toUpperCase(), quantity: 50 })],
    }),
    top: 'o365-e3',
    reason: ['already buys Office 365 E3, so Enterprise plans come first', '엔터프라이즈 요금제를 먼저'],
    check: (r) => {
      expect(
        r.options
          .slice(0, 5)
          .map((o) => o.plan.family)
          .every((f) => f === 'enterprise'),
      ).toBe(true);
      // Said once, for the whole list: no option repeats that the customer buys E3.
      for (const o of r.options) expect(o.reasons.map((x) => x.en).join(' ')).not.toContain('Office 365 E3');
    },
  },
  {
    rule: '6 Kaizala, customer buys Office 365 E3 (offer id only, no SKU): Enterprise first',
    input: tenant({
      retirement: kaizala,
      offer: kaizalaPro,
      others: [sub({ offerName: 'Office 365 Enterprise E3', offerId: '796b6b5f-613c-4e24-a17c-eba730d49c02' })],
    }),
    top: 'o365-e3',
  },
  {
    rule: '6 Kaizala, customer buys Microsoft 365 F3: Frontline first',
    input: tenant({
      retirement: kaizala,
      offer: kaizalaPro,
      others: [sub({ offerName: 'Microsoft 365 F1', skuId: SKU.m365F3 })],
    }),
    top: 'm365-f3',
    check: (r) => expect(keys(r)[1]).toBe('o365-f3'),
  },
  {
    rule: '6 Kaizala, customer buys Business Premium: that plan first, Business family next',
    input: tenant({
      retirement: kaizala,
      offer: kaizalaPro,
      others: [sub({ offerName: 'Microsoft 365 Business', skuId: SKU.businessPremium })],
    }),
    top: 'm365-business-premium',
    check: (r) => expect(keys(r).slice(1, 3)).toEqual(['m365-business-basic', 'm365-business-standard']),
  },
  {
    rule: '6 Kaizala, a suspended E3 subscription is not a preference',
    input: tenant({
      retirement: kaizala,
      offer: kaizalaPro,
      others: [sub({ offerName: 'Office 365 Enterprise E3', skuId: SKU.o365E3, status: 'suspended' })],
    }),
    top: 'm365-business-basic',
  },
  {
    rule: '6 Kaizala, more than 300 users and no preference: Enterprise first, says why',
    input: tenant({ retirement: kaizala, offer: kaizalaPro, quantity: 301 }),
    top: 'o365-e1',
    reason: ["more than the Business plans' limit of 300", '비즈니스 요금제 한도인 300명'],
  },
  {
    rule: '6 Kaizala, business customer with 450 users: Enterprise first anyway',
    input: tenant({
      retirement: kaizala,
      offer: kaizalaPro,
      quantity: 450,
      others: [sub({ offerName: 'Microsoft 365 Business', skuId: SKU.businessPremium })],
    }),
    top: 'o365-e1',
    check: (r) => expect(option(r, 'm365-business-premium').eligible).toBe(false),
  },
  {
    rule: '6 more than 300 users: Enterprise first even where the catalog lists Frontline before it',
    input: tenant({ ...kaizalaFrontlineFirst(), quantity: 450 }),
    top: 'o365-e1',
    check: (r) => expect(keys(r).slice(5, 7)).toEqual(['m365-f3', 'o365-f3']),
  },
  // Rule 7: volume tiers.
  ...(
    [
      [50, 'Dynamics 365 Customer Engagement Plan Tier 1 (1-99 users)'],
      [150, 'Dynamics 365 Customer Engagement Plan Tier 2 (100-249 Users)'],
      [250, 'Dynamics 365 Customer Engagement Plan Tier 3 (250-499 Users)'],
      [999, 'Dynamics 365 Customer Engagement Plan Tier 4 (500-999 Users)'],
      [1200, 'Dynamics 365 Customer Engagement Plan Tier 5 (1000+ Users)'],
    ] as const
  ).map(
    ([n, name]): Row => ({
      rule: `7 Dynamics CEP, ${n} users: the tier whose band holds ${n}`,
      input: tenant({ retirement: dynamics, offer: offerByKey(dynamics, 'cep-crmol-basic-commercial'), quantity: n }),
      top: 'd365-customer-engagement-plan',
      topOfferName: name,
      quantity: n,
      check: (r) =>
        expect(
          must(r.options[0], 'top')
            .reasons.map((x) => x.en)
            .join(' '),
        ).toContain('Volume tier'),
    }),
  ),
  // Rule 8: quantity = users who must move.
  {
    rule: '8 no other subscription of the SKU: every holder moves',
    input: tenant({ retirement: dynamics, offer: salesBasic, quantity: 20, holders: 12 }),
    usersToMove: 12,
    quantity: 12,
    reason: ['12 users hold a Dynamics 365 for Sales', '12명을 옮겨야 합니다'],
  },
  {
    rule: '8 no other subscription but the tenant shows more seats: still every holder',
    input: tenant({ retirement: dynamics, offer: salesBasic, quantity: 20, holders: 18, total: 25 }),
    usersToMove: 18,
  },
  {
    rule: '8 pooled SKU: 45 assigned, 30 seats stay with Sales Enterprise CRMOL Professional: 15 move',
    input: tenant({
      retirement: dynamics,
      offer: salesBasic,
      quantity: 20,
      holders: 45,
      others: [
        sub({
          offerName: 'Dynamics 365 for Sales Enterprise CRMOL Professional (Qualified Offer)',
          offerId: 'BB9C9324-55D1-42E4-9014-45801C1FBE46',
          skuId: SKU.salesEnterprise.toUpperCase(),
          quantity: 30,
        }),
      ],
    }),
    usersToMove: 15,
    quantity: 15,
    reason: ['45 users hold this license and other subscriptions of it keep 30 seats, so 15', '15명을 옮겨야'],
  },
  {
    rule: '8 pooled SKU: the 25 holders fit in the 30 staying seats: nothing to buy',
    input: tenant({
      retirement: dynamics,
      offer: salesBasic,
      quantity: 20,
      holders: 25,
      others: [sub({ offerName: 'Sales Enterprise CRMOL Professional', skuId: SKU.salesEnterprise, quantity: 30 })],
    }),
    usersToMove: 0,
    purchaseNeeded: false,
    reassignNeeded: false,
    reason: ['fit in the 30 seats of the subscriptions that stay', '옮길 사용자가 없습니다'],
  },
  {
    rule: '8 a suspended subscription of the same SKU keeps no seats',
    input: tenant({
      retirement: dynamics,
      offer: salesBasic,
      quantity: 20,
      holders: 20,
      // The tenant still counts the suspended subscription's 10 seats; nobody can keep a license on them.
      total: 30,
      others: [
        sub({ offerName: 'Sales Enterprise CRMOL Professional', skuId: SKU.salesEnterprise, status: 'suspended' }),
      ],
    }),
    usersToMove: 20,
  },
  {
    rule: '8 Kaizala: a second Kaizala Pro subscription (no SKU resolved) is recognised by name and pooled',
    input: tenant({
      retirement: kaizala,
      offer: kaizalaPro,
      quantity: 10,
      holders: 14,
      total: 15,
      others: [sub({ offerName: 'KAIZALA PRO', offerId: 'C0000000-0000-4000-8000-000000000001', quantity: 5 })],
    }),
    usersToMove: 9,
    quantity: 9,
  },
  {
    rule: '8 nobody holds the old license: no purchase, says so',
    input: tenant({ retirement: kaizala, offer: kaizalaPro, holders: 0 }),
    usersToMove: 0,
    purchaseNeeded: false,
    reassignNeeded: false,
    licenseCleanupNeeded: false,
    reason: ['Nobody holds a Kaizala Pro license', '라이선스를 가진 사용자가 없으므로'],
  },
  {
    rule: '8 per-user licenses beat the counts (7 users hold it, the tenant says 10)',
    input: tenant({
      retirement: dynamics,
      offer: salesBasic,
      holders: 10,
      users: [...users(7, [SKU.salesEnterprise.toUpperCase()]), ...users(5, [SKU.cep], 8)],
    }),
    usersToMove: 7,
    quantity: 7,
  },
  {
    rule: '8 per-user licenses without the SKU in subscribedSkus (Dynamics, id known)',
    input: {
      ...tenant({ retirement: dynamics, offer: salesBasic, users: users(4, [SKU.salesEnterprise]) }),
      subscribedSkus: [],
    },
    usersToMove: 4,
  },
  {
    rule: "8 fewer users than the offer's minimum: raised to the minimum, says so",
    input: tenant({ ...kaizalaWithMinimum(5), holders: 3 }),
    seatsToBuy: 3,
    quantity: 5,
    check: (r) =>
      expect(must(r.options[0], 'top').reasons.map((x) => x.en)).toContain(
        "The offer's minimum is 5 seats, more than the 3 seats needed.",
      ),
  },
  {
    rule: '8 status written "Active" is active',
    input: tenant({ retirement: kaizala, offer: kaizalaPro, status: 'Active' }),
    usersToMove: 10,
  },
];

describe('pickReplacement: rules', () => {
  it.each(rows.map((r) => [r.rule, r] as const))('%s', (_, row) => {
    const r = ok(pickReplacement(row.input));
    const top = must(r.options[0], 'top option');
    if (row.top !== undefined) expect(top.plan.key).toBe(row.top);
    if (row.topAudience !== undefined) expect(top.offer.audience).toBe(row.topAudience);
    if (row.topOfferName !== undefined) expect(top.offer.name).toBe(row.topOfferName);
    if (row.audience !== undefined) expect(r.audience).toBe(row.audience);
    if (row.purchaseNeeded !== undefined) expect(r.purchaseNeeded).toBe(row.purchaseNeeded);
    if (row.reassignNeeded !== undefined) expect(r.reassignNeeded).toBe(row.reassignNeeded);
    if (row.licenseCleanupNeeded !== undefined) expect(r.licenseCleanupNeeded).toBe(row.licenseCleanupNeeded);
    if (row.usersToMove !== undefined) expect(r.usersToMove).toBe(row.usersToMove);
    if (row.seatsToBuy !== undefined) expect(r.seatsToBuy).toBe(row.seatsToBuy);
    if (row.quantity !== undefined) expect(top.quantity).toBe(row.quantity);
    if (row.reason) {
      const [en, ko] = row.reason;
      const hit = r.reasons.find((x) => x.en.includes(en));
      expect(hit, `no reason contains "${en}" in:\n${r.reasons.map((x) => x.en).join('\n')}`).toBeDefined();
      expect(hit?.ko).toContain(ko);
    }
    row.check?.(r);
  });

  // Rule 9: every sentence exists in both languages, and no value leaked in unformatted.
  it.each(rows.map((r) => [r.rule, r] as const))('9 reasons are plain English and Korean: %s', (_, row) => {
    const r = ok(pickReplacement(row.input));
    const all: Localized[] = [...r.reasons, ...r.options.flatMap((o) => o.reasons)];
    expect(r.reasons.length).toBeGreaterThan(0);
    for (const reason of all) {
      expect(reason.en.trim()).not.toBe('');
      expect(reason.ko).toMatch(/\p{Script=Hangul}/u);
      for (const text of [reason.en, reason.ko]) expect(text).not.toMatch(/undefined|NaN|null|\[object/);
    }
  });

  // "Why this replacement" shows the overall reasons with the chosen option's: no fact twice, whatever is chosen.
  it.each(rows.map((r) => [r.rule, r] as const))('each fact is said once: %s', (_, row) => {
    const r = ok(pickReplacement(row.input));
    expect(repeatedFacts(r)).toEqual([]);
    // And no two facts read the same: a shared wording would be one fact under two keys.
    for (const o of r.options) {
      const texts = [...r.reasons, ...o.reasons].map((x) => x.en);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });
});

describe('pickReplacement: invariants', () => {
  it('is deterministic and does not change its input', () => {
    const input = tenant({ retirement: kaizala, offer: kaizalaPro, quantity: 450, skus: [e3Sku(40, 2)] });
    const before = JSON.stringify(input);
    const a = pickReplacement(input);
    const b = pickReplacement(input);
    expect(a).toEqual(b);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('ranks every eligible option above every ineligible one', () => {
    const r = ok(pickReplacement(tenant({ retirement: kaizala, offer: kaizalaPro, quantity: 500 })));
    const firstIneligible = r.options.findIndex((o) => !o.eligible);
    expect(firstIneligible).toBeGreaterThan(0);
    expect(r.options.slice(firstIneligible).every((o) => !o.eligible)).toBe(true);
  });
});

interface BadRow {
  name: string;
  input: PickInput;
  code: PickErrorCode;
  /** Substring of the English reason. */
  en: string;
}

const good = tenant({ retirement: kaizala, offer: kaizalaPro });
const badRows: BadRow[] = [
  { name: 'no catalog match', input: { ...good, match: null }, code: 'no-match', en: 'not in the retirement catalog' },
  {
    name: 'match left out',
    input: { ...good, match: undefined },
    code: 'no-match',
    en: 'not in the retirement catalog',
  },
  {
    name: 'offer of another retirement',
    input: { ...good, match: { retirement: kaizala, offer: salesBasic } },
    code: 'offer-mismatch',
    en: 'does not belong',
  },
  {
    name: 'missing customer',
    input: { ...good, customer: undefined },
    code: 'missing-customer',
    en: 'Reload the customer',
  },
  { name: 'customer null', input: { ...good, customer: null }, code: 'missing-customer', en: 'details are missing' },
  {
    name: 'customer without id',
    input: { ...good, customer: { id: ' ', qualifications: [] } },
    code: 'missing-customer',
    en: 'details are missing',
  },
  {
    name: 'suspended subscription',
    input: tenant({ retirement: kaizala, offer: kaizalaPro, status: 'suspended' }),
    code: 'not-active',
    en: '"suspended"',
  },
  {
    name: 'expired subscription',
    input: tenant({ retirement: kaizala, offer: kaizalaPro, status: 'expired' }),
    code: 'not-active',
    en: 'only an active subscription',
  },
  {
    name: 'zero seats',
    input: { ...good, retiring: { ...good.retiring, quantity: 0 } },
    code: 'invalid-quantity',
    en: 'quantity is 0',
  },
  {
    name: 'negative seats',
    input: { ...good, retiring: { ...good.retiring, quantity: -3 } },
    code: 'invalid-quantity',
    en: 'quantity is -3',
  },
  {
    name: 'fractional seats',
    input: { ...good, retiring: { ...good.retiring, quantity: 2.5 } },
    code: 'invalid-quantity',
    en: 'whole number',
  },
  {
    name: 'retired license missing from the tenant',
    input: { ...good, subscribedSkus: [e3Sku(10, 10)] },
    code: 'no-license-data',
    en: 'do not show Kaizala Pro',
  },
  {
    name: 'more users hold the license than the tenant has seats',
    input: tenant({ retirement: kaizala, offer: kaizalaPro, quantity: 10, holders: 12 }),
    code: 'inconsistent-seats',
    en: '12 users hold',
  },
  {
    name: 'the tenant shows fewer seats than the subscription alone',
    input: tenant({ retirement: dynamics, offer: salesBasic, quantity: 10, holders: 4, total: 5 }),
    code: 'inconsistent-seats',
    en: 'fewer than the 10',
  },
  {
    name: 'negative license counts',
    input: { ...good, subscribedSkus: [kaizalaProSku(10, -1)] },
    code: 'inconsistent-seats',
    en: 'not valid',
  },
  {
    name: 'a staying subscription of the SKU with a broken quantity',
    input: tenant({
      retirement: dynamics,
      offer: salesBasic,
      total: 30,
      others: [sub({ offerName: 'Sales Enterprise CRMOL Professional', skuId: SKU.salesEnterprise, quantity: -5 })],
    }),
    code: 'inconsistent-seats',
    en: 'invalid quantity',
  },
];

describe('pickReplacement: bad input', () => {
  it.each(badRows.map((r) => [r.name, r] as const))('%s', (_, row) => {
    const r = pickReplacement(row.input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(row.code);
    expect(r.reason.en).toContain(row.en);
    expect(r.reason.ko).toMatch(/\p{Script=Hangul}/u);
  });
});

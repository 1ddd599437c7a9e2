// The offer catalog: the real recorded `GET /offers?country=US` response (274 offers, early 2019)
// served unchanged, followed by the offers the scenarios need that the recording lacks: the retired
// offers the two guides name (Kaizala Pro standalone, the 24 Dynamics 365 "... CRM Basic / CRMOL
// Basic (Qualified Offer)" variants) and the education / government-priced replacement plans. Every
// added offer has an invented GUID (listed below) and the fixture's exact shape.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KAIZALA_PRO_SKU_ID, SKU } from './skus';
import type { Collection, Offer, OfferCategory } from './types';

// The repository's own copy (fixtures/ at the top level), byte for byte the recording in ../shared.
const FIXTURE_URL = new URL('../../../fixtures/offers-us-2019.json', import.meta.url);

let fixtureCache: Collection<Offer> | undefined;

/** The recorded response, parsed once. Callers must not mutate it. */
export function fixtureCollection(): Collection<Offer> {
  if (!fixtureCache) {
    fixtureCache = JSON.parse(readFileSync(fileURLToPath(FIXTURE_URL), 'utf8')) as Collection<Offer>;
  }
  return fixtureCache;
}

// ---- well-known offer ids -------------------------------------------------------------------

/** Offers of the recording that scenarios and tests use (ids as the fixture writes them). */
export const FIXTURE_OFFER = {
  businessEssentials: 'BD938F12-058F-4927-BBA3-AE36B1D2501C',
  businessPremium: '031C9E47-4802-4248-838E-778FB1D2CC05',
  m365Business: '61795CAB-2ABD-43F6-88E9-C9ADAE5746E0',
  businessPremiumTrial: 'C0BD2E08-11AC-4836-BDC7-3712E744922F',
  o365E1: '91FD106F-4B2C-4938-95AC-F54F74E9A239',
  o365E3: '796B6B5F-613C-4E24-A17C-EBA730D49C02',
  o365E3Trial: '32B23C88-949F-4E5B-B500-A87EEC676B80',
  o365E5: 'A044B16A-1861-4308-8086-A3A3B506FAC2',
  m365E3: '2B3B8D2D-10AA-4BE4-B5FD-7F2FEB0C3091',
  m365E5: '8BDBB60B-E526-43E9-92EF-AB760C8E0B72',
  m365F1: '3451A3B0-8CDA-44A7-BAD7-C30BE81C4AAA',
  o365F1: '6FBAD345-B7DE-42A6-B6AB-79B363D0B371',
  exchangePlan1: '195416C1-3447-423A-B37B-EE59A99A19C4',
  exchangePlan2: '2F707C7C-2433-49A5-A437-9CA7CF40D3EB',
  powerBiPro: '800F4F3B-CFE1-42C1-9CEA-675512810488',
  ems: '79C29AF7-3CD0-4A6F-B182-A81E31DEC84E',
  salesEnterprise: 'E5AEEDC5-E2F0-4099-AA45-95802034D7F8',
  salesEnterpriseCrmolProfessional: 'BB9C9324-55D1-42E4-9014-45801C1FBE46',
  salesProfessional: 'F28514F0-6516-4EF9-8222-1C605A05D245',
  salesProfessionalAddOnCrmolBasic: '819221BA-6DB9-4BBB-BDF1-ED2C94A11E74',
  salesProfessionalAddOnCrmBasic: '12BAE1D8-3FC4-4F5F-9E4E-0ADD90308266',
  customerServiceEnterprise: '58CD6573-6784-4467-B2FC-1A06BB874ED6',
  customerServiceAddOnCrmBasic: 'CD21662B-5780-4263-8E1E-697ED4931C2E',
  customerEngagementPlanTier1: 'BB30B486-53BE-4ECF-BB85-6F50979F0579',
  customerEngagementPlanCrmolProfessional: '696A7E6B-4017-49B9-89D6-028E9D1AEB26',
  teamMembers: 'B2CCB51A-43C2-47D4-92DB-DBF14553A185',
  /** Nonprofit-only offer with `limit: 1, limitUnitOfMeasure: 'Concurrent'`. */
  o365E1NonprofitStaff: '83DCA3B9-3D6C-4547-8C5F-BA1F69B130F8',
  /** An add-on (`isAddOn: true`) whose prerequisites include Office 365 E3. */
  advancedThreatProtection: 'A2706F86-868D-4048-989B-0C69E5C76B63',
} as const;

/** Invented ids of the offers this file adds. */
export const ADDED_OFFER = {
  kaizalaPro: '16A0DEF9-CE3D-4603-9B90-F5933596A529',
  m365A1: '54645E4B-0708-42C9-9BE3-9D70AF44FBE9',
  m365A3Faculty: 'F450C0A2-1336-446F-876C-0F2919AF59CD',
  m365A3Students: 'D1CBD3FF-DC4D-4662-A24B-F5ECF9822437',
  m365A5Faculty: '850ADCAE-64D4-4AAA-8C42-E7999A9D4B75',
  m365A5Students: '1136ECE5-16A4-4C29-9F04-BC84E4F371BF',
  o365A1Faculty: '4F5C49B3-C016-4C08-83CD-838F4AD8F224',
  o365A1Students: '1E6CDF0C-B8D3-49BD-883B-E9E66A48874D',
  o365A3Faculty: '5B39D84D-6A80-4781-B837-205462DD89C3',
  o365A3Students: '51CD82EF-AA48-466E-A48E-F7556735392F',
  o365A5Faculty: '7D5C9662-254E-47F7-99D5-FC8D84FD562F',
  o365A5Students: '66A95FC5-0CA9-40BF-A463-3C8703AF3048',
  salesProfessionalFaculty: '37D517B6-0704-46E0-9F34-B7BED560D1ED',
  salesProfessionalStudents: 'CF8A7B2B-E71B-4134-A0B4-B55814D9D9FE',
  customerEngagementPlanFaculty: '4FF34E1C-396F-4DF8-8D12-9C2BC4E25D52',
  customerEngagementPlanStudents: 'F2161CC4-8760-4AC0-8F14-AB883A7A93B4',
  customerServiceFaculty: '23FEC519-D4E9-4457-9308-C33626222203',
  customerServiceStudents: 'B4581CE7-3E86-4A92-B1B7-1526B9AFC382',
  teamMembersFaculty: '10C4DF92-36B5-49C7-8307-E32F660EAEB7',
  teamMembersStudents: 'FF8F8664-3852-4362-9B7A-B23B703241BD',
  salesProfessionalGovernment: 'A1ED2CC2-D9F7-48CB-B07D-F0B9E7004C82',
  customerEngagementPlanGovernment: '816D7793-D8CE-4EDF-9DFD-BC827133104C',
  customerServiceGovernment: 'D0C376E8-D024-477F-9AAE-08EAC1DDD02C',
  teamMembersGovernment: 'D57566A8-723C-434A-A0FE-E52E2EDEBD1B',
  salesEnterpriseGovernment: '044A4B2A-D32A-4E55-A227-27D6464AE65A',
} as const;

export type RetiredAudience = 'commercial' | 'faculty' | 'students' | 'government';
export type RetiredChannel = 'crmol' | 'from-sa' | 'add-on';

export interface RetiredDynamicsOffer {
  id: string;
  /** The exact English name from the Dynamics guide. */
  name: string;
  family: 'sales' | 'customer-engagement-plan';
  channel: RetiredChannel;
  audience: RetiredAudience;
}

const SALES = 'Dynamics 365 for Sales Enterprise Edition';
const CEP = 'Dynamics 365 Customer Engagement Plan Enterprise Edition';

/** The 24 retired Dynamics offers, in the guide's order, with invented ids. */
export const RETIRED_DYNAMICS_OFFERS: readonly RetiredDynamicsOffer[] = [
  ['E66784D2-FE58-447D-A30F-EB7051E6614C', `${SALES} CRMOL Basic (Qualified Offer)`, 'sales', 'crmol', 'commercial'],
  [
    '66268666-8530-4064-B66A-8A516E3184D1',
    `${SALES} CRMOL Basic (Qualified Offer) for Faculty`,
    'sales',
    'crmol',
    'faculty',
  ],
  [
    '83D2F931-D548-43F0-AED5-2810B5369670',
    `${SALES} CRMOL Basic (Qualified Offer) for Students`,
    'sales',
    'crmol',
    'students',
  ],
  [
    '3AEE72EF-DA9F-4718-BB5C-BCD1D3EC0681',
    `${SALES} (Government Pricing) CRMOL Basic (Qualified Offer)`,
    'sales',
    'crmol',
    'government',
  ],
  [
    '809EB3ED-900E-480E-8B1D-6DD58472E287',
    `${SALES} From SA for CRM Basic (Qualified Offer)`,
    'sales',
    'from-sa',
    'commercial',
  ],
  [
    '3DA21E49-D9FB-45DA-81F3-FDF566F0192A',
    `${SALES} From SA for CRM Basic (Qualified Offer) for Faculty`,
    'sales',
    'from-sa',
    'faculty',
  ],
  [
    'AEC35DDE-FC9C-494B-825E-B3FE0B9EE883',
    `${SALES} From SA for CRM Basic (Qualified Offer) for Students`,
    'sales',
    'from-sa',
    'students',
  ],
  [
    '0B60C349-6BE0-48F0-9485-92A9AE36932D',
    `${SALES} (Government Pricing) From SA for CRM Basic (Qualified Offer)`,
    'sales',
    'from-sa',
    'government',
  ],
  [
    '7447BE71-3D48-47D3-B4E9-488D1B0CA499',
    `${SALES} Add-On for CRM Basic (Qualified Offer)`,
    'sales',
    'add-on',
    'commercial',
  ],
  [
    '3F98382D-21E7-4AED-97DF-1C73D88422F5',
    `${SALES} Add-On for CRM Basic (Qualified Offer) for Faculty`,
    'sales',
    'add-on',
    'faculty',
  ],
  [
    '777C5CF9-65A9-4EBE-8A92-C8CE44EF7A30',
    `${SALES} Add-On for CRM Basic (Qualified Offer) for Students`,
    'sales',
    'add-on',
    'students',
  ],
  [
    '7ADC1616-CB97-42C3-B6D6-60F2420E1621',
    `${SALES} (Government Pricing) Add-On for CRM Basic (Qualified Offer)`,
    'sales',
    'add-on',
    'government',
  ],
  [
    '410E4F39-F5C0-4588-9639-896D8B8F3670',
    `${CEP} CRMOL Basic (Qualified Offer)`,
    'customer-engagement-plan',
    'crmol',
    'commercial',
  ],
  [
    '99B84541-07CC-49A7-85FE-0F15F4FE005C',
    `${CEP} (Government Pricing) CRMOL Basic (Qualified Offer)`,
    'customer-engagement-plan',
    'crmol',
    'government',
  ],
  [
    '31CE441A-266B-437A-8ECB-B934DB5432F5',
    `${CEP} CRMOL Basic (Qualified Offer) for Students`,
    'customer-engagement-plan',
    'crmol',
    'students',
  ],
  [
    'A8B56DE7-25D0-4E1B-A54A-8A9D8B006929',
    `${CEP} CRMOL Basic (Qualified Offer) for Faculty`,
    'customer-engagement-plan',
    'crmol',
    'faculty',
  ],
  [
    'B50654FD-9B57-4447-8F71-864C36AE19AA',
    `${CEP} From SA for CRM Basic (Qualified Offer)`,
    'customer-engagement-plan',
    'from-sa',
    'commercial',
  ],
  [
    '07714F7F-5F64-484B-8157-6BB8DE2F5D06',
    `${CEP} (Government Pricing) From SA for CRM Basic (Qualified Offer)`,
    'customer-engagement-plan',
    'from-sa',
    'government',
  ],
  [
    'E9723AE8-FB22-49D0-8401-A6C9C6D6E058',
    `${CEP} From SA for CRM Basic (Qualified Offer) for Students`,
    'customer-engagement-plan',
    'from-sa',
    'students',
  ],
  [
    'B7EAEA40-8146-4651-834C-D0015EB6B313',
    `${CEP} From SA for CRM Basic (Qualified Offer) for Faculty`,
    'customer-engagement-plan',
    'from-sa',
    'faculty',
  ],
  [
    '8ACBDFEE-27FA-4D0D-9E9D-3E145FE6CE05',
    `${CEP} Add-On for CRM Basic (Qualified Offer)`,
    'customer-engagement-plan',
    'add-on',
    'commercial',
  ],
  [
    '38842B8C-F437-47E6-AB25-A6E8572DAA21',
    `${CEP} (Government Pricing) Add-On for CRM Basic (Qualified Offer)`,
    'customer-engagement-plan',
    'add-on',
    'government',
  ],
  [
    '3C0A89AC-BC7A-468A-A68A-42EA0528B2E5',
    `${CEP} Add-On for CRM Basic (Qualified Offer) for Students`,
    'customer-engagement-plan',
    'add-on',
    'students',
  ],
  [
    '7E54DBBA-A076-478B-B210-194D32235C05',
    `${CEP} Add-On for CRM Basic (Qualified Offer) for Faculty`,
    'customer-engagement-plan',
    'add-on',
    'faculty',
  ],
].map(([id, name, family, channel, audience]) => ({
  id: id as string,
  name: name as string,
  family: family as RetiredDynamicsOffer['family'],
  channel: channel as RetiredChannel,
  audience: audience as RetiredAudience,
}));

/** The retired Dynamics offer with this exact name (throws when the name is not one of the 24). */
export function retiredDynamicsOffer(name: string): RetiredDynamicsOffer {
  const found = RETIRED_DYNAMICS_OFFERS.find((o) => o.name === name);
  if (!found) throw new Error(`not a retired Dynamics offer: ${name}`);
  return found;
}

// ---- building offers in the fixture's shape --------------------------------------------------

const PARTNER_CATALOG_PREFIX = '/3c95518e-8c37-41e3-9627-0ca339200f53/Offers';

function category(id: string, name: string, rank: number): OfferCategory {
  return { id, name, rank, locale: 'en-US', country: 'US', attributes: { objectType: 'OfferCategory' } };
}

// The fixture's categories, plus two the recording has no example of (assumed ids).
const CATEGORY = {
  enterprise: category('Enterprise_Key', 'Enterprise', 20),
  education: category('Education_Key', 'Education', 40),
  government: category('Government_Key', 'Government', 50),
};

interface OfferSpec {
  id: string;
  name: string;
  description: string;
  productId: string;
  productName: string;
  category: OfferCategory;
  qualifications?: string[];
  available?: boolean;
  minimumQuantity?: number;
  maximumQuantity?: number;
  limitUnitOfMeasure?: string;
  limit?: number;
}

function offer(spec: OfferSpec): Offer {
  const available = spec.available ?? true;
  return {
    id: spec.id,
    name: spec.name,
    description: spec.description,
    minimumQuantity: spec.minimumQuantity ?? 1,
    maximumQuantity: spec.maximumQuantity ?? 10000000,
    rank: 0,
    uri: `${PARTNER_CATALOG_PREFIX}/${spec.id}`,
    locale: 'en-US',
    country: 'US',
    category: spec.category,
    limitUnitOfMeasure: spec.limitUnitOfMeasure ?? 'None',
    limit: spec.limit ?? 0,
    termUnitOfMeasure: 'Year',
    term: 1,
    prerequisiteOffers: [],
    isAddOn: false,
    hasAddOns: false,
    isAvailableForPurchase: available,
    billing: 'license',
    supportedBillingCycles: ['annual', 'monthly'],
    // Retired offers no longer renew (both guides); everything else renews as the fixture's do.
    isAutoRenewable: available,
    isInternal: false,
    isMicrosoftProduct: true,
    conversionTargetOffers: [],
    reselleeQualifications: spec.qualifications ?? [],
    resellerQualifications: [],
    salesGroupId: 'Default',
    isTrial: false,
    acquisitionType: 'purchase',
    supportedCatalogTypes: ['sandbox', 'live'],
    actions: ['Cancel', 'Edit'],
    product: { id: spec.productId.toUpperCase(), name: spec.productName, unit: 'Licenses' },
    unitType: 'Licenses',
    links: {
      learnMore: { method: 'GET', headers: [] },
      self: { uri: `/offers/${spec.id}?country=US`, method: 'GET', headers: [] },
    },
    attributes: { objectType: 'Offer' },
  };
}

const RETIRED_NOTE = 'Retired: no longer sold or renewed; migrate to a current plan.';

function retiredDynamics(o: RetiredDynamicsOffer): Offer {
  const sales = o.family === 'sales';
  const qualifications =
    o.audience === 'faculty' || o.audience === 'students'
      ? ['Education']
      : o.audience === 'government'
        ? ['GovernmentCommunityCloud']
        : [];
  return offer({
    id: o.id,
    name: o.name,
    description: `${sales ? 'Dynamics 365 for Sales' : 'Dynamics 365 Customer Engagement Plan'} for customers moving from CRM Online Basic. ${RETIRED_NOTE}`,
    productId: sales ? SKU.salesEnterprise : SKU.customerEngagementPlan,
    productName: sales ? 'Dynamics 365 for Sales Enterprise' : 'Dynamics 365 Customer Engagement Plan',
    category:
      o.audience === 'government'
        ? CATEGORY.government
        : o.audience === 'commercial'
          ? CATEGORY.enterprise
          : CATEGORY.education,
    qualifications,
    available: false,
  });
}

function education(id: string, name: string, productId: string, productName: string, limit = 0): Offer {
  return offer({
    id,
    name,
    description: `${name}: for qualified education customers.`,
    productId,
    productName,
    category: CATEGORY.education,
    qualifications: ['Education'],
    // Assumed: the free Microsoft 365 A1 device plan is one per customer.
    limitUnitOfMeasure: limit ? 'Concurrent' : 'None',
    limit,
  });
}

function government(id: string, name: string, productId: string, productName: string): Offer {
  return offer({
    id,
    name,
    description: `${name}: for customers qualified for the Government Community Cloud.`,
    productId,
    productName,
    category: CATEGORY.government,
    qualifications: ['GovernmentCommunityCloud'],
  });
}

const A = ADDED_OFFER;

/** Offers added to the recorded catalog (all invented ids; retired ones are not purchasable). */
export const ADDED_OFFERS: readonly Offer[] = [
  offer({
    id: A.kaizalaPro,
    name: 'Kaizala Pro',
    description: `Kaizala Pro standalone: mobile chat and work management for large groups. ${RETIRED_NOTE}`,
    productId: KAIZALA_PRO_SKU_ID,
    productName: 'Microsoft Kaizala Pro',
    category: CATEGORY.enterprise,
    available: false,
  }),
  ...RETIRED_DYNAMICS_OFFERS.map(retiredDynamics),
  education(A.m365A1, 'Microsoft 365 A1', SKU.m365A1, 'Microsoft 365 A1', 1),
  education(A.m365A3Faculty, 'Microsoft 365 A3 for faculty', SKU.m365A3Faculty, 'Microsoft 365 A3 for faculty'),
  education(A.m365A3Students, 'Microsoft 365 A3 for students', SKU.m365A3Student, 'Microsoft 365 A3 for students'),
  education(A.m365A5Faculty, 'Microsoft 365 A5 for faculty', SKU.m365A5Faculty, 'Microsoft 365 A5 for faculty'),
  education(A.m365A5Students, 'Microsoft 365 A5 for students', SKU.m365A5Student, 'Microsoft 365 A5 for students'),
  education(A.o365A1Faculty, 'Office 365 A1 for faculty', SKU.o365A1Faculty, 'Office 365 A1 for faculty'),
  education(A.o365A1Students, 'Office 365 A1 for students', SKU.o365A1Student, 'Office 365 A1 for students'),
  education(A.o365A3Faculty, 'Office 365 A3 for faculty', SKU.o365A3Faculty, 'Office 365 A3 for faculty'),
  education(A.o365A3Students, 'Office 365 A3 for students', SKU.o365A3Student, 'Office 365 A3 for students'),
  education(A.o365A5Faculty, 'Office 365 A5 for faculty', SKU.o365A5Faculty, 'Office 365 A5 for faculty'),
  education(A.o365A5Students, 'Office 365 A5 for students', SKU.o365A5Student, 'Office 365 A5 for students'),
  education(
    A.salesProfessionalFaculty,
    'Dynamics 365 for Sales Professional for Faculty',
    SKU.salesProfessional,
    'Dynamics 365 for Sales Professional',
  ),
  education(
    A.salesProfessionalStudents,
    'Dynamics 365 for Sales Professional for Students',
    SKU.salesProfessional,
    'Dynamics 365 for Sales Professional',
  ),
  education(
    A.customerEngagementPlanFaculty,
    'Dynamics 365 Customer Engagement Plan for Faculty',
    SKU.customerEngagementPlan,
    'Dynamics 365 Customer Engagement Plan',
  ),
  education(
    A.customerEngagementPlanStudents,
    'Dynamics 365 Customer Engagement Plan for Students',
    SKU.customerEngagementPlan,
    'Dynamics 365 Customer Engagement Plan',
  ),
  education(
    A.customerServiceFaculty,
    'Dynamics 365 for Customer Service Enterprise for Faculty',
    SKU.customerService,
    'Dynamics 365 for Customer Service Enterprise',
  ),
  education(
    A.customerServiceStudents,
    'Dynamics 365 for Customer Service Enterprise for Students',
    SKU.customerService,
    'Dynamics 365 for Customer Service Enterprise',
  ),
  education(
    A.teamMembersFaculty,
    'Dynamics 365 Team Members for Faculty',
    SKU.teamMembers,
    'Dynamics 365 Team Members',
  ),
  education(
    A.teamMembersStudents,
    'Dynamics 365 Team Members for Students',
    SKU.teamMembers,
    'Dynamics 365 Team Members',
  ),
  government(
    A.salesProfessionalGovernment,
    'Dynamics 365 for Sales Professional (Government Pricing)',
    SKU.salesProfessional,
    'Dynamics 365 for Sales Professional',
  ),
  government(
    A.customerEngagementPlanGovernment,
    'Dynamics 365 Customer Engagement Plan (Government Pricing)',
    SKU.customerEngagementPlan,
    'Dynamics 365 Customer Engagement Plan',
  ),
  government(
    A.customerServiceGovernment,
    'Dynamics 365 for Customer Service Enterprise (Government Pricing)',
    SKU.customerService,
    'Dynamics 365 for Customer Service Enterprise',
  ),
  government(
    A.teamMembersGovernment,
    'Dynamics 365 Team Members (Government Pricing)',
    SKU.teamMembers,
    'Dynamics 365 Team Members',
  ),
  government(
    A.salesEnterpriseGovernment,
    'Dynamics 365 for Sales Enterprise (Government Pricing)',
    SKU.salesEnterprise,
    'Dynamics 365 for Sales Enterprise',
  ),
];

// ---- the catalog -----------------------------------------------------------------------------

let catalogCache: readonly Offer[] | undefined;
let byIdCache: Map<string, Offer> | undefined;

/** The recorded offers in their recorded order, then the added ones. */
export function catalogOffers(): readonly Offer[] {
  if (!catalogCache) catalogCache = [...fixtureCollection().items, ...ADDED_OFFERS];
  return catalogCache;
}

/** An offer by id, compared without regard to case. */
export function findOffer(offerId: string): Offer | undefined {
  if (!byIdCache) byIdCache = new Map(catalogOffers().map((o) => [o.id.toUpperCase(), o]));
  return byIdCache.get(offerId.toUpperCase());
}

/** An offer that must exist (scenario building). */
export function offerById(offerId: string): Offer {
  const found = findOffer(offerId);
  if (!found) throw new Error(`unknown offer ${offerId}`);
  return found;
}

let productNames: Map<string, string> | undefined;

/** The product name the catalog gives a SKU (first offer granting it), for SKUs outside the SKU table. */
export function productNameForSku(skuId: string): string {
  if (!productNames) {
    productNames = new Map();
    for (const o of catalogOffers()) {
      const id = o.product.id.toLowerCase();
      if (!productNames.has(id)) productNames.set(id, o.product.name);
    }
  }
  return productNames.get(skuId.toLowerCase()) ?? 'Unknown product';
}

/** An offer by exact name (first match in catalog order). */
export function findOfferByName(name: string): Offer | undefined {
  return catalogOffers().find((o) => o.name === name);
}

/** True for the offers the guides retire (not purchasable, not renewable). */
export function isRetiredOffer(offerId: string): boolean {
  const id = offerId.toUpperCase();
  return id === ADDED_OFFER.kaizalaPro || RETIRED_DYNAMICS_OFFERS.some((o) => o.id === id);
}

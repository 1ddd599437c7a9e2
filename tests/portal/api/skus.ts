// License SKUs and their service plans, as licenses and subscribedskus report them. SKU ids and part
// numbers come from the contract's section 3 (Microsoft's licensing service-plan reference); the
// service plans inside each SKU are a faithful-enough subset written for this simulator. What matters
// for the extension: which SKUs carry a KAIZALA_* plan, and which Dynamics plans exclude each other.
import { guidFor } from './prng';

export interface SkuInfo {
  /** Lower-case SKU id (equals an offer's `product.id`, compared without regard to case). */
  skuId: string;
  skuPartNumber: string;
  /** The product's current name as licenses show it (offers may keep an older name). */
  name: string;
  /** Service plan string ids (serviceName). */
  plans: readonly string[];
}

/** Invented: Kaizala Pro standalone has no published SKU id (contract section 3). */
export const KAIZALA_PRO_SKU_ID = 'c93fe0ce-7375-4b8d-a55e-bf562ae7154f';

export const SKU = {
  businessBasic: '3b555118-da6a-4418-894f-7df1e2096870',
  businessStandard: 'f245ecc8-75af-4f8e-b61f-27d8114de5f3',
  businessPremium: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46',
  m365F3: '66b55226-6b4f-492c-910c-a3b7a3c9d993',
  o365F3: '4b585984-651b-448a-9e53-3b10f069cf7f',
  o365E1: '18181a46-0d4e-45cd-891e-60aabd171b4e',
  o365E3: '6fd2c87f-b296-42f0-b197-1e91e994b900',
  o365E5: 'c7df2760-2c81-4ef7-b578-5b5392b571df',
  m365E3: '05e9a617-0261-4cee-bb44-138d3ef5d965',
  m365E5: '06ebc4ee-1bb5-47dd-8120-11324bc54e06',
  m365A1: 'b17653a4-2443-4e8c-a550-18249dda78bb',
  m365A3Faculty: '4b590615-0888-425a-a965-b3bf7789848d',
  m365A3Student: '7cfd9a2b-e110-4c39-bf20-c6a3f36a3121',
  m365A5Faculty: 'e97c048c-37a4-45fb-ab50-922fbf07a370',
  m365A5Student: '46c119d4-0379-4a9d-85e4-97c66d3f909e',
  // Office 365 A1 / A3 ids are not published in the contract. These are the ids public scripts use for
  // them; the extension's catalog must find them by offer name as well (contract section 3).
  o365A1Faculty: '94763226-9b3c-4e75-a931-5c89701abe66',
  o365A1Student: '314c4481-f395-4525-be8b-2ec4bb1e9d91',
  o365A3Faculty: 'e578b273-6db4-4691-bba0-8d691f4da603',
  o365A3Student: '98b6e773-24d4-4c0d-a968-6e787a1f8204',
  o365A5Faculty: 'a4585165-0533-458a-97e3-c400570268c4',
  o365A5Student: 'ee656612-49fa-43e5-b67e-cb1fdf7699df',
  exchangePlan1: '4b9405b0-7788-4568-add1-99614e613b69',
  exchangePlan2: '19ec0d23-8335-4cbd-94ac-6050e30712fa',
  kaizalaPro: KAIZALA_PRO_SKU_ID,
  salesEnterprise: '1e1a282c-9c54-43a2-9310-98ef728faace',
  // The fixture's "Dynamics 365 for Sales Professional" offer grants this product id.
  salesProfessional: 'be9f9771-1c64-4618-9907-244325141096',
  customerService: '749742bf-0d37-4158-a120-33567104deeb',
  customerEngagementPlan: 'ea126fc5-a19e-42e2-a731-da9d437bffcf',
  teamMembers: '7ac9fe77-66b7-4e5e-9e46-10eed1cff547',
  powerBiPro: 'f8a1db68-be16-40ed-86d5-cb42ce701560',
  ems: 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e',
} as const;

/**
 * Dynamics 365 app plans that cannot sit on one user together. Assigning one while the user keeps
 * another fails; the old license must be removed in the same licenseupdates request (contract:
 * "a license swap is one save").
 */
export const EXCLUSIVE_PLAN_GROUPS: Readonly<Record<string, readonly string[]>> = {
  'dynamics-365-customer-engagement-app': [
    'DYN365_ENTERPRISE_SALES',
    'D365_SALES_PRO',
    'DYN365_ENTERPRISE_PLAN1',
    'DYN365_ENTERPRISE_CUSTOMER_SERVICE',
    'DYN365_ENTERPRISE_TEAM_MEMBERS',
  ],
};

const OFFICE_CORE = ['SHAREPOINTWAC', 'TEAMS1', 'MCOSTANDARD', 'FORMS_PLAN_E1', 'SWAY'] as const;

const SKU_TABLE: readonly SkuInfo[] = [
  { skuId: SKU.kaizalaPro, skuPartNumber: 'KAIZALA_PRO', name: 'Microsoft Kaizala Pro', plans: ['KAIZALA_STANDALONE'] },
  {
    skuId: SKU.businessBasic,
    skuPartNumber: 'O365_BUSINESS_ESSENTIALS',
    name: 'Microsoft 365 Business Basic',
    plans: ['EXCHANGE_S_STANDARD', 'SHAREPOINTSTANDARD', ...OFFICE_CORE, 'KAIZALA_O365_P2'],
  },
  {
    skuId: SKU.businessStandard,
    skuPartNumber: 'O365_BUSINESS_PREMIUM',
    name: 'Microsoft 365 Business Standard',
    plans: ['EXCHANGE_S_STANDARD', 'SHAREPOINTSTANDARD', 'OFFICE_BUSINESS', ...OFFICE_CORE, 'KAIZALA_O365_P2'],
  },
  {
    skuId: SKU.businessPremium,
    skuPartNumber: 'SPB',
    name: 'Microsoft 365 Business Premium',
    plans: [
      'EXCHANGE_S_STANDARD',
      'SHAREPOINTSTANDARD',
      'OFFICE_BUSINESS',
      'INTUNE_A',
      'AAD_PREMIUM',
      ...OFFICE_CORE,
      'KAIZALA_O365_P2',
    ],
  },
  {
    skuId: SKU.m365F3,
    skuPartNumber: 'SPE_F1',
    name: 'Microsoft 365 F3',
    plans: ['EXCHANGE_S_DESKLESS', 'SHAREPOINTDESKLESS', 'INTUNE_A', 'TEAMS1', 'MCOIMP', 'KAIZALA_O365_P1'],
  },
  {
    skuId: SKU.o365F3,
    skuPartNumber: 'DESKLESSPACK',
    name: 'Office 365 F3',
    plans: ['EXCHANGE_S_DESKLESS', 'SHAREPOINTDESKLESS', 'TEAMS1', 'MCOIMP', 'KAIZALA_O365_P1'],
  },
  {
    skuId: SKU.o365E1,
    skuPartNumber: 'STANDARDPACK',
    name: 'Office 365 E1',
    plans: ['EXCHANGE_S_STANDARD', 'SHAREPOINTSTANDARD', ...OFFICE_CORE, 'KAIZALA_O365_P2'],
  },
  {
    skuId: SKU.o365E3,
    skuPartNumber: 'ENTERPRISEPACK',
    name: 'Office 365 E3',
    plans: ['EXCHANGE_S_ENTERPRISE', 'SHAREPOINTENTERPRISE', 'OFFICESUBSCRIPTION', ...OFFICE_CORE, 'KAIZALA_O365_P3'],
  },
  {
    skuId: SKU.o365E5,
    skuPartNumber: 'ENTERPRISEPREMIUM',
    name: 'Office 365 E5',
    plans: [
      'EXCHANGE_S_ENTERPRISE',
      'SHAREPOINTENTERPRISE',
      'OFFICESUBSCRIPTION',
      'MCOEV',
      'MCOMEETADV',
      ...OFFICE_CORE,
      'KAIZALA_STANDALONE',
    ],
  },
  {
    skuId: SKU.m365E3,
    skuPartNumber: 'SPE_E3',
    name: 'Microsoft 365 E3',
    plans: [
      'EXCHANGE_S_ENTERPRISE',
      'SHAREPOINTENTERPRISE',
      'OFFICESUBSCRIPTION',
      'INTUNE_A',
      'AAD_PREMIUM',
      ...OFFICE_CORE,
      'KAIZALA_O365_P3',
    ],
  },
  {
    skuId: SKU.m365E5,
    skuPartNumber: 'SPE_E5',
    name: 'Microsoft 365 E5',
    plans: [
      'EXCHANGE_S_ENTERPRISE',
      'SHAREPOINTENTERPRISE',
      'OFFICESUBSCRIPTION',
      'INTUNE_A',
      'AAD_PREMIUM_P2',
      'MCOEV',
      ...OFFICE_CORE,
      'KAIZALA_STANDALONE',
    ],
  },
  // Assumed: the guide lists the A1 plans as Kaizala replacements, so they carry a Kaizala plan.
  {
    skuId: SKU.m365A1,
    skuPartNumber: 'M365EDU_A1',
    name: 'Microsoft 365 A1',
    plans: ['EXCHANGE_S_STANDARD', 'SHAREPOINTSTANDARD_EDU', 'INTUNE_EDU', ...OFFICE_CORE, 'KAIZALA_O365_P2'],
  },
  ...(
    [
      ['m365A3Faculty', 'M365EDU_A3_FACULTY', 'Microsoft 365 A3 for faculty', 'KAIZALA_O365_P3'],
      ['m365A3Student', 'M365EDU_A3_STUDENT', 'Microsoft 365 A3 for students', 'KAIZALA_O365_P3'],
      ['m365A5Faculty', 'M365EDU_A5_FACULTY', 'Microsoft 365 A5 for faculty', 'KAIZALA_STANDALONE'],
      ['m365A5Student', 'M365EDU_A5_STUDENT', 'Microsoft 365 A5 for students', 'KAIZALA_STANDALONE'],
      ['o365A1Faculty', 'STANDARDWOFFPACK_FACULTY', 'Office 365 A1 for faculty', 'KAIZALA_O365_P2'],
      ['o365A1Student', 'STANDARDWOFFPACK_STUDENT', 'Office 365 A1 for students', 'KAIZALA_O365_P2'],
      ['o365A3Faculty', 'ENTERPRISEPACK_FACULTY', 'Office 365 A3 for faculty', 'KAIZALA_O365_P3'],
      ['o365A3Student', 'ENTERPRISEPACK_STUDENT', 'Office 365 A3 for students', 'KAIZALA_O365_P3'],
      ['o365A5Faculty', 'ENTERPRISEPREMIUM_FACULTY', 'Office 365 A5 for faculty', 'KAIZALA_STANDALONE'],
      ['o365A5Student', 'ENTERPRISEPREMIUM_STUDENT', 'Office 365 A5 for students', 'KAIZALA_STANDALONE'],
    ] as const
  ).map(
    ([key, part, name, kaizala]): SkuInfo => ({
      skuId: SKU[key],
      skuPartNumber: part,
      name,
      plans: ['EXCHANGE_S_ENTERPRISE', 'SHAREPOINTENTERPRISE_EDU', 'OFFICESUBSCRIPTION', ...OFFICE_CORE, kaizala],
    }),
  ),
  {
    skuId: SKU.exchangePlan1,
    skuPartNumber: 'EXCHANGESTANDARD',
    name: 'Exchange Online (Plan 1)',
    plans: ['EXCHANGE_S_STANDARD'],
  },
  {
    skuId: SKU.exchangePlan2,
    skuPartNumber: 'EXCHANGEENTERPRISE',
    name: 'Exchange Online (Plan 2)',
    plans: ['EXCHANGE_S_ENTERPRISE'],
  },
  {
    skuId: SKU.salesEnterprise,
    skuPartNumber: 'DYN365_ENTERPRISE_SALES',
    name: 'Dynamics 365 for Sales Enterprise Edition',
    plans: ['DYN365_ENTERPRISE_SALES', 'POWERAPPS_DYN_APPS', 'FLOW_DYN_APPS', 'PROJECT_ESSENTIALS'],
  },
  {
    skuId: SKU.salesProfessional,
    skuPartNumber: 'D365_SALES_PRO',
    name: 'Dynamics 365 for Sales Professional',
    plans: ['D365_SALES_PRO', 'POWERAPPS_SALES_PRO', 'FLOW_SALES_PRO'],
  },
  {
    skuId: SKU.customerService,
    skuPartNumber: 'DYN365_ENTERPRISE_CUSTOMER_SERVICE',
    name: 'Dynamics 365 for Customer Service Enterprise Edition',
    plans: ['DYN365_ENTERPRISE_CUSTOMER_SERVICE', 'POWERAPPS_DYN_APPS', 'FLOW_DYN_APPS'],
  },
  {
    skuId: SKU.customerEngagementPlan,
    skuPartNumber: 'DYN365_ENTERPRISE_PLAN1',
    name: 'Dynamics 365 Customer Engagement Plan Enterprise Edition',
    plans: ['DYN365_ENTERPRISE_PLAN1', 'POWERAPPS_DYN_P2', 'FLOW_DYN_P2', 'PROJECT_CLIENT_SUBSCRIPTION'],
  },
  {
    skuId: SKU.teamMembers,
    skuPartNumber: 'DYN365_TEAM_MEMBERS',
    name: 'Dynamics 365 Team Members',
    plans: ['DYN365_ENTERPRISE_TEAM_MEMBERS', 'POWERAPPS_DYN_TEAM', 'FLOW_DYN_TEAM'],
  },
  { skuId: SKU.powerBiPro, skuPartNumber: 'POWER_BI_PRO', name: 'Power BI Pro', plans: ['BI_AZURE_P2'] },
  {
    skuId: SKU.ems,
    skuPartNumber: 'EMS',
    name: 'Enterprise Mobility + Security E3',
    plans: ['INTUNE_A', 'AAD_PREMIUM', 'RMS_S_PREMIUM'],
  },
];

const BY_ID = new Map(SKU_TABLE.map((s) => [s.skuId, s]));

/**
 * The SKU for an id. SKUs outside the table (the fixture has ~150 products) get one plan named after
 * the product, so every offer can be bought and assigned without a hand-written entry.
 */
export function skuInfo(skuId: string, productName = 'Unknown product'): SkuInfo {
  const id = skuId.toLowerCase();
  const known = BY_ID.get(id);
  if (known) return known;
  const part = productName
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return { skuId: id, skuPartNumber: part, name: productName, plans: [part] };
}

export function isKnownSku(skuId: string): boolean {
  return BY_ID.has(skuId.toLowerCase());
}

/** Invented, stable service plan ids (the real ones are not needed by the extension). */
export function servicePlanId(serviceName: string): string {
  return guidFor(`service-plan:${serviceName}`);
}

const PLAN_DISPLAY_NAMES: Readonly<Record<string, string>> = {
  KAIZALA_STANDALONE: 'Microsoft Kaizala Pro',
  KAIZALA_O365_P1: 'Microsoft Kaizala Pro Plan 1',
  KAIZALA_O365_P2: 'Microsoft Kaizala Pro Plan 2',
  KAIZALA_O365_P3: 'Microsoft Kaizala Pro Plan 3',
  DYN365_ENTERPRISE_SALES: 'Dynamics 365 for Sales',
  D365_SALES_PRO: 'Dynamics 365 for Sales Professional',
  DYN365_ENTERPRISE_PLAN1: 'Dynamics 365 Customer Engagement Plan',
  DYN365_ENTERPRISE_CUSTOMER_SERVICE: 'Dynamics 365 for Customer Service',
  DYN365_ENTERPRISE_TEAM_MEMBERS: 'Dynamics 365 for Team Members',
  EXCHANGE_S_STANDARD: 'Exchange Online (Plan 1)',
  EXCHANGE_S_ENTERPRISE: 'Exchange Online (Plan 2)',
  TEAMS1: 'Microsoft Teams',
};

export function servicePlanDisplayName(serviceName: string): string {
  return PLAN_DISPLAY_NAMES[serviceName] ?? serviceName;
}

/** The exclusive group a plan belongs to, if any. */
export function exclusiveGroupOf(serviceName: string): string | undefined {
  for (const [group, plans] of Object.entries(EXCLUSIVE_PLAN_GROUPS)) {
    if (plans.includes(serviceName)) return group;
  }
  return undefined;
}

// Named, seeded data sets. Each builds a fresh partner state from the scenario name and `now` alone
// (no Math.random), so ids, names and dates are identical on every run. Every scenario except
// `partner-2000` and `demo` holds one customer; `demo` holds one customer of each of those, with the
// very same ids as in the single scenario, so a test and the demo talk about the same tenant.
//
// Dates are relative to `now` (default 2026-11-21): a retiring subscription ends 10–90 days ahead with
// auto-renew off (how both guides say expiring subscriptions are found); everything else renews.
import { ADDED_OFFER, FIXTURE_OFFER, offerById, retiredDynamicsOffer } from './offers';
import { CompanySource, NameSource, type PersonName } from './names';
import { guidFor, intBetween, pick, seededRandom } from './prng';
import { customerResource, orderResource, subscriptionRecord } from './resources';
import { userResource } from './resources';
import { addDays, addYears } from './time';
import type {
  CustomerRecord,
  OrderRecord,
  PartnerState,
  Qualification,
  QualificationValue,
  SubscriptionRecord,
  UserRecord,
} from './types';

export const DEFAULT_NOW = new Date('2026-11-21T00:00:00Z');

/** The scenarios with exactly one customer, in the order the demo lists them. */
export const SINGLE_CUSTOMER_SCENARIOS = [
  'small-business-kaizala',
  'education-kaizala',
  'enterprise-kaizala-1200',
  'covered-by-o365-e3',
  'kaizala-with-e5',
  'dynamics-sales-crmol-basic',
  'dynamics-sales-from-sa',
  'dynamics-sales-add-on',
  'dynamics-faculty',
  'dynamics-students',
  'dynamics-government',
  'dynamics-cep',
  'dynamics-shared-sku',
  'no-retirement',
  'korean-customer',
] as const;

export const SCENARIOS = [...SINGLE_CUSTOMER_SCENARIOS, 'partner-2000', 'demo'] as const;

export type SingleCustomerScenario = (typeof SINGLE_CUSTOMER_SCENARIOS)[number];
export type ScenarioName = (typeof SCENARIOS)[number];

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIOS as readonly string[]).includes(name);
}

/** The signed-in partner (the same in every scenario). */
export const PARTNER = {
  tenantId: guidFor('partner:tenant'),
  companyName: 'Contoso Cloud Partners',
  mpnId: '4917823',
} as const;

/** The customer (tenant) id of a single-customer scenario, known without building it. */
export function scenarioCustomerId(scenario: SingleCustomerScenario): string {
  return guidFor(`${scenario}:tenant`);
}

/** Subscription ids are derived from the scenario and a key (`retiring`, `staying`, `expired`, ...). */
export function scenarioSubscriptionId(scenario: string, key: string): string {
  return guidFor(`${scenario}:subscription:${key}`);
}

// ---- building one customer --------------------------------------------------------------------

interface Profile {
  companyName: string;
  domain: string;
  culture?: string;
  language?: string;
  country?: string;
  city?: string;
  region?: string;
  addressLine1?: string;
  postalCode?: string;
}

type Term =
  /** Auto-renew off, ends `daysLeft` days from now (10–90 for a retiring subscription). */
  | { kind: 'retiring'; daysLeft: number }
  /** Auto-renew on, the current term ends `daysLeft` days from now. */
  | { kind: 'renewing'; daysLeft: number }
  /** Ended `daysAgo` days ago without renewing. */
  | { kind: 'expired'; daysAgo: number };

class CustomerBuilder {
  readonly id: string;
  readonly random: () => number;
  readonly names: NameSource;
  private readonly qualifications: Qualification[] = [];
  private readonly subscriptions: SubscriptionRecord[] = [];
  private readonly orders: OrderRecord[] = [];
  private readonly users: UserRecord[] = [];

  constructor(
    readonly key: string,
    private readonly nowMs: number,
    private readonly profile: Profile,
    id?: string,
  ) {
    this.id = id ?? guidFor(`${key}:tenant`);
    this.random = seededRandom(`${key}:data`);
    this.names = new NameSource(this.random);
  }

  qualify(qualification: QualificationValue, vettingStatus: Qualification['vettingStatus'] = 'Approved'): this {
    this.qualifications.push({ qualification, vettingStatus });
    return this;
  }

  /** Adds a subscription (and the completed order that bought it); returns its id. */
  subscribe(subKey: string, offerId: string, quantity: number, term: Term): string {
    const offer = offerById(offerId);
    const id = guidFor(`${this.key}:subscription:${subKey}`);
    const orderId = guidFor(`${this.key}:order:${subKey}`);
    const commitmentEndMs =
      term.kind === 'expired' ? addDays(this.nowMs, -term.daysAgo) : addDays(this.nowMs, term.daysLeft);
    // Bought at the start of this term or a few renewals earlier.
    const termStartMs = addDays(addYears(commitmentEndMs, -1), 1);
    const renewals = term.kind === 'expired' ? 0 : intBetween(this.random, 0, 3);
    const creationMs = addYears(termStartMs, -renewals) + intBetween(this.random, 8, 17) * 3_600_000;
    this.subscriptions.push(
      subscriptionRecord({
        id,
        customerId: this.id,
        offer,
        quantity,
        status: term.kind === 'expired' ? 'expired' : 'active',
        autoRenewEnabled: term.kind === 'renewing',
        creationMs,
        commitmentEndMs,
        orderId,
      }),
    );
    this.orders.push({
      resource: orderResource({
        id: orderId,
        customerId: this.id,
        creationMs,
        billingCycle: 'annual',
        status: 'completed',
        lines: [{ offerId: offer.id, quantity, friendlyName: offer.name, subscriptionId: id }],
      }),
      provisionAtMs: creationMs,
      reservedSubscriptionIds: [id],
    });
    return id;
  }

  /** Adds users; `domain` overrides the tenant's domain for their sign-in names. */
  addUsers(count: number, options: { korean?: boolean; domain?: string; usageLocation?: string } = {}): UserRecord[] {
    const added: UserRecord[] = [];
    for (let i = 0; i < count; i++) {
      const name: PersonName = options.korean ? this.names.korean() : this.names.english();
      const id = guidFor(`${this.key}:user:${this.users.length}`);
      const user: UserRecord = {
        resource: userResource({
          id,
          customerId: this.id,
          firstName: name.firstName,
          lastName: name.lastName,
          displayName: name.displayName,
          userPrincipalName: `${name.alias}@${options.domain ?? this.profile.domain}`,
          usageLocation: options.usageLocation ?? this.profile.country ?? 'US',
        }),
        licenses: [],
      };
      this.users.push(user);
      added.push(user);
    }
    return added;
  }

  /** Gives each user a license of the SKU the offer grants. */
  assign(users: readonly UserRecord[], offerId: string): this {
    const skuId = offerById(offerId).product.id.toLowerCase();
    for (const user of users) {
      if (!user.licenses.some((l) => l.skuId === skuId)) user.licenses.push({ skuId, disabledPlans: [] });
    }
    return this;
  }

  build(scenario: string): CustomerRecord {
    const p = this.profile;
    const contact = this.users[0]?.resource;
    const country = p.country ?? 'US';
    return {
      scenario,
      customer: customerResource({
        id: this.id,
        commerceId: guidFor(`${this.key}:commerce`),
        billingProfileId: guidFor(`${this.key}:billing-profile`),
        companyName: p.companyName,
        domain: p.domain,
        culture: p.culture ?? 'en-US',
        language: p.language ?? 'en',
        country,
        city: p.city ?? 'Redmond',
        ...(p.region ? { region: p.region } : country === 'US' ? { region: 'WA' } : {}),
        addressLine1: p.addressLine1 ?? '1 Microsoft Way',
        postalCode: p.postalCode ?? '98052',
        contact: {
          firstName: contact?.firstName ?? 'Admin',
          lastName: contact?.lastName ?? 'Contact',
          email: contact?.userPrincipalName ?? `admin@${p.domain}`,
          phoneNumber: country === 'KR' ? '+82 2 1234 5678' : '+1 425 555 0100',
        },
      }),
      qualifications: this.qualifications,
      subscriptions: this.subscriptions,
      orders: this.orders,
      users: this.users,
    };
  }
}

// ---- the single-customer scenarios -------------------------------------------------------------

const K = ADDED_OFFER;
const F = FIXTURE_OFFER;
const retired = (name: string): string => retiredDynamicsOffer(name).id;

const SALES_CRMOL_BASIC = retired('Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer)');

type Build = (b: CustomerBuilder) => void;

const SINGLE: Record<SingleCustomerScenario, { profile: Profile; build: Build }> = {
  'small-business-kaizala': {
    profile: { companyName: 'Alpine Ski House', domain: 'alpineskihouse.onmicrosoft.com', city: 'Bellevue' },
    build: (b) => {
      b.subscribe('retiring', K.kaizalaPro, 25, { kind: 'retiring', daysLeft: 30 });
      b.subscribe('exchange', F.exchangePlan1, 25, { kind: 'renewing', daysLeft: 200 });
      // Last year's small Kaizala Pro trial run, long expired: must not count as retiring.
      b.subscribe('expired', K.kaizalaPro, 5, { kind: 'expired', daysAgo: 340 });
      const users = b.addUsers(25);
      b.assign(users, K.kaizalaPro).assign(users, F.exchangePlan1);
    },
  },
  'education-kaizala': {
    profile: { companyName: 'Contoso Community College', domain: 'contosocollege.onmicrosoft.com', city: 'Tacoma' },
    build: (b) => {
      b.qualify('Education');
      b.subscribe('retiring', K.kaizalaPro, 26, { kind: 'retiring', daysLeft: 45 });
      // Faculty and students sign in with different domains, as schools commonly set up.
      const faculty = b.addUsers(6, { domain: 'contosocollege.edu' });
      const students = b.addUsers(20, { domain: 'students.contosocollege.edu' });
      b.assign(faculty, K.kaizalaPro).assign(students, K.kaizalaPro);
    },
  },
  'enterprise-kaizala-1200': {
    profile: { companyName: 'Fabrikam, Inc.', domain: 'fabrikam.onmicrosoft.com', city: 'Seattle' },
    build: (b) => {
      b.subscribe('retiring', K.kaizalaPro, 1250, { kind: 'retiring', daysLeft: 60 });
      b.subscribe('exchange', F.exchangePlan2, 1200, { kind: 'renewing', daysLeft: 120 });
      // A trial used up long ago: the E3 trial is a one-per-customer (lifetime) offer.
      b.subscribe('expired', F.o365E3Trial, 25, { kind: 'expired', daysAgo: 700 });
      const users = b.addUsers(1200);
      b.assign(users, K.kaizalaPro).assign(users, F.exchangePlan2);
    },
  },
  'covered-by-o365-e3': {
    profile: { companyName: 'Tailspin Toys', domain: 'tailspintoys.onmicrosoft.com', city: 'Kirkland' },
    build: (b) => {
      b.subscribe('retiring', K.kaizalaPro, 40, { kind: 'retiring', daysLeft: 20 });
      b.subscribe('o365-e3', F.o365E3, 40, { kind: 'renewing', daysLeft: 150 });
      const users = b.addUsers(40);
      b.assign(users, K.kaizalaPro).assign(users, F.o365E3);
    },
  },
  'kaizala-with-e5': {
    profile: { companyName: 'Northwind Traders', domain: 'northwindtraders.onmicrosoft.com', city: 'Everett' },
    build: (b) => {
      // E5 is subscribed first, so the API lists it (subscriptions and subscribed SKUs) before Kaizala
      // Pro: an extension that takes the first SKU carrying KAIZALA_STANDALONE would pick E5's and
      // strip E5 holders. E5 users do not hold Kaizala Pro; only the other 25 must move.
      b.subscribe('o365-e5', F.o365E5, 40, { kind: 'renewing', daysLeft: 160 });
      b.subscribe('retiring', K.kaizalaPro, 25, { kind: 'retiring', daysLeft: 30 });
      const users = b.addUsers(65);
      b.assign(users.slice(0, 40), F.o365E5).assign(users.slice(40), K.kaizalaPro);
    },
  },
  'dynamics-sales-crmol-basic': {
    profile: {
      companyName: 'Wide World Importers',
      domain: 'wideworldimporters.onmicrosoft.com',
      city: 'Portland',
      region: 'OR',
    },
    build: (b) => {
      b.subscribe('retiring', SALES_CRMOL_BASIC, 20, { kind: 'retiring', daysLeft: 35 });
      b.subscribe('o365-e3', F.o365E3, 25, { kind: 'renewing', daysLeft: 180 });
      const users = b.addUsers(25);
      b.assign(users.slice(0, 18), SALES_CRMOL_BASIC).assign(users, F.o365E3);
    },
  },
  'dynamics-sales-from-sa': {
    profile: {
      companyName: 'Lucerne Publishing',
      domain: 'lucernepublishing.onmicrosoft.com',
      city: 'Boston',
      region: 'MA',
    },
    build: (b) => {
      const offer = retired('Dynamics 365 for Sales Enterprise Edition From SA for CRM Basic (Qualified Offer)');
      b.subscribe('retiring', offer, 12, { kind: 'retiring', daysLeft: 50 });
      b.subscribe('o365-e3', F.o365E3, 15, { kind: 'renewing', daysLeft: 90 });
      const users = b.addUsers(15);
      b.assign(users.slice(0, 12), offer).assign(users, F.o365E3);
    },
  },
  'dynamics-sales-add-on': {
    profile: { companyName: 'Litware, Inc.', domain: 'litware.onmicrosoft.com', city: 'Austin', region: 'TX' },
    build: (b) => {
      const offer = retired('Dynamics 365 for Sales Enterprise Edition Add-On for CRM Basic (Qualified Offer)');
      b.subscribe('retiring', offer, 8, { kind: 'retiring', daysLeft: 70 });
      b.subscribe('o365-e1', F.o365E1, 10, { kind: 'renewing', daysLeft: 240 });
      const users = b.addUsers(10);
      b.assign(users.slice(0, 8), offer).assign(users, F.o365E1);
    },
  },
  'dynamics-faculty': {
    profile: { companyName: 'Bellows College', domain: 'bellowscollege.onmicrosoft.com', city: 'Spokane' },
    build: (b) => {
      b.qualify('Education');
      const offer = retired('Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer) for Faculty');
      b.subscribe('retiring', offer, 10, { kind: 'retiring', daysLeft: 25 });
      const faculty = b.addUsers(10, { domain: 'bellowscollege.edu' });
      b.assign(faculty, offer);
    },
  },
  'dynamics-students': {
    profile: { companyName: 'School of Fine Art', domain: 'schooloffineart.onmicrosoft.com', city: 'Olympia' },
    build: (b) => {
      b.qualify('Education');
      const offer = retired(
        'Dynamics 365 Customer Engagement Plan Enterprise Edition CRMOL Basic (Qualified Offer) for Students',
      );
      b.subscribe('retiring', offer, 30, { kind: 'retiring', daysLeft: 55 });
      const students = b.addUsers(28, { domain: 'students.schooloffineart.edu' });
      b.assign(students, offer);
    },
  },
  'dynamics-government': {
    profile: { companyName: 'Woodgrove County Government', domain: 'woodgrovecounty.onmicrosoft.com', city: 'Yakima' },
    build: (b) => {
      b.qualify('GovernmentCommunityCloud');
      const offer = retired(
        'Dynamics 365 for Sales Enterprise Edition (Government Pricing) CRMOL Basic (Qualified Offer)',
      );
      b.subscribe('retiring', offer, 15, { kind: 'retiring', daysLeft: 85 });
      const users = b.addUsers(15);
      b.assign(users, offer);
    },
  },
  'dynamics-cep': {
    profile: { companyName: 'Adventure Works Cycles', domain: 'adventureworks.onmicrosoft.com', city: 'Bothell' },
    build: (b) => {
      const offer = retired('Dynamics 365 Customer Engagement Plan Enterprise Edition CRMOL Basic (Qualified Offer)');
      b.subscribe('retiring', offer, 30, { kind: 'retiring', daysLeft: 15 });
      b.subscribe('o365-e3', F.o365E3, 30, { kind: 'renewing', daysLeft: 300 });
      const users = b.addUsers(30);
      b.assign(users.slice(0, 27), offer).assign(users, F.o365E3);
    },
  },
  'dynamics-shared-sku': {
    profile: { companyName: 'Proseware, Inc.', domain: 'proseware.onmicrosoft.com', city: 'Redmond' },
    build: (b) => {
      // Both grant SKU 1e1a282c…: 25 pooled seats, 22 users; only the retiring 10 seats' share must move:
      // users to move = max(0, 22 − (25 − 10)) = 7.
      b.subscribe('retiring', SALES_CRMOL_BASIC, 10, { kind: 'retiring', daysLeft: 40 });
      b.subscribe('staying', F.salesEnterpriseCrmolProfessional, 15, { kind: 'renewing', daysLeft: 250 });
      const users = b.addUsers(25);
      b.assign(users.slice(0, 22), SALES_CRMOL_BASIC);
    },
  },
  'no-retirement': {
    profile: { companyName: 'Coho Winery', domain: 'cohowinery.onmicrosoft.com', city: 'Napa', region: 'CA' },
    build: (b) => {
      // Look-alikes of the retired names, all current offers of the recording, all renewing.
      b.subscribe('sales-pro-add-on', F.salesProfessionalAddOnCrmolBasic, 10, { kind: 'renewing', daysLeft: 40 });
      b.subscribe('customer-service-add-on', F.customerServiceAddOnCrmBasic, 5, { kind: 'renewing', daysLeft: 25 });
      b.subscribe('sales-crmol-professional', F.salesEnterpriseCrmolProfessional, 5, {
        kind: 'renewing',
        daysLeft: 60,
      });
      b.subscribe('cep-crmol-professional', F.customerEngagementPlanCrmolProfessional, 3, {
        kind: 'renewing',
        daysLeft: 75,
      });
      b.subscribe('business-premium', F.businessPremium, 20, { kind: 'renewing', daysLeft: 15 });
      const users = b.addUsers(20);
      b.assign(users, F.businessPremium);
      b.assign(users.slice(0, 10), F.salesProfessionalAddOnCrmolBasic);
      b.assign(users.slice(10, 15), F.customerServiceAddOnCrmBasic);
      b.assign(users.slice(15, 20), F.salesEnterpriseCrmolProfessional);
    },
  },
  'korean-customer': {
    profile: {
      companyName: '한결테크 주식회사',
      domain: 'hangyeoltech.onmicrosoft.com',
      culture: 'ko-KR',
      language: 'ko',
      country: 'KR',
      city: '서울',
      addressLine1: '테헤란로 123',
      postalCode: '06236',
    },
    build: (b) => {
      b.subscribe('retiring', K.kaizalaPro, 12, { kind: 'retiring', daysLeft: 28 });
      b.subscribe('exchange', F.exchangePlan1, 12, { kind: 'renewing', daysLeft: 210 });
      const users = b.addUsers(12, { korean: true });
      b.assign(users, K.kaizalaPro).assign(users, F.exchangePlan1);
    },
  },
};

function buildSingle(scenario: SingleCustomerScenario, nowMs: number): CustomerRecord {
  const spec = SINGLE[scenario];
  const builder = new CustomerBuilder(scenario, nowMs, spec.profile);
  spec.build(builder);
  return builder.build(scenario);
}

// ---- the 2,000-customer partner ----------------------------------------------------------------

/** Commercial retired offers the 2,000-customer partner's retiring customers hold, in rotation. */
const PARTNER_2000_RETIRING = [
  K.kaizalaPro,
  SALES_CRMOL_BASIC,
  retired('Dynamics 365 for Sales Enterprise Edition From SA for CRM Basic (Qualified Offer)'),
  retired('Dynamics 365 for Sales Enterprise Edition Add-On for CRM Basic (Qualified Offer)'),
  retired('Dynamics 365 Customer Engagement Plan Enterprise Edition CRMOL Basic (Qualified Offer)'),
  retired('Dynamics 365 Customer Engagement Plan Enterprise Edition From SA for CRM Basic (Qualified Offer)'),
  retired('Dynamics 365 Customer Engagement Plan Enterprise Edition Add-On for CRM Basic (Qualified Offer)'),
] as const;

const PARTNER_2000_EVERYDAY = [
  F.businessEssentials,
  F.businessPremium,
  F.m365Business,
  F.o365E1,
  F.o365E3,
  F.m365E3,
  F.exchangePlan1,
  F.powerBiPro,
  F.ems,
] as const;

/** Every 20th customer (index ≡ 7 mod 20) has a retiring subscription: 100 of 2,000, i.e. 5%. */
export function partner2000IsRetiring(index: number): boolean {
  return index % 20 === 7;
}

function buildPartner2000(nowMs: number): CustomerRecord[] {
  const random = seededRandom('partner-2000:companies');
  const companies = new CompanySource(random);
  const customers: CustomerRecord[] = [];
  for (let i = 0; i < 2000; i++) {
    const { companyName, domain } = companies.next();
    const b = new CustomerBuilder(`partner-2000:${i}`, nowMs, { companyName, domain });
    const users = b.addUsers(intBetween(b.random, 1, 6));
    const everyday = pick(b.random, PARTNER_2000_EVERYDAY);
    b.subscribe('everyday', everyday, users.length + intBetween(b.random, 0, 3), {
      kind: 'renewing',
      daysLeft: intBetween(b.random, 5, 360),
    });
    b.assign(users, everyday);
    if (partner2000IsRetiring(i)) {
      const offer = PARTNER_2000_RETIRING[Math.floor(i / 20) % PARTNER_2000_RETIRING.length] ?? K.kaizalaPro;
      b.subscribe('retiring', offer, users.length, { kind: 'retiring', daysLeft: intBetween(b.random, 10, 90) });
      b.assign(users, offer);
    }
    customers.push(b.build('partner-2000'));
  }
  return customers;
}

// ---- entry point -------------------------------------------------------------------------------

/** A fresh partner state for the named scenario. Throws on an unknown name. */
export function buildScenario(name: string, now: Date = DEFAULT_NOW): PartnerState {
  if (!isScenarioName(name)) {
    throw new Error(`Unknown scenario "${name}". Known: ${SCENARIOS.join(', ')}`);
  }
  const nowMs = now.getTime();
  const customers =
    name === 'partner-2000'
      ? buildPartner2000(nowMs)
      : name === 'demo'
        ? SINGLE_CUSTOMER_SCENARIOS.map((s) => buildSingle(s, nowMs))
        : [buildSingle(name, nowMs)];
  return { version: 1, scenario: name, partner: { ...PARTNER }, customers, idCounter: 0 };
}

import { builtInCatalog, matchRetiredOffer } from '@/lib/catalog';
import type { RetiredOffer, Retirement } from '@/lib/catalog/schema';
import { pickReplacement } from './pick';
import type {
  CustomerInfo,
  OtherSubscription,
  PickInput,
  PickSuccess,
  ReplacementOption,
  SubscribedSku,
  TenantUser,
} from './types';

/**
 * Builders for the picker's tests: a tenant described in a few numbers. Ids below that are not in
 * the contract's table are made up for the tests (Kaizala Pro's real SKU id is unpublished).
 */

export function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`test fixture: ${what} not found`);
  return value;
}

export const retirementById = (id: string): Retirement =>
  must(
    builtInCatalog.retirements.find((r) => r.id === id),
    id,
  );
export const kaizala = retirementById('kaizala-pro-standalone');
export const dynamics = retirementById('dynamics-365-crm-basic-qualified');
export const offerByKey = (r: Retirement, key: string): RetiredOffer =>
  must(
    r.retiredOffers.find((o) => o.key === key),
    key,
  );

/** A writable copy of a built-in retirement (the built-in catalog is frozen). */
export const cloneRetirement = (r: Retirement): Retirement => structuredClone(r) as Retirement;

export const SKU = {
  kaizalaPro: 'a1b2c3d4-0000-4000-8000-00000000ca12', // made up: the tenant's Kaizala Pro standalone SKU
  salesEnterprise: '1e1a282c-9c54-43a2-9310-98ef728faace',
  cep: 'ea126fc5-a19e-42e2-a731-da9d437bffcf',
  o365E3: '6fd2c87f-b296-42f0-b197-1e91e994b900',
  m365E5: '06ebc4ee-1bb5-47dd-8120-11324bc54e06',
  m365F3: '66b55226-6b4f-492c-910c-a3b7a3c9d993',
  businessPremium: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46',
  suiteWithKaizala: 'a1b2c3d4-0000-4000-8000-00000000beef', // made up: an unknown suite carrying KAIZALA_STANDALONE
} as const;

export const sku = (over: Partial<SubscribedSku> & Pick<SubscribedSku, 'skuId'>): SubscribedSku => ({
  totalUnits: 0,
  consumedUnits: 0,
  servicePlans: [],
  ...over,
});

export const kaizalaProSku = (total: number, consumed: number): SubscribedSku =>
  sku({
    skuId: SKU.kaizalaPro,
    name: 'Microsoft Kaizala Pro',
    totalUnits: total,
    consumedUnits: consumed,
    servicePlans: ['KAIZALA_STANDALONE'],
  });
export const e3Sku = (total: number, consumed: number): SubscribedSku =>
  sku({
    skuId: SKU.o365E3,
    name: 'Office 365 E3',
    skuPartNumber: 'ENTERPRISEPACK',
    totalUnits: total,
    consumedUnits: consumed,
    servicePlans: ['EXCHANGE_S_ENTERPRISE', 'TEAMS1', 'KAIZALA_O365_P3', 'SHAREPOINTENTERPRISE'],
  });
export const e5Sku = (total: number, consumed: number): SubscribedSku =>
  sku({
    skuId: SKU.m365E5,
    name: 'Microsoft 365 E5',
    skuPartNumber: 'SPE_E5',
    totalUnits: total,
    consumedUnits: consumed,
    servicePlans: ['EXCHANGE_S_ENTERPRISE', 'TEAMS1', 'KAIZALA_STANDALONE', 'SHAREPOINTENTERPRISE', 'MCOEV'],
  });

export const plainCustomer: CustomerInfo = {
  id: 'c0ffee00-0000-4000-8000-000000000001',
  companyName: 'Contoso',
  country: 'US',
  qualifications: [],
};
export const customerWith = (...qualifications: string[]): CustomerInfo => ({ ...plainCustomer, qualifications });

export const sub = (over: Partial<OtherSubscription> & Pick<OtherSubscription, 'offerName'>): OtherSubscription => ({
  id: `sub-${over.offerName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
  offerId: 'B2CCB51A-0000-4000-8000-000000000000',
  quantity: 10,
  status: 'active',
  ...over,
});

/** `n` users holding the given SKUs; ids run u1, u2, ... from `start`. */
export const users = (n: number, skuIds: string[], start = 1): TenantUser[] =>
  Array.from({ length: n }, (_, i) => ({ id: `u${start + i}`, skuIds }));

export interface Tenant {
  retirement: Retirement;
  offer: RetiredOffer;
  /** Seats of the retiring subscription. */
  quantity?: number;
  /** Users holding the retired license; default: all seats. */
  holders?: number;
  /** The pooled SKU's total seats; default: the retiring subscription's seats plus the staying ones. */
  total?: number;
  customer?: CustomerInfo | null;
  others?: OtherSubscription[];
  /** Extra tenant SKUs besides the retired one. */
  skus?: SubscribedSku[];
  users?: TenantUser[];
  status?: string;
}

/** A tenant holding one retiring subscription of `offer`, its SKU listed in subscribedSkus. */
export function tenant(t: Tenant): PickInput {
  const quantity = t.quantity ?? 10;
  const staying = (t.others ?? []).reduce((n, s) => n + (s.status === 'active' && s.skuId ? s.quantity : 0), 0);
  const total = t.total ?? quantity + staying;
  const holders = t.holders ?? quantity;
  const retiredSku =
    t.offer.workload === 'kaizala'
      ? kaizalaProSku(total, holders)
      : sku({
          skuId: t.offer.skuId,
          name: t.offer.name.en,
          totalUnits: total,
          consumedUnits: holders,
          servicePlans: t.retirement.retiredServicePlans,
        });
  return {
    retiring: {
      id: 'retiring-1',
      offerId: t.offer.offerId,
      offerName: t.offer.name.en,
      quantity,
      status: t.status ?? 'active',
      autoRenewEnabled: false,
      commitmentEndDate: '2020-12-31',
    },
    match: { retirement: t.retirement, offer: t.offer },
    customer: t.customer === undefined ? plainCustomer : t.customer,
    otherSubscriptions: t.others ?? [],
    subscribedSkus: [retiredSku, ...(t.skus ?? [])],
    ...(t.users ? { users: t.users } : {}),
  };
}

/** The picker's answer for a 25-seat Kaizala Pro customer with nothing else, for tests of what shows it. */
export function kaizalaPick(): { pick: PickSuccess; top: ReplacementOption } {
  const pick = pickReplacement({
    retiring: { id: 's1', offerId: 'x', offerName: 'Kaizala Pro', quantity: 25, status: 'active' },
    match: matchRetiredOffer(builtInCatalog, { offerName: 'Kaizala Pro' }),
    customer: { id: 'c1', qualifications: [] },
    otherSubscriptions: [],
    subscribedSkus: [{ skuId: 'k', totalUnits: 25, consumedUnits: 25, servicePlans: ['KAIZALA_STANDALONE'] }],
  });
  if (!pick.ok || !pick.options[0]) throw new Error('fixture did not pick');
  return { pick, top: pick.options[0] };
}

/**
 * The options the agent can choose in the panel: every eligible one, and the top one (chosen at first,
 * even when no option can take every user).
 */
export const choosable = (pick: PickSuccess): ReplacementOption[] =>
  pick.options.filter((o, i) => i === 0 || o.eligible);

/**
 * Facts the panel's "Why this replacement" would state twice for some choice of option: the picker's
 * overall reasons and the chosen option's, compared by fact (two wordings of one fact are caught too).
 */
export function repeatedFacts(pick: PickSuccess): string[] {
  const repeated: string[] = [];
  for (const option of choosable(pick)) {
    const facts = [...pick.reasons, ...option.reasons].map((r) => r.fact);
    const twice = facts.filter((f, i) => facts.indexOf(f) !== i);
    repeated.push(...twice.map((f) => `${option.plan.key}: ${f}`));
  }
  return repeated;
}

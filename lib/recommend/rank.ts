import { isPlaceholder, type ReplacementPlan, type Retirement } from '@/lib/catalog/schema';
import { sameId } from './ids';
import type { OtherSubscription, ReplacementOption, SubscribedSku } from './types';

/**
 * Replacement plans the customer already has (rule 6), from its active subscriptions (by SKU or
 * offer id) and from the tenant's SKUs with seats. The retired license is left out: the CEP plan
 * shares its SKU with the retired CEP offers, and owning the retired offer says nothing about taste.
 */
export function ownedPlans(
  retirement: Retirement,
  retiredSkuIds: (string | null)[],
  subscriptions: OtherSubscription[],
  skus: SubscribedSku[],
): ReplacementPlan[] {
  const retired = (id: string | undefined) => retiredSkuIds.some((r) => sameId(r, id));
  const skuIds = [
    ...subscriptions
      .filter((s) => (s.status ?? '').trim().toLowerCase() === 'active' && s.skuId && !retired(s.skuId))
      .map((s) => s.skuId as string),
    ...skus.filter((s) => s.totalUnits > 0 && !retired(s.skuId)).map((s) => s.skuId),
  ];
  const offerIds = subscriptions
    .filter((s) => (s.status ?? '').trim().toLowerCase() === 'active' && !retired(s.skuId))
    .map((s) => s.offerId);
  return retirement.replacements.filter(
    (p) =>
      p.skuIds.some((id) => !retired(id) && skuIds.some((s) => sameId(s, id))) ||
      p.offers.some((o) => !isPlaceholder(o.offerId) && offerIds.some((id) => sameId(id, o.offerId))),
  );
}

/** The seat limit of Business plans in this retirement (300 in the guide), or null without any. */
export function businessCap(retirement: Retirement): number | null {
  const caps = retirement.replacements
    .filter((p) => p.family === 'business')
    .flatMap((p) => p.offers.map((o) => o.maxQuantity));
  return caps.length > 0 ? Math.max(...caps) : null;
}

export interface RankContext {
  retirement: Retirement;
  workload: string;
  owned: ReplacementPlan[];
  /** More seats needed than any Business plan sells: Enterprise plans go first. */
  large: boolean;
}

interface Ranked {
  option: ReplacementOption;
  fallback: boolean;
}

/**
 * The ranking, most important first: eligible before ineligible (rule 3); the customer's own audience
 * before a commercial fallback (rule 1); plans serving the retired workload before alternatives
 * (rule 5); a plan the customer owns, then its family, then Enterprise when the seat count is over
 * the Business cap (rule 6); and finally the catalog's order, which is the guide's preference.
 */
export function rankOptions(items: Ranked[], ctx: RankContext): ReplacementOption[] {
  const index = (p: ReplacementPlan) => ctx.retirement.replacements.indexOf(p);
  const families = new Set(ctx.owned.map((p) => p.family));
  const familyTier = (p: ReplacementPlan): number => {
    if (ctx.owned.includes(p)) return 0;
    if (families.has(p.family)) return 1;
    if (ctx.large && p.family === 'enterprise') return 2;
    return 3;
  };
  const key = ({ option, fallback }: Ranked): number[] => [
    option.eligible ? 0 : 1,
    fallback ? 1 : 0,
    option.plan.servesWorkloads.includes(ctx.workload) ? 0 : 1,
    familyTier(option.plan),
    index(option.plan),
  ];
  return items
    .map((item) => ({ item, k: key(item) }))
    .sort((a, b) => {
      for (let i = 0; i < a.k.length; i++) {
        const d = (a.k[i] ?? 0) - (b.k[i] ?? 0);
        if (d !== 0) return d;
      }
      return 0;
    })
    .map(({ item }) => item.option);
}

import type { Offer, SessionClient, SubscribedSku } from '@/lib/api';
import type { RetiredOffer, Retirement } from '@/lib/catalog';
import { isGuid } from '@/lib/catalog/guid';
import { normalizeOfferName } from '@/lib/catalog/normalize';
import { coversService } from '@/lib/recommend/coverage';
import { sameId } from '@/lib/recommend/ids';
import type { ReplacementOption } from '@/lib/recommend';
import type { ReplacementInput } from './events';
import { StepStop } from './steps/deps';
import type { MigrationRecord } from './types';

/**
 * Which products a migration moves users between, decided from what the API shows, never guessed.
 * The retiring SKU comes from the retiring subscription itself: its offer's product in the offers
 * list, the catalog's published id, or the one tenant product named as the retired offer. A product
 * that merely contains the retired service plan (Office 365 E5 contains KAIZALA_STANDALONE) names it
 * only when it is the single such product that is no replacement; anything less certain is unknown,
 * and steps B and C refuse.
 */

type OfferFact = Pick<Offer, 'id'> & { product: { id: string } };

export interface SkuFacts {
  /** The retiring subscription's offer. */
  offerId: string;
  offers: readonly OfferFact[];
  skus: readonly SubscribedSku[];
  retirement: Retirement;
  retiredOffer: RetiredOffer;
}

/** The retiring product's SKU id (lower case), or null when the facts do not name exactly one. */
export function retiringSku(facts: SkuFacts): string | null {
  const listed = facts.offers.find((o) => sameId(o.id, facts.offerId));
  if (listed) return listed.product.id.toLowerCase();
  if (isGuid(facts.retiredOffer.skuId)) return facts.retiredOffer.skuId.toLowerCase();
  const names = [facts.retiredOffer.name.en, facts.retiredOffer.name.ko, ...facts.retiredOffer.aliases]
    .map(normalizeOfferName)
    .filter((n) => n !== '');
  const named = facts.skus.filter((s) => names.includes(normalizeOfferName(s.productSku.name)));
  if (named.length === 1 && named[0]) return named[0].productSku.id.toLowerCase();
  if (named.length > 1) return null;
  const plans = facts.retirement.retiredServicePlans.map((p) => p.toLowerCase());
  const replacements = facts.retirement.replacements.flatMap((p) => p.skuIds);
  const holders = facts.skus.filter(
    (s) =>
      s.servicePlans.some((p) => plans.includes(p.serviceName.toLowerCase())) &&
      !replacements.some((id) => sameId(id, s.productSku.id)),
  );
  return holders.length === 1 && holders[0] ? holders[0].productSku.id.toLowerCase() : null;
}

/** The replacement's SKU id: its offer's product, else the plan's published id; null when unknown. */
export function replacementSku(
  offers: readonly OfferFact[],
  replacement: { offerId: string; skuIds: readonly string[] },
): string | null {
  const listed = offers.find((o) => sameId(o.id, replacement.offerId));
  if (listed) return listed.product.id.toLowerCase();
  return replacement.skuIds.find(isGuid)?.toLowerCase() ?? null;
}

/**
 * What a migration moves to when the agent picks this option: its offer, the SKU that offer grants
 * and the product name licenses show (the tenant's name when it owns the product, else the plan's).
 * Shown and stored for the record only: each step reads the SKUs again when it starts.
 */
export function replacementFrom(
  option: ReplacementOption,
  offers: readonly OfferFact[],
  skus: readonly SubscribedSku[],
): ReplacementInput {
  const skuId = replacementSku(offers, { offerId: option.offer.offerId, skuIds: option.plan.skuIds });
  const owned = skuId ? skus.find((s) => sameId(s.productSku.id, skuId)) : undefined;
  return {
    planKey: option.plan.key,
    offerId: option.offer.offerId,
    offerName: option.offer.name,
    skuId,
    productName: owned?.productSku.name ?? option.plan.name.en,
    quantity: Math.max(1, option.quantity),
  };
}

/** Both SKUs and the tenant's products, read from the API when a step starts. */
export interface FreshSkus {
  oldSku: string | null;
  newSku: string | null;
  skus: SubscribedSku[];
  /** The product name licenses show for a SKU, if the tenant has it. */
  nameOf(sku: string | null): string | undefined;
}

/**
 * Reads the offers and the tenant's products now and decides both SKUs. A failed read stops the step
 * (nothing decided, nothing stored): the next attempt reads again.
 */
export async function readSkus(
  api: Pick<SessionClient, 'listOffers' | 'listSubscribedSkus'>,
  record: MigrationRecord,
  catalog: { retirement: Retirement; retiredOffer: RetiredOffer },
  country: string,
  signal: AbortSignal,
): Promise<FreshSkus> {
  const [offers, skus] = await Promise.all([
    api.listOffers(country, { signal }),
    api.listSubscribedSkus(record.tenantId, { signal }),
  ]);
  if (!offers.ok) throw new StepStop('api', 'offers', null, offers.error.kind);
  if (!skus.ok) throw new StepStop('api', 'licenses', null, skus.error.kind);
  const plan = catalog.retirement.replacements.find((p) => p.key === record.replacement.planKey);
  const oldSku = retiringSku({ offerId: record.retiring.offerId, offers: offers.data, skus: skus.data, ...catalog });
  const newSku = replacementSku(offers.data, {
    offerId: record.replacement.offerId,
    skuIds: plan?.skuIds ?? (record.replacement.skuId ? [record.replacement.skuId] : []),
  });
  return {
    oldSku,
    newSku,
    skus: skus.data,
    nameOf: (sku) => skus.data.find((s) => sku !== null && sameId(s.productSku.id, sku))?.productSku.name,
  };
}

/**
 * The customer's products, other than the retiring one, that include the retired service (a service
 * plan with one of the retirement's covering prefixes, KAIZALA_ for Kaizala): lower-case SKU ids.
 */
export function coveringSkus(skus: readonly SubscribedSku[], retirement: Retirement, retiringSku: string | null): string[] {
  return skus
    .filter((s) => s.productSku.id.toLowerCase() !== retiringSku)
    .filter((s) => coversService(retirement, s.servicePlans.map((p) => p.serviceName)))
    .map((s) => s.productSku.id.toLowerCase());
}

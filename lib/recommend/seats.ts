import { normalizeOfferName } from '@/lib/catalog/normalize';
import { isPlaceholder, type RetiredOffer, type Retirement } from '@/lib/catalog/schema';
import { isWholeCount, normId, sameId, sameName } from './ids';
import { fail } from './reasons';
import type { OtherSubscription, PickFailure, SubscribedSku, TenantUser } from './types';
import type { CheckedInput } from './validate';

/** Who holds the retired license and how many of them must move (rule 8). */
export interface SeatCount {
  /** The tenant's id of the retired license (lower case), when it is known. */
  retiredSkuId: string | null;
  retiredSku: SubscribedSku | null;
  /** Users who hold the retired license. */
  licensedUsers: number;
  /** Those users, when per-user licenses were given (coverage is then decided per user). */
  holders: TenantUser[] | null;
  /** Other active subscriptions granting the same SKU: their seats stay. */
  staying: OtherSubscription[];
  stayingSeats: number;
  usersToMove: number;
}

const hasPlan = (sku: SubscribedSku, plans: string[]): boolean =>
  sku.servicePlans.some((p) => plans.some((r) => sameName(p, r)));

/**
 * Finds the retired license among the tenant's SKUs. By id when the catalog knows it; otherwise by
 * its service plan. That plan can also sit inside bigger products (KAIZALA_STANDALONE is part of
 * E5 and A5), so replacement-plan SKUs are skipped and the smallest candidate wins: a standalone
 * product carries few plans, a suite many.
 */
export function findRetiredSku(
  retirement: Retirement,
  offer: RetiredOffer,
  skus: SubscribedSku[],
): SubscribedSku | null {
  if (!isPlaceholder(offer.skuId)) return skus.find((s) => sameId(s.skuId, offer.skuId)) ?? null;
  const plans = retirement.retiredServicePlans;
  if (plans.length === 0) return null;
  const replacementIds = retirement.replacements.flatMap((p) => p.skuIds);
  const candidates = skus
    .filter((s) => hasPlan(s, plans) && !replacementIds.some((id) => sameId(id, s.skuId)))
    .sort(
      (a, b) =>
        Number(!plans.some((p) => sameName(p, a.skuPartNumber ?? ''))) -
          Number(!plans.some((p) => sameName(p, b.skuPartNumber ?? ''))) ||
        a.servicePlans.length - b.servicePlans.length ||
        normId(a.skuId).localeCompare(normId(b.skuId)),
    );
  return candidates[0] ?? null;
}

/**
 * Another subscription shares the retired license when its SKU is the retired one, or, when the
 * caller could not resolve its SKU (retired offers are missing from the offers list), when it is
 * itself one of the retirement's offers granting that SKU.
 */
function sharesSku(sub: OtherSubscription, retiredSkuId: string | null, retirement: Retirement, offer: RetiredOffer) {
  if (sub.skuId) return sameId(sub.skuId, retiredSkuId) || sameId(sub.skuId, offer.skuId);
  // Names are compared the way the catalog matcher compares them, so both agree on what an offer is.
  const key = normalizeOfferName(sub.offerName ?? '');
  return retirement.retiredOffers.some(
    (o) =>
      (o.skuId === offer.skuId || sameId(o.skuId, offer.skuId)) &&
      (sameId(o.offerId, sub.offerId) ||
        (key !== '' && [o.name.en, o.name.ko, ...o.aliases].some((n) => normalizeOfferName(n) === key))),
  );
}

const inconsistent = (reason: PickFailure['reason']): PickFailure => ({
  ok: false,
  code: 'inconsistent-seats',
  reason,
});

/**
 * Counts the users to move. Seats of one SKU are pooled (contract, section 3): when subscriptions
 * that stay grant the same SKU, users to move = max(0, assigned - (total seats - retiring seats)).
 * With no such subscription every holder moves, whatever the tenant's total says.
 */
export function countSeats(input: CheckedInput): SeatCount | PickFailure {
  const { retirement, offer } = input.match;
  const { retiring } = input;
  const retiredSku = findRetiredSku(retirement, offer, input.subscribedSkus);
  const retiredSkuId = retiredSku ? normId(retiredSku.skuId) : isPlaceholder(offer.skuId) ? null : normId(offer.skuId);
  const name = retiredSku?.name ?? retiredSku?.skuPartNumber ?? offer.name.en;

  if (retiredSku && (!isWholeCount(retiredSku.totalUnits) || !isWholeCount(retiredSku.consumedUnits))) {
    return inconsistent(fail.badCounts(name, retiredSku.totalUnits, retiredSku.consumedUnits));
  }

  // Per-user licenses are exact; the tenant's consumed count is the fallback.
  let holders: TenantUser[] | null = null;
  let licensedUsers: number;
  if (input.users && retiredSkuId) {
    holders = input.users.filter((u) => u.skuIds.some((id) => sameId(id, retiredSkuId)));
    licensedUsers = holders.length;
  } else if (retiredSku) {
    licensedUsers = retiredSku.consumedUnits;
  } else {
    return { ok: false, code: 'no-license-data', reason: fail.noLicenseData(offer) };
  }

  const staying = input.otherSubscriptions.filter(
    (s) =>
      s.id !== retiring.id &&
      (s.status ?? '').trim().toLowerCase() === 'active' &&
      sharesSku(s, retiredSkuId, retirement, offer),
  );
  const badOther = staying.find((s) => !isWholeCount(s.quantity));
  if (badOther) return inconsistent(fail.badOtherQuantity(badOther.offerName, badOther.quantity));

  const total = retiredSku?.totalUnits ?? retiring.quantity + staying.reduce((n, s) => n + s.quantity, 0);
  if (total < retiring.quantity) return inconsistent(fail.poolBelowSubscription(name, total, retiring.quantity));
  if (licensedUsers > total) return inconsistent(fail.moreUsersThanSeats(name, licensedUsers, total));

  const stayingSeats = staying.length === 0 ? 0 : total - retiring.quantity;
  return {
    retiredSkuId,
    retiredSku,
    licensedUsers,
    holders,
    staying,
    stayingSeats,
    usersToMove: Math.max(0, licensedUsers - stayingSeats),
  };
}

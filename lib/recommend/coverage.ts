import type { Retirement } from '@/lib/catalog/schema';
import { normId, sameId } from './ids';
import type { SeatCount } from './seats';
import type { SubscribedSku } from './types';

/** Users who already have the retired service through another product (rule 4). */
export interface Coverage {
  /** Of the users to move, those who need no new seat. */
  coveredUsers: number;
  seatsToBuy: number;
  /** The covering products, for the reason. */
  by: SubscribedSku[];
  /** 'users' when decided per user, 'counts' when judged from the tenant's license counts. */
  basis: 'users' | 'counts' | null;
}

export const skuName = (s: SubscribedSku): string => s.name ?? s.skuPartNumber ?? s.skuId;

/** A product covers the service when one of its service plans starts with a covering prefix (KAIZALA_). */
export function coversService(retirement: Retirement, servicePlans: readonly string[]): boolean {
  const prefixes = retirement.coveringServicePlanPrefixes.map((p) => p.trim().toUpperCase()).filter(Boolean);
  return servicePlans.some((plan) => prefixes.some((p) => plan.trim().toUpperCase().startsWith(p)));
}

/** The products that cover the service; the retired license itself carries such a plan, so it never counts. */
export function coveringSkus(retirement: Retirement, seats: SeatCount, skus: SubscribedSku[]): SubscribedSku[] {
  return skus.filter(
    (s) =>
      !sameId(s.skuId, seats.retiredSkuId) && s !== seats.retiredSku && coversService(retirement, s.servicePlans),
  );
}

export function decideCoverage(
  retirement: Retirement,
  seats: SeatCount,
  skus: SubscribedSku[],
  /** The tenant's users, for the counts' pigeonhole; unknown: counts prove nothing. */
  userCount?: number,
): Coverage {
  const none: Coverage = { coveredUsers: 0, seatsToBuy: seats.usersToMove, by: [], basis: null };
  if (seats.usersToMove === 0) return none;
  const covering = coveringSkus(retirement, seats, skus);
  if (covering.length === 0) return none;

  if (seats.holders) {
    const coveringIds = new Set(covering.map((s) => normId(s.skuId)));
    const covered = seats.holders.filter((u) => u.skuIds.some((id) => coveringIds.has(normId(id))));
    if (covered.length === 0) return none;
    // Seats that stay go to users without the service first; covered users simply lose the old license.
    const uncovered = seats.holders.length - covered.length;
    const seatsToBuy = Math.max(0, uncovered - seats.stayingSeats);
    const heldIds = new Set(covered.flatMap((u) => u.skuIds.map(normId)));
    return {
      coveredUsers: seats.usersToMove - seatsToBuy,
      seatsToBuy,
      by: covering.filter((s) => heldIds.has(normId(s.skuId))),
      basis: 'users',
    };
  }

  // Counts alone cannot say who holds what. Only the pigeonhole proves anything: with N users, H
  // holders of the retired license and C of a covering product, at least H + C − N hold both. An
  // Office 365 E5 assigned to 40 other users of a 65-user tenant covers none of the 25 Kaizala holders.
  if (userCount === undefined || !Number.isInteger(userCount) || userCount < 0) return none;
  const best = [...covering]
    .filter((s) => seats.licensedUsers + s.consumedUnits - userCount >= seats.usersToMove)
    .sort((a, b) => b.consumedUnits - a.consumedUnits || normId(a.skuId).localeCompare(normId(b.skuId)))[0];
  if (!best) return none;
  return { coveredUsers: seats.usersToMove, seatsToBuy: 0, by: [best], basis: 'counts' };
}

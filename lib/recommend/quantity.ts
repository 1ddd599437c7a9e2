import type { Localized, PurchasableOffer } from '@/lib/catalog/schema';
import { quantity as say } from './reasons';
import type { ReplacementOption } from './types';

/** Rule 8: the seats needed, raised to the offer's minimum and capped at its maximum. */
export const clampToOffer = (offer: PurchasableOffer, seats: number): number =>
  Math.min(offer.maxQuantity, Math.max(offer.minQuantity, seats));

/**
 * Checks a quantity the agent typed for an option. `usersToMove` is the number of users who need a
 * seat in the new subscription (`PickSuccess.seatsToBuy`): fewer seats would leave some of them
 * without a license when the old subscription is suspended. Returns why the quantity is refused,
 * or null when it can be bought.
 */
export function validateQuantity(
  option: Pick<ReplacementOption, 'offer'>,
  quantity: number,
  usersToMove: number,
): Localized | null {
  const { offer } = option;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity)) return say.notWhole();
  if (quantity < offer.minQuantity) return say.belowMin(offer);
  if (quantity > offer.maxQuantity) return say.aboveMax(offer);
  // A volume tier is priced for its band only (rule 7); another quantity needs another tier.
  const band = offer.seatBand;
  if (band && (quantity < band.min || (band.max !== undefined && quantity > band.max))) return say.outsideBand(offer);
  if (quantity < usersToMove) return say.fewerThanUsers(quantity, usersToMove);
  return null;
}

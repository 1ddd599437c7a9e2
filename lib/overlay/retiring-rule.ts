import type { Retirement } from '@/lib/catalog';
import { type CatalogMatch, type MatchableCatalog, type MatchableOffer, matchRetiredOffer } from '@/lib/catalog/match';

/** The fields the rule reads: a structural subset of the API's Subscription. */
export interface RuleSubscription {
  offerId: string;
  offerName?: string | null;
  status: string;
}

/**
 * THE rule for "this subscription retires and needs migrating": it is active and its offer is in the
 * catalog. The subscription banners, the customer-list badges and the worklist all ask this one
 * function, so they can never disagree about which subscriptions retire. Suspended, expired and
 * deleted subscriptions are left out: they no longer renew and hold nothing to move. The catalog is
 * the full one, or the slice of retired offers the banners' script ships (lib/catalog/retired-index.ts).
 * Auto-renew and the retirement's dates are not consulted (the banners never did): a change to that
 * belongs here, where it changes banners, badges and worklist together.
 */
export function retiringMatch<R extends { retiredOffers: readonly MatchableOffer[] } = Retirement>(
  catalog: MatchableCatalog<R>,
  sub: RuleSubscription,
): CatalogMatch<R> | null {
  if (sub.status.toLowerCase() !== 'active') return null;
  return matchRetiredOffer(catalog, { offerId: sub.offerId, offerName: sub.offerName });
}

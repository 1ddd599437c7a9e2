import { isGuid } from './guid';
import { normalizeOfferName } from './normalize';
import type { Retirement } from './schema';

/** What matching reads of a retired offer: the full catalog's, or the slice the banners' script ships (retired-index.ts). */
export interface MatchableOffer {
  offerId: string;
  name: { en: string; ko: string };
  aliases: readonly string[];
}

/** A catalog as matching sees it: retirements, each with its retired offers. */
export interface MatchableCatalog<R extends { retiredOffers: readonly MatchableOffer[] } = Retirement> {
  retirements: readonly R[];
}

export interface CatalogMatch<R extends { retiredOffers: readonly MatchableOffer[] } = Retirement> {
  retirement: R;
  offer: R['retiredOffers'][number];
  by: 'id' | 'name';
}

type Entry = Omit<CatalogMatch<{ retiredOffers: readonly MatchableOffer[] }>, 'by'>;

interface Index {
  /** Lower-case GUID offer id -> offer. Placeholder ids are left out, so they never match. */
  byId: Map<string, Entry>;
  /** Normalised name (English, Korean and every alias) -> offer. */
  byName: Map<string, Entry>;
}

// One index per catalog object: a tenant can hold thousands of subscriptions, and rebuilding the
// name keys for each of them would normalise every catalog name thousands of times. Catalogs are
// treated as immutable (index.ts freezes the ones it builds); a changed catalog is a new object.
const indexes = new WeakMap<object, Index>();

function indexOf(catalog: MatchableCatalog<{ retiredOffers: readonly MatchableOffer[] }>): Index {
  const cached = indexes.get(catalog);
  if (cached) return cached;
  const index: Index = { byId: new Map(), byName: new Map() };
  for (const retirement of catalog.retirements) {
    for (const offer of retirement.retiredOffers) {
      const entry = { retirement, offer };
      // First wins: a supplied catalog is appended after the built-in one, which keeps priority.
      if (isGuid(offer.offerId)) {
        const id = offer.offerId.toLowerCase();
        if (!index.byId.has(id)) index.byId.set(id, entry);
      }
      for (const name of [offer.name.en, offer.name.ko, ...offer.aliases]) {
        const key = normalizeOfferName(name);
        if (key !== '' && !index.byName.has(key)) index.byName.set(key, entry);
      }
    }
  }
  indexes.set(catalog, index);
  return index;
}

/**
 * The retired offer a subscription was bought from, or null. The id is tried first (GUIDs only,
 * without regard to case: the API writes them in upper case, other sources in lower case), then
 * the offer name, by exact equality of normalised keys: Microsoft has not published ids for most
 * retired offers, and a fuzzy match would flag offers that merely look alike.
 */
export function matchRetiredOffer<R extends { retiredOffers: readonly MatchableOffer[] } = Retirement>(
  catalog: MatchableCatalog<R>,
  sub: { offerId?: string | null; offerName?: string | null },
): CatalogMatch<R> | null {
  const index = indexOf(catalog);
  const id = sub.offerId?.trim() ?? '';
  if (isGuid(id)) {
    const hit = index.byId.get(id.toLowerCase());
    if (hit) return { ...(hit as Omit<CatalogMatch<R>, 'by'>), by: 'id' };
  }
  const key = sub.offerName ? normalizeOfferName(sub.offerName) : '';
  if (key !== '') {
    const hit = index.byName.get(key);
    if (hit) return { ...(hit as Omit<CatalogMatch<R>, 'by'>), by: 'name' };
  }
  return null;
}

import { describe, expect, it } from 'vitest';
import { builtInCatalog } from './index';
import { matchRetiredOffer } from './match';
import { retiredIndex } from './retired-index';

describe('the retired-offer slice the banners script ships', () => {
  it('holds exactly the full catalog’s retirements and retired offers (ids, names, aliases)', () => {
    const project = (retirements: typeof retiredIndex.retirements) =>
      retirements
        .map((r) => ({
          id: r.id,
          offers: r.retiredOffers.map((o) => ({ offerId: o.offerId, name: o.name, aliases: [...o.aliases] })),
        }))
        .sort((a, b) => a.id.localeCompare(b.id));
    expect(retiredIndex.retirements.length).toBe(builtInCatalog.retirements.length);
    expect(project(retiredIndex.retirements)).toEqual(project(builtInCatalog.retirements));
  });

  it('matches every retired offer, by id and by each name, as the full catalog does', () => {
    for (const retirement of builtInCatalog.retirements) {
      for (const offer of retirement.retiredOffers) {
        for (const sub of [{ offerId: offer.offerId }, ...[offer.name.en, offer.name.ko, ...offer.aliases].map((offerName) => ({ offerName }))]) {
          const full = matchRetiredOffer(builtInCatalog, sub);
          const slice = matchRetiredOffer(retiredIndex, sub);
          expect(slice?.offer.offerId ?? null).toBe(full?.offer.offerId ?? null);
          expect(slice?.retirement.id ?? null).toBe(full?.retirement.id ?? null);
        }
      }
    }
    expect(matchRetiredOffer(retiredIndex, { offerName: 'Microsoft 365 Business Basic' })).toBeNull();
  });
});

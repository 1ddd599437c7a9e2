import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { builtInCatalog, matchRetiredOffer } from '@/lib/catalog';
import { pickReplacement } from '@/lib/recommend';

// A partner's whole book: the 274 real offers plus every retired offer name, 2,000 subscriptions.
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/offers-us-2019.json', import.meta.url), 'utf8'),
) as { items: Array<{ id: string; name: string }> };
const retiredNames = builtInCatalog.retirements.flatMap((r) => r.retiredOffers.map((o) => o.name.en));
const names = [...fixture.items.map((o) => ({ offerId: o.id, offerName: o.name })), ...retiredNames.map((n) => ({ offerId: '', offerName: n }))];
const subscriptions = Array.from({ length: 2000 }, (_, i) => names[i % names.length] ?? { offerId: '', offerName: '' });

describe('catalog', () => {
  bench('match 2,000 subscriptions', () => {
    for (const s of subscriptions) matchRetiredOffer(builtInCatalog, s);
  });
});

const kaizala = matchRetiredOffer(builtInCatalog, { offerName: 'Kaizala Pro' });
describe('picker', () => {
  bench('pick a replacement for a 1,200-user Kaizala customer', () => {
    pickReplacement({
      retiring: { id: 's1', offerId: 'x', offerName: 'Kaizala Pro', quantity: 1200, status: 'active' },
      match: kaizala,
      customer: { id: 'c1', qualifications: [] },
      otherSubscriptions: [],
      subscribedSkus: [{ skuId: 'k', totalUnits: 1200, consumedUnits: 1200, servicePlans: ['KAIZALA_STANDALONE'] }],
      users: Array.from({ length: 1200 }, (_, i) => ({ id: `u${i}`, skuIds: ['k'] })),
    });
  });
});

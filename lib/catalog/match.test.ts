import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInCatalog, type Catalog, type RetiredOffer } from './index';
import { matchRetiredOffer } from './match';
import { normalizeOfferName } from './normalize';

interface FixtureOffer {
  id: string;
  name: string;
}
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/offers-us-2019.json', import.meta.url), 'utf8'),
) as { totalCount: number; items: FixtureOffer[] };

const retiredOffers = builtInCatalog.retirements.flatMap((r) => r.retiredOffers);
const dynamicsOffers = retiredOffers.filter((o) => o.workload !== 'kaizala');

const byName = (offerName: string) => matchRetiredOffer(builtInCatalog, { offerName });

/** A name with its audience marker moved to another place, or null when it has none. */
function markerMoved(en: string): string | null {
  for (const marker of [' for Faculty', ' for Students', ' (Government Pricing)']) {
    if (!en.includes(marker)) continue;
    const without = en.replace(marker, '');
    // Put it right after "Edition", or at the very end if it already stood there.
    const moved = en.endsWith(marker) ? without.replace(' Edition', ` Edition${marker}`) : `${without}${marker}`;
    return moved;
  }
  return null;
}

function englishVariants(en: string): string[] {
  const out = [
    en.toUpperCase(),
    en.toLowerCase(),
    `  ${en.replaceAll(' ', '   ')}\t`,
    en.replaceAll('(', '').replaceAll(')', ''),
    en.replaceAll(' (', ', ').replaceAll(')', '.'),
    en.replace('Dynamics 365', 'Dynamics-365'),
    en.replace(' (Qualified Offer)', ''),
    en.replace('Add-On', 'Add On'),
    en.replace('Add-On', 'AddOn'),
  ];
  const moved = markerMoved(en);
  if (moved) out.push(moved);
  return out;
}

describe('matchRetiredOffer by name', () => {
  it('matches every retired offer by its English name, its Korean name and its aliases', () => {
    expect(retiredOffers).toHaveLength(25);
    for (const offer of retiredOffers) {
      for (const name of [offer.name.en, offer.name.ko, ...offer.aliases]) {
        const hit = byName(name);
        expect(hit?.offer.key, name).toBe(offer.key);
        expect(hit?.by).toBe('name');
      }
    }
  });

  it('matches English spelling variants of every retired offer', () => {
    for (const offer of retiredOffers) {
      for (const variant of englishVariants(offer.name.en)) {
        expect(byName(variant)?.offer.key, variant).toBe(offer.key);
      }
    }
  });

  it('matches names whose marker was moved (the variants are really different strings)', () => {
    const cases: Array<[string, string]> = [
      [
        'Dynamics 365 for Sales Enterprise Edition CRMOL Basic for Faculty (Qualified Offer)',
        'sales-crmol-basic-faculty',
      ],
      ['Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Government Pricing)', 'sales-crmol-basic-government'],
      [
        'Dynamics 365 Customer Engagement Plan Enterprise Edition for Students Add On for CRM Basic',
        'cep-add-on-student',
      ],
      ['dynamics 365 customer engagement plan enterprise edition from sa for crm basic', 'cep-from-sa-commercial'],
      ['Dynamics 365 for Sales Enterprise Edition Add-On for CRM Basic (Qualified Offer)', 'sales-add-on-commercial'],
    ];
    for (const [name, key] of cases) expect(byName(name)?.offer.key, name).toBe(key);
    const moved = dynamicsOffers.map((o) => markerMoved(o.name.en)).filter((m): m is string => m !== null);
    expect(moved).toHaveLength(18);
    for (const m of moved) expect(retiredOffers.some((o) => o.name.en === m)).toBe(false);
  });

  it('matches Korean names with case, spacing and the qualified marker changed', () => {
    for (const offer of dynamicsOffers) {
      const ko = offer.name.ko;
      const variants = [ko.toUpperCase(), ` ${ko.replaceAll(' ', '  ')} `, ko.replace(' (자격 갖춘된 제품)', '')];
      for (const v of variants) expect(byName(v)?.offer.key, v).toBe(offer.key);
    }
  });

  it('gives no two retired offers the same normalised key', () => {
    const owner = new Map<string, string>();
    for (const offer of retiredOffers) {
      for (const name of [offer.name.en, offer.name.ko, ...offer.aliases]) {
        const key = normalizeOfferName(name);
        expect(key).not.toBe('');
        const other = owner.get(key);
        if (other !== undefined) expect(other, `${name} -> ${key}`).toBe(offer.key);
        owner.set(key, offer.key);
      }
    }
    // 24 Dynamics offers x (English, Korean) + Kaizala's 2 names and 2 aliases.
    expect(owner.size).toBe(24 * 2 + 4);
  });

  it('does not match other products, other editions or empty input', () => {
    for (const name of [
      'Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Nonprofit Staff Pricing)',
      'Dynamics 365 for Sales Enterprise Edition CRM Basic (Qualified Offer)',
      'Dynamics 365 for Sales Enterprise Edition Add-On for CRMOL Basic (Qualified Offer)',
      'Dynamics 365 for Sales Enterprise Edition CRMOL Basic (Qualified Offer) for Faculty for Students',
      'Kaizala',
      'Kaizala Pro Trial',
      '(Qualified Offer)',
      '',
    ]) {
      expect(byName(name), name).toBeNull();
    }
    expect(matchRetiredOffer(builtInCatalog, {})).toBeNull();
    expect(matchRetiredOffer(builtInCatalog, { offerId: null, offerName: null })).toBeNull();
  });
});

describe('matchRetiredOffer against the real 2019 offer list', () => {
  it('holds the 274 offers, look-alikes included', () => {
    expect(fixture.items).toHaveLength(274);
    expect(fixture.totalCount).toBe(274);
    const names = fixture.items.map((o) => o.name);
    expect(names).toContain('Dynamics 365 for Sales Professional Add-On for CRMOL Basic (Qualified Offer)');
    expect(names).toContain('Dynamics 365 for Customer Service Enterprise Add-On for CRM Basic (Qualified Offer)');
    expect(names).toContain('Dynamics 365 for Sales Enterprise CRMOL Professional (Qualified Offer)');
  });

  it('matches none of them, by id or by name', () => {
    const matched = fixture.items.filter(
      (o) =>
        matchRetiredOffer(builtInCatalog, { offerId: o.id, offerName: o.name }) !== null ||
        matchRetiredOffer(builtInCatalog, { offerId: o.id.toLowerCase() }) !== null ||
        matchRetiredOffer(builtInCatalog, { offerName: o.name }) !== null,
    );
    expect(matched.map((o) => o.name)).toEqual([]);
  });
});

describe('matchRetiredOffer by id', () => {
  const GUID = 'ABCDEF01-2345-4678-9ABC-DEF012345678';
  const kaizala = builtInCatalog.retirements.find((r) => r.id === 'kaizala-pro-standalone');
  if (!kaizala) throw new Error('kaizala retirement missing');
  // A catalog in which Microsoft has published the Kaizala offer's id.
  const withId: Catalog = {
    retirements: [
      {
        ...kaizala,
        retiredOffers: kaizala.retiredOffers.map((o): RetiredOffer => ({ ...o, offerId: GUID })),
      },
    ],
  };

  it('matches a GUID id without regard to case, before the name', () => {
    for (const offerId of [GUID, GUID.toLowerCase(), ` ${GUID} `]) {
      const hit = matchRetiredOffer(withId, { offerId, offerName: 'Renamed by the portal' });
      expect(hit?.by, offerId).toBe('id');
      expect(hit?.offer.key).toBe('kaizala-pro');
      expect(hit?.retirement.id).toBe('kaizala-pro-standalone');
    }
  });

  it('falls back to the name when the id is unknown', () => {
    const hit = matchRetiredOffer(withId, {
      offerId: '00000000-0000-4000-8000-000000000000',
      offerName: 'Kaizala Pro',
    });
    expect(hit?.by).toBe('name');
    expect(matchRetiredOffer(withId, { offerId: '00000000-0000-4000-8000-000000000000' })).toBeNull();
  });

  it('never matches a placeholder id', () => {
    for (const offer of retiredOffers) {
      expect(offer.offerId.startsWith('PLACEHOLDER:')).toBe(true);
      expect(matchRetiredOffer(builtInCatalog, { offerId: offer.offerId })).toBeNull();
      expect(matchRetiredOffer(builtInCatalog, { offerId: offer.offerId.toLowerCase() })).toBeNull();
    }
  });
});

describe('matchRetiredOffer at tenant scale', () => {
  it('sorts 2,000 subscriptions correctly', () => {
    const subs = Array.from({ length: 2000 }, (_, i) => {
      const offer = fixture.items[i % fixture.items.length];
      const retired = retiredOffers[i % retiredOffers.length];
      if (!offer || !retired) throw new Error('empty list');
      return i % 4 === 0
        ? { offerId: `PLACEHOLDER:x${i}`, offerName: retired.name.en }
        : { offerId: offer.id, offerName: offer.name };
    });
    const hits = subs.map((s) => matchRetiredOffer(builtInCatalog, s));
    expect(hits.filter((h) => h !== null)).toHaveLength(500);
    expect(hits.every((h, i) => (h === null) === (i % 4 !== 0))).toBe(true);
  });
});

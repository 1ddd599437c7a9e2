import type {
  Audience,
  PurchasableOffer,
  ReplacementPlan,
  RetiredOffer,
  Retirement,
} from '@/lib/catalog/schema';
import { sameName } from './ids';
import { audience as say } from './reasons';
import type { CustomerInfo, Reason } from './types';

export interface AudienceChoice {
  audience: Audience;
  reasons: Reason[];
}

const hasQualification = (c: CustomerInfo, q: string): boolean => c.qualifications.some((x) => sameName(x, q));

/**
 * Which prices the customer gets (rules 1 and 2). A non-commercial retired variant wins: the customer
 * bought that price before. Otherwise the approved qualification decides, education before
 * government (an institution with both buys education licenses for its staff).
 */
export function chooseAudience(retirement: Retirement, offer: RetiredOffer, customer: CustomerInfo): AudienceChoice {
  const education = hasQualification(customer, 'Education');
  const government = hasQualification(customer, 'GovernmentCommunityCloud');
  const reasons: Reason[] = [];
  let audience: Audience = 'commercial';
  if (offer.audience !== 'commercial') {
    audience = offer.audience;
    reasons.push(say.retiredVariant(audience));
    const qualified = audience === 'government' ? government : education;
    if (!qualified) reasons.push(say.missingQualification(audience));
  } else if (education) {
    audience = 'faculty';
    reasons.push(say.educationCustomer(retirement.replacements.some((p) => p.family === 'education')));
  } else if (government) {
    audience = 'government';
    reasons.push(say.governmentCustomer());
  }
  if (
    audience !== 'commercial' &&
    !retirement.replacements.some((p) => p.offers.some((o) => o.audience === audience))
  ) {
    reasons.push(say.noneInGuide(offer, audience));
  }
  return { audience, reasons };
}

const inBand = (o: PurchasableOffer, n: number): boolean =>
  !!o.seatBand && n >= o.seatBand.min && (o.seatBand.max === undefined || n <= o.seatBand.max);

/**
 * Rule 7: of several offers of one audience, the volume tier whose band holds the seat count; past
 * every band, the highest tier; without bands, the catalog's first offer.
 */
export function pickTier(offers: PurchasableOffer[], seats: number): PurchasableOffer | undefined {
  const n = Math.max(1, seats);
  const banded = offers.filter((o) => o.seatBand);
  if (banded.length === 0) return offers[0];
  const fit = banded.find((o) => inBand(o, n));
  if (fit) return fit;
  const below = banded.filter((o) => (o.seatBand?.min ?? 1) <= n);
  return below.sort((a, b) => (b.seatBand?.min ?? 1) - (a.seatBand?.min ?? 1))[0] ?? banded[0];
}

export interface OfferChoice {
  offer: PurchasableOffer;
  /** The plan has no offer at the wanted audience: this is its commercial offer. */
  fallback: boolean;
  /** The offer is one volume tier of several. */
  tiered: boolean;
}

/**
 * The plan's offer for the audience, or its commercial offer when it has none at that audience (no
 * plan has a government price for Kaizala). Null when the plan is not sold to this customer at all:
 * A plans have no commercial offer, so commercial and government customers never see them.
 */
export function chooseOffer(plan: ReplacementPlan, audience: Audience, seats: number): OfferChoice | null {
  const at = (a: Audience) => plan.offers.filter((o) => o.audience === a);
  let offers = at(audience);
  let fallback = false;
  if (offers.length === 0 && audience !== 'commercial') {
    offers = at('commercial');
    fallback = true;
  }
  const offer = pickTier(offers, seats);
  if (!offer) return null;
  return { offer, fallback, tiered: offers.filter((o) => o.seatBand).length > 1 };
}

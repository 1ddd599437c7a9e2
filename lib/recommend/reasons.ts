import type { Audience, Localized, PurchasableOffer, ReplacementPlan, RetiredOffer } from '@/lib/catalog/schema';
import { type Lang, type MessageKey, t } from '@/lib/i18n';
import type { Reason } from './types';

/**
 * Which of lib/i18n's picker messages apply, filled in with names and counts. The words themselves
 * live in lib/i18n/reasons.ts; here a catalog name is given in both languages, so each language
 * gets its own.
 */

type Param = string | number | Localized;

function say(key: MessageKey, params: Record<string, Param> = {}): Localized {
  const fill = (lang: Lang) =>
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]));
  return { en: t('en', key, fill('en')), ko: t('ko', key, fill('ko')) };
}

/** A reason stating `fact`: the key the "each fact once" rule compares. */
const state = (fact: string, key: MessageKey, params: Record<string, Param> = {}): Reason => ({
  ...say(key, params),
  fact,
});

const AUDIENCE: Record<Audience, MessageKey> = {
  commercial: 'pickAudienceCommercial',
  faculty: 'pickAudienceFaculty',
  student: 'pickAudienceStudent',
  government: 'pickAudienceGovernment',
};
/** How a sentence says who a retired offer was sold to ("priced for faculty"). */
const PRICED: Record<Audience, MessageKey> = {
  commercial: 'pickPricedCommercial',
  faculty: 'pickPricedFaculty',
  student: 'pickPricedStudent',
  government: 'pickPricedGovernment',
};
const FAMILY: Record<ReplacementPlan['family'], MessageKey> = {
  business: 'pickFamilyBusiness',
  frontline: 'pickFamilyFrontline',
  enterprise: 'pickFamilyEnterprise',
  education: 'pickFamilyEducation',
  dynamics: 'pickFamilyDynamics',
};
const STATUS: Record<string, MessageKey> = {
  none: 'pickStatusNone',
  active: 'pickStatusActive',
  pending: 'pickStatusPending',
  suspended: 'pickStatusSuspended',
  expired: 'pickStatusExpired',
  disabled: 'pickStatusDisabled',
  deleted: 'pickStatusDeleted',
};

const audienceWord = (a: Audience): Localized => say(AUDIENCE[a]);
const seatsOf = (n: number): Localized => say(n === 1 ? 'pickSeatOne' : 'pickSeats', { count: n });
const usersOf = (n: number): Localized => say(n === 1 ? 'pickUserOne' : 'pickUsers', { count: n });
const list = (names: string[]): string => names.join(', ');
const listOf = (items: Localized[]): Localized => ({
  en: items.map((i) => i.en).join(', '),
  ko: items.map((i) => i.ko).join(', '),
});
const band = (o: PurchasableOffer): string =>
  o.seatBand ? (o.seatBand.max === undefined ? `${o.seatBand.min}+` : `${o.seatBand.min}-${o.seatBand.max}`) : '';

// Bad input: the one reason of a failure, so no fact key is needed.
export const fail = {
  noMatch: (): Localized => say('pickNoMatch'),
  offerMismatch: (): Localized => say('pickOfferMismatch'),
  missingCustomer: (): Localized => say('pickMissingCustomer'),
  notActive: (status: string): Localized => {
    const s = status.trim().toLowerCase() || 'none';
    const known = STATUS[s];
    return say('pickNotActive', { status: known ? say(known) : s });
  },
  invalidQuantity: (quantity: number): Localized => say('pickInvalidQuantity', { quantity }),
  noLicenseData: (retired: RetiredOffer): Localized => say('pickNoLicenseData', { retired: retired.name }),
  badCounts: (name: string, total: number, consumed: number): Localized =>
    say('pickBadCounts', { name, seats: seatsOf(total), consumed }),
  poolBelowSubscription: (name: string, total: number, quantity: number): Localized =>
    say('pickPoolBelowSubscription', { name, seats: seatsOf(total), quantity }),
  moreUsersThanSeats: (name: string, users: number, total: number): Localized =>
    say('pickMoreUsersThanSeats', { name, users, seats: seatsOf(total) }),
  badOtherQuantity: (offer: string, quantity: number): Localized => say('pickBadOtherQuantity', { offer, quantity }),
  noReplacement: (audience: Audience): Localized => say('pickNoReplacement', { audience: audienceWord(audience) }),
};

// How many users move (rule 8): one fact, whichever sentence says it.
export const seats = {
  nobody: (retired: RetiredOffer): Reason => state('users-to-move', 'pickNobody', { retired: retired.name }),
  allStay: (holders: number, staying: number): Reason =>
    state('users-to-move', 'pickAllStay', { users: usersOf(holders), seats: seatsOf(staying) }),
  pooled: (holders: number, staying: number, move: number): Reason =>
    state('users-to-move', holders === 1 ? 'pickPooledOne' : 'pickPooled', {
      holders,
      seats: seatsOf(staying),
      move: usersOf(move),
    }),
  simple: (retired: RetiredOffer, move: number): Reason =>
    state('users-to-move', move === 1 ? 'pickSimpleOne' : 'pickSimple', { retired: retired.name, move }),
};

// Users who already have the service through another product (rule 4).
export const coverage = {
  allByUser: (retired: RetiredOffer, move: number, products: string[]): Reason =>
    state('coverage', move === 1 ? 'pickCoveredUserOne' : 'pickCoveredUsers', {
      move,
      products: list(products),
      retired: retired.name,
    }),
  allByCount: (retired: RetiredOffer, move: number, product: string, assigned: number): Reason =>
    state('coverage', 'pickCoveredByCount', { product, assigned: usersOf(assigned), move, retired: retired.name }),
  some: (move: number, covered: number, buy: number, products: string[]): Reason =>
    state('coverage', 'pickCoveredSome', { move, covered, seats: seatsOf(buy), products: list(products) }),
};

// Which prices apply (rules 1 and 2).
export const audience = {
  educationCustomer: (aPlans: boolean): Reason =>
    state('audience', aPlans ? 'pickEducationAPlans' : 'pickEducationOffers'),
  retiredVariant: (a: Audience): Reason =>
    state('audience', 'pickRetiredVariant', { priced: say(PRICED[a]), audience: audienceWord(a) }),
  governmentCustomer: (): Reason => state('audience', 'pickGovernmentCustomer'),
  /** The same fact as an option's commercial fallback, said once for every option. */
  noneInGuide: (retired: RetiredOffer, a: Audience): Reason =>
    state('commercial-fallback', 'pickNoneInGuide', { audience: audienceWord(a), retired: retired.name }),
  missingQualification: (a: Audience): Reason =>
    a === 'government'
      ? state('qualification', 'pickNoGovernmentQualification')
      : state('qualification', 'pickNoEducationQualification', { audience: audienceWord(a) }),
  educationPlansHidden: (): Reason => state('hidden:education', 'pickEducationPlansHidden'),
  planHidden: (plan: ReplacementPlan, a: Audience): Reason =>
    state(`hidden:${plan.key}`, 'pickPlanHidden', { plan: plan.name, audience: audienceWord(a) }),
};

// Ranking (rules 5 and 6), said once for the whole list; what belongs to one plan is in `option`.
export const rank = {
  affinity: (owned: ReplacementPlan[]): Reason => {
    const families = [...new Set(owned.map((p) => p.family))];
    return state('owned-plans', 'pickAffinity', {
      owned: listOf(owned.map((p) => p.name)),
      families: listOf(families.map((f) => say(FAMILY[f]))),
    });
  },
  large: (need: number, cap: number): Reason => state('seat-limit:business', 'pickLarge', { need, cap }),
  noneEligible: (need: number): Reason => state('seat-limit:all', 'pickNoneEligible', { need }),
};

// One option's own reasons.
export const option = {
  fallback: (a: Audience): Reason => state('commercial-fallback', 'pickFallback', { audience: audienceWord(a) }),
  servesWorkload: (): Reason => state('workload', 'pickServesWorkload'),
  alternative: (): Reason => state('workload', 'pickAlternative'),
  overMax: (plan: ReplacementPlan, max: number, need: number): Reason =>
    state(`seat-limit:${plan.family}`, 'pickOverMax', { plan: plan.name, max: seatsOf(max), need: usersOf(need) }),
  belowMin: (min: number, need: number): Reason =>
    state('seat-minimum', 'pickBelowMin', { min: seatsOf(min), need: seatsOf(need) }),
  tier: (offer: PurchasableOffer, need: number): Reason =>
    state('volume-tier', need === 1 ? 'pickTierOne' : 'pickTier', { band: band(offer), need }),
  sameSku: (): Reason => state('same-license', 'pickSameSku'),
};

// validateQuantity (the agent edits the quantity): one message at a time.
export const quantity = {
  notWhole: (): Localized => say('pickQuantityNotWhole'),
  belowMin: (offer: PurchasableOffer): Localized =>
    say('pickQuantityBelowMin', { offer: offer.name, min: seatsOf(offer.minQuantity) }),
  aboveMax: (offer: PurchasableOffer): Localized =>
    say('pickQuantityAboveMax', { offer: offer.name, max: seatsOf(offer.maxQuantity) }),
  outsideBand: (offer: PurchasableOffer): Localized =>
    say('pickQuantityOutsideBand', { offer: offer.name, band: band(offer) }),
  fewerThanUsers: (q: number, need: number): Localized =>
    say('pickQuantityFewerThanUsers', { need, seats: seatsOf(q), short: need - q }),
};

import type {
  Audience,
  Localized,
  PurchasableOffer,
  ReplacementPlan,
  RetiredOffer,
  Retirement,
} from '@/lib/catalog/schema';

/**
 * What the replacement picker reads. The API layer fills these from Partner Center responses; the
 * picker itself does no I/O, so every field it needs is spelled out here.
 */

/** Partner Center subscription status (`none|active|pending|suspended|expired|disabled|deleted`). */
export type SubscriptionStatus = string;

/** The subscription of a retired offer that is being migrated. */
export interface RetiringSubscription {
  id: string;
  offerId: string;
  offerName: string;
  quantity: number;
  status: SubscriptionStatus;
  autoRenewEnabled?: boolean;
  /** Inclusive end date as the API writes it; kept for display, the picker does not read the clock. */
  commitmentEndDate?: string;
}

/** The catalog entry the caller matched the retiring subscription to (`matchRetiredOffer` returns a superset). */
export interface CatalogMatch {
  retirement: Retirement;
  offer: RetiredOffer;
}

/** Partner Center qualification values; only approved ones are passed. */
export type Qualification = 'None' | 'Education' | 'Nonprofit' | 'GovernmentCommunityCloud' | 'StateOwnedEntity';

export interface CustomerInfo {
  id: string;
  companyName?: string;
  country?: string;
  /** Approved qualifications only. Typed as string so an unknown future value does not break parsing. */
  qualifications: string[];
}

/** Another subscription of the same customer. */
export interface OtherSubscription {
  id: string;
  offerId: string;
  offerName: string;
  quantity: number;
  status: SubscriptionStatus;
  /** License SKU (offer.product.id), resolved by the caller from the offers list when it could. */
  skuId?: string;
}

/** One license SKU of the customer's tenant (`GET /customers/{id}/subscribedskus`). */
export interface SubscribedSku {
  skuId: string;
  skuPartNumber?: string;
  name?: string;
  totalUnits: number;
  consumedUnits: number;
  servicePlans: string[];
}

/** One user and the SKUs of the licenses they hold. */
export interface TenantUser {
  id: string;
  skuIds: string[];
}

export interface PickInput {
  retiring: RetiringSubscription;
  match?: CatalogMatch | null;
  customer?: CustomerInfo | null;
  otherSubscriptions: OtherSubscription[];
  subscribedSkus: SubscribedSku[];
  /** Per-user licenses, when the caller has read them: more precise than the tenant's counts. */
  users?: TenantUser[];
  /**
   * How many users the tenant has. With counts alone, a product assigned to C users covers at least
   * holders + C − userCount of the H holders (pigeonhole); without it, counts prove no coverage.
   */
  userCount?: number;
}

export type PickErrorCode =
  /** No catalog match: the offer is not a known retired offer. */
  | 'no-match'
  /** The matched offer does not belong to the matched retirement. */
  | 'offer-mismatch'
  | 'missing-customer'
  /** The retiring subscription is not active (suspended, expired, ...). */
  | 'not-active'
  /** The retiring subscription's quantity is zero, negative or not a whole number. */
  | 'invalid-quantity'
  /** The tenant's license data does not show the retired license, so nobody can be counted. */
  | 'no-license-data'
  /** Seat counts contradict each other (more users than seats, a pool smaller than the subscription ...). */
  | 'inconsistent-seats'
  /** No replacement plan has an offer this customer could buy. */
  | 'no-replacement';

/**
 * One sentence of "Why this replacement", with the fact it states. Two reasons with the same fact say
 * the same thing in other words; the picker never gives one twice in a list the panel shows together.
 */
export interface Reason extends Localized {
  fact: string;
}

export interface PickFailure {
  ok: false;
  code: PickErrorCode;
  reason: Localized;
}

export interface ReplacementOption {
  plan: ReplacementPlan;
  /** The purchasable offer chosen for the customer's audience and seat count. */
  offer: PurchasableOffer;
  /** Suggested seats to buy: the seats needed, clamped to the offer's minimum and maximum. */
  quantity: number;
  eligible: boolean;
  /** True when the plan grants the retired offer's own license SKU (users keep their license). */
  sameSku: boolean;
  /** True when users need this plan's license assigned (step B) if this option is bought. */
  reassignNeeded: boolean;
  /** This option's own facts; none of them repeats a fact of PickSuccess.reasons. */
  reasons: Reason[];
}

export interface PickSuccess {
  ok: true;
  retirement: Retirement;
  retiredOffer: RetiredOffer;
  /** The audience whose prices the options use (before any per-plan commercial fallback). */
  audience: Audience;
  /** Users who hold the retired license, counted per user when users were given. */
  licensedUsers: number;
  /** Users whose retired license must go: licensedUsers less the seats other subscriptions of the SKU keep. */
  usersToMove: number;
  /** Of usersToMove, those who already have the service through another product (no new seat needed). */
  coveredUsers: number;
  /** Seats the new subscription needs: usersToMove less coveredUsers. */
  seatsToBuy: number;
  purchaseNeeded: boolean;
  /** Step B must assign the new license; false when the top option grants the retired SKU itself. */
  reassignNeeded: boolean;
  /** Step B must remove the retired license from covered users (they need no new license). */
  licenseCleanupNeeded: boolean;
  /** Ranked, best first; ineligible options last. */
  options: ReplacementOption[];
  /** Facts about the whole migration (who moves, prices, ranking); the chosen option adds its own. */
  reasons: Reason[];
}

export type PickResult = PickSuccess | PickFailure;

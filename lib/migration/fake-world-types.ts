// Test support, never shipped: the data a FakeWorld (fake-world.ts) is made of, and the faults a test
// can choose per read or per portal step.
import type { SubscriptionStatus } from '@/lib/api';

// ---- the world's own data -------------------------------------------------------------------------

/** A product the customer can own: an offer (as the offers API lists it) and the license SKU it grants. */
export interface WorldOffer {
  id: string;
  /** The name the portal's Add subscription page lists it under. */
  name: string;
  skuId: string;
  skuName: string;
  servicePlans?: readonly string[];
}

export interface WorldSubscription {
  id: string;
  offerId: string;
  quantity: number;
  status: SubscriptionStatus;
  creationDate: string;
  orderId: string | null;
  /** Suspended on the portal, not applied yet (fault 'slow'): the next `provision()` applies it. */
  suspending?: boolean;
}

export interface WorldOrderLine {
  offerId: string;
  quantity: number;
  subscriptionId: string | null;
}

export interface WorldOrder {
  id: string;
  creationDate: string;
  lines: WorldOrderLine[];
  /** Placed through the portal double (false: placed by hand in the test's setup). */
  viaPortal: boolean;
}

export interface WorldUser {
  id: string;
  upn: string;
  displayName: string;
  /** Lower-case SKU ids. */
  skus: Set<string>;
}

/** The reads of steps/deps.ts `Reads`, by name (a failing switch is set per read). */
export const READS = [
  'listOrders',
  'listSubscriptions',
  'getOrder',
  'getSubscription',
  'listSubscribedSkus',
  'listUsers',
  'getUserLicenses',
] as const;
export type ReadName = (typeof READS)[number];

/**
 * What the portal does with one `buy` call:
 * - ok: the order is placed and the confirmation shows its id (every fault that clicks Submit first
 *   awaits `onSubmit`, which records `purchase.sent`);
 * - no-id: placed, the confirmation shows no id;
 * - fail-before-submit: an element is missing before Submit (StepStop 'not-found'), nothing clicked;
 * - error-before-commit: Submit clicked, the portal shows an error, no order (StepStop 'portal-error');
 * - timeout-before-commit: Submit clicked, no order, no answer either (StepStop 'not-applied'): only the
 *   agent, having checked, can say nothing was bought (`confirmNothingBought`);
 * - timeout-order-later: Submit clicked, no answer, and the order shows only at the next `provision()`
 *   (Partner Center accepted it late): until then no read can tell it from timeout-before-commit;
 * - error-after-commit: Submit clicked, order placed, the portal still shows an error;
 * - timeout-after-commit: Submit clicked, order placed, no confirmation in time (StepStop 'not-applied');
 * - crash-after-commit: Submit clicked, order placed, the tab dies (StepStop 'aborted'; the run's signal
 *   is aborted, its reads answer `aborted` and its store writes are lost).
 */
export const BUY_FAULTS = [
  'ok',
  'no-id',
  'fail-before-submit',
  'error-before-commit',
  'timeout-before-commit',
  'timeout-order-later',
  'error-after-commit',
  'timeout-after-commit',
  'crash-after-commit',
] as const;
export type BuyFault = (typeof BUY_FAULTS)[number];

/**
 * What the portal does with one `suspend` call:
 * - ok: Submit clicked, the subscription is suspended at once;
 * - fail-before-submit: the Suspended choice is missing (StepStop 'not-found'), nothing clicked;
 * - error-after-commit: Submit clicked, suspended, the portal shows an error anyway;
 * - slow: Submit clicked, the status changes only at the next `provision()`.
 */
export const SUSPEND_FAULTS = ['ok', 'fail-before-submit', 'error-after-commit', 'slow'] as const;
export type SuspendFault = (typeof SUSPEND_FAULTS)[number];

export interface WorldSetup {
  tenantId: string;
  /** Every product the customer has or may buy. */
  offers: readonly WorldOffer[];
  subscriptions?: ReadonlyArray<Partial<WorldSubscription> & Pick<WorldSubscription, 'id' | 'offerId' | 'quantity'>>;
  orders?: ReadonlyArray<{ id: string; creationDate?: string; lines: WorldOrderLine[] }>;
  /** Users and the SKU ids they hold (assigned as given, seats or not). */
  users?: ReadonlyArray<{ id: string; upn?: string; displayName?: string; skus?: readonly string[] }>;
}

import type { SessionClient } from '@/lib/api';
import type { ActContext } from '@/lib/portal/act';
import { ActError } from '@/lib/portal/act';
import { type PageKind, parseRoute } from '@/lib/portal/routes';
import type { MigrationEvent } from '../events';
import type { MigrationRecord } from '../types';
import type { PortalSteps } from './portal';

export type Reads = Pick<
  SessionClient,
  | 'listUsers'
  | 'getUserLicenses'
  | 'listSubscriptions'
  | 'listOrders'
  | 'getOrder'
  | 'getSubscription'
  | 'listSubscribedSkus'
>;

/** What a step needs from outside: API reads, the store (through messages), and a signal to stop. */
export interface StepDeps {
  api: Reads;
  /** Records one transition in the store; throws StepStop('store') when it is refused or fails. */
  apply(event: MigrationEvent): Promise<MigrationRecord>;
  signal: AbortSignal;
  /** How long to wait for one portal element. */
  timeoutMs: number;
  /** How long to wait for Partner Center to show a change (provisioning is asynchronous). */
  verifyTimeoutMs: number;
  /** Called as long work advances, so the panel can say what is happening and how far it is. */
  progress?(note: StepProgress): void;
  /** The portal's pages for steps A and C (default: the real ones, lib/portal). */
  portal?: PortalSteps;
}

/**
 * Where a long step stands: reading the users' licenses, selecting them on the users grid, saving
 * Manage licenses, then checking each user through the API (units are users throughout).
 */
export interface StepProgress {
  phase: 'read' | 'select' | 'save' | 'check';
  done: number;
  total: number;
}

export type StopReason =
  | 'not-found'
  | 'left-page'
  | 'portal-error'
  | 'not-applied'
  | 'verify'
  | 'role'
  | 'store'
  | 'aborted'
  | 'api'
  /** Clean-up only, but some users hold no other product with the service (target: how many). */
  | 'uncovered'
  /** The API shows an order of the replacement that nothing here explains: buy nothing (target: order ids). */
  | 'order-may-exist'
  /** The retiring product is not known from the API: steps B and C refuse. */
  | 'unknown-sku'
  /** Users still hold the retiring product: it may not be suspended (target: how many). */
  | 'in-use'
  /** Manage licenses lists users the step did not tick: nothing is saved (target: how many). */
  | 'extra-users'
  /** Some users could not be moved (target: how many). */
  | 'users-not-moved';

/** Why a step stopped, where, and on what: the panel turns it into words and offers Retry. */
export class StepStop extends Error {
  constructor(
    readonly reason: StopReason,
    readonly target: string,
    readonly page: PageKind | null,
    message: string,
  ) {
    super(message);
  }
}

/** An action context for one page of this customer: acting stops the moment the URL leaves it. */
export function pageContext(deps: StepDeps, tenantId: string, page: PageKind | 'customer'): ActContext {
  return {
    signal: deps.signal,
    timeoutMs: deps.timeoutMs,
    onPage: () => {
      const route = parseRoute(location.href);
      return route?.tenantId === tenantId && (page === 'customer' || route.page === page);
    },
  };
}

/** Runs portal actions on one page, turning the adapter's errors into a StepStop that names the page. */
export async function onPortal<T>(page: PageKind, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ActError) {
      const reason: StopReason = error.kind === 'aborted' ? 'aborted' : error.kind;
      throw new StepStop(reason, error.target, page, error.message);
    }
    throw error;
  }
}

import { goToCustomerPage } from '@/lib/portal/navigate';
import { addToCartAndReview, chooseOffer, submitOrder } from '@/lib/portal/pages/add-subscription';
import { suspend } from '@/lib/portal/pages/subscription-detail';
import { openAddSubscription, openSubscriptionDetail } from '@/lib/portal/pages/subscriptions';
import type { ActContext } from '@/lib/portal/act';
import { type StepDeps, StepStop, onPortal, pageContext } from './deps';

/**
 * What steps A and C do on the portal's own pages, behind one interface: the runners decide when
 * (from the API), this does how (through lib/portal). Unit and property tests put a fake world here.
 */
export interface PortalSteps {
  /**
   * Add subscription → the offer under the first name the catalog lists → quantity → Add to cart →
   * Review (the offer alone) → Submit; `onSubmit` is awaited right before the click (throwing stops
   * before it). The order id the confirmation shows, or null.
   */
  buy(
    order: { tenantId: string; names: readonly string[]; quantity: number },
    deps: StepDeps,
    onSubmit: () => Promise<void>,
  ): Promise<{ orderId: string | null }>;
  /** The subscription's detail page → Suspended → `beforeSubmit` (may throw to stop) → Submit. */
  suspend(tenantId: string, subscriptionId: string, deps: StepDeps, beforeSubmit: () => Promise<void>): Promise<void>;
}

export const portalSteps: PortalSteps = {
  async buy({ tenantId, names, quantity }, deps, onSubmit) {
    await onPortal('subscriptions', () =>
      goToCustomerPage(tenantId, 'subscriptions', pageContext(deps, tenantId, 'customer')),
    );
    await onPortal('subscriptions', () => openAddSubscription(pageContext(deps, tenantId, 'subscriptions')));
    const add = pageContext(deps, tenantId, 'add-subscription');
    const listed = await chooseFirstListed(names, quantity, add);
    await onPortal('add-subscription', () => addToCartAndReview({ offerName: listed, quantity }, add));
    return onPortal('add-subscription', () => submitOrder(add, document, onSubmit));
  },
  async suspend(tenantId, subscriptionId, deps, beforeSubmit) {
    await onPortal('subscriptions', () =>
      goToCustomerPage(tenantId, 'subscriptions', pageContext(deps, tenantId, 'customer')),
    );
    await onPortal('subscriptions', () =>
      openSubscriptionDetail(subscriptionId, pageContext(deps, tenantId, 'subscriptions')),
    );
    await onPortal('subscription-detail', () =>
      suspend(pageContext(deps, tenantId, 'subscription-detail'), document, beforeSubmit),
    );
  },
};

/** Chooses the offer under the first of its names the catalog lists; returns the name used. */
async function chooseFirstListed(names: readonly string[], quantity: number, ctx: ActContext): Promise<string> {
  const unique = [...new Set(names)];
  for (const [i, offerName] of unique.entries()) {
    try {
      await onPortal('add-subscription', () => chooseOffer({ offerName, quantity }, ctx));
      return offerName;
    } catch (error) {
      if (!(error instanceof StepStop) || error.reason !== 'not-found' || i === unique.length - 1) throw error;
    }
  }
  throw new StepStop('not-found', names[0] ?? 'offer', 'add-subscription', 'offer not listed');
}

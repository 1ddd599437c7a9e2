import type { Catalog } from '@/lib/catalog';
import { retiringMatch } from '@/lib/overlay/retiring-rule';
import type { RetiringSubscription } from './state';

/** The fields of an API subscription the worklist keeps (a structural subset of lib/api's Subscription). */
export interface ScannedSubscription {
  id: string;
  offerId: string;
  offerName?: string | null;
  friendlyName?: string | null;
  quantity: number;
  status: string;
  autoRenewEnabled?: boolean | null;
  commitmentEndDate?: string | null;
}

/**
 * A customer's retiring subscriptions, by the banners' own rule (lib/overlay/retiring-rule.ts), each
 * kept as the small serialisable summary the worklist stores. The offer name falls back to the
 * friendly name exactly as the banners' loader does (entrypoints/content/retiring.ts), so the rule
 * sees the same input on both sides.
 */
export function findRetiring(catalog: Catalog, subscriptions: readonly ScannedSubscription[]): RetiringSubscription[] {
  const found: RetiringSubscription[] = [];
  for (const sub of subscriptions) {
    const offerName = sub.offerName ?? sub.friendlyName ?? '';
    const match = retiringMatch(catalog, { offerId: sub.offerId, offerName, status: sub.status });
    if (!match) continue;
    found.push({
      subscriptionId: sub.id,
      offerId: sub.offerId,
      offerName,
      quantity: sub.quantity,
      endDate: sub.commitmentEndDate ? sub.commitmentEndDate.slice(0, 10) : null,
      autoRenew: sub.autoRenewEnabled ?? null,
      retirementId: match.retirement.id,
      retiredOfferKey: match.offer.key,
    });
  }
  return found;
}

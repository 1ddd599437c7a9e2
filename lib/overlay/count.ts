import { type Catalog, matchRetiredOffer } from '@/lib/catalog';
import type { SubscriptionLike } from './assess';

/** How many of a customer's subscriptions are active and retiring: enough for a customer-list badge. */
export function countRetiring(catalog: Catalog, subscriptions: readonly SubscriptionLike[]): number {
  return subscriptions.filter(
    (s) => s.status.toLowerCase() === 'active' && matchRetiredOffer(catalog, { offerId: s.offerId, offerName: s.offerName }),
  ).length;
}

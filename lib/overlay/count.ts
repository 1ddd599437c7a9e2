import type { Catalog } from '@/lib/catalog';
import type { SubscriptionLike } from './assess';
import { retiringMatch } from './retiring-rule';

/** How many of a customer's subscriptions retire (the banners' rule): enough for a customer-list badge. */
export function countRetiring(catalog: Catalog, subscriptions: readonly SubscriptionLike[]): number {
  return subscriptions.filter((s) => retiringMatch(catalog, s) !== null).length;
}

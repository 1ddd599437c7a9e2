import type { Customer, Offer, Qualification, SubscribedSku as ApiSku, Subscription } from '@/lib/api';
import type { Catalog } from '@/lib/catalog';
import { assessRetiring, type RetiringItem } from './assess';
import { toCustomerInfo, toSubscribedSkus } from './from-api';

/** A customer's reads, as the banners' loader (entrypoints/content/retiring.ts) makes them. */
export interface CustomerReads {
  customer: Customer;
  qualifications: readonly Qualification[];
  subscriptions: readonly Subscription[];
  skus: readonly ApiSku[];
  offers: readonly Offer[];
  /** How many users the tenant has, when they could be read. */
  userCount?: number;
}

/**
 * The customer's retiring subscriptions with the picker's recommendation, from the reads exactly as
 * the banners feed the picker (offer name falling back to the friendly name, approved qualifications,
 * the users' number), so the worklist recommends what the banner and the Migrate panel show. Apart
 * from from-api.ts, which the script every portal page loads uses without the picker.
 */
export function assessReads(catalog: Catalog, reads: CustomerReads, today: string): RetiringItem[] {
  return assessRetiring({
    catalog,
    customer: toCustomerInfo(reads.customer, reads.qualifications),
    subscriptions: reads.subscriptions.map((s) => ({ ...s, offerName: s.offerName ?? s.friendlyName })),
    offers: reads.offers,
    subscribedSkus: toSubscribedSkus(reads.skus),
    ...(reads.userCount !== undefined ? { userCount: reads.userCount } : {}),
    today,
  });
}

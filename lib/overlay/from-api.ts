import type { ApiError, Customer, Offer, Qualification, SubscribedSku as ApiSku, Subscription } from '@/lib/api';
import type { Catalog } from '@/lib/catalog';
import type { MessageKey } from '@/lib/i18n';
import type { CustomerInfo, SubscribedSku } from '@/lib/recommend';
import { assessRetiring, type RetiringItem } from './assess';

/** The picker's view of the customer: approved qualifications only. */
export function toCustomerInfo(customer: Customer, qualifications: readonly Qualification[]): CustomerInfo {
  return {
    id: customer.id,
    companyName: customer.companyProfile.companyName,
    country: customer.billingProfile?.defaultAddress?.country ?? undefined,
    qualifications: qualifications
      // Older answers carry no vetting status; only an explicit InReview or Denied holds a qualification back.
      .filter((q) => q.vettingStatus == null || q.vettingStatus === 'Approved')
      .map((q) => q.qualification),
  };
}

export function toSubscribedSkus(skus: readonly ApiSku[]): SubscribedSku[] {
  return skus.map((s) => ({
    skuId: s.productSku.id.toLowerCase(),
    skuPartNumber: s.productSku.skuPartNumber,
    name: s.productSku.name,
    totalUnits: s.totalUnits,
    consumedUnits: s.consumedUnits,
    servicePlans: s.servicePlans.map((p) => p.serviceName),
  }));
}

/** The agent-facing message for a failed read. */
export function apiMessage(error: ApiError): MessageKey {
  switch (error.kind) {
    case 'no-session':
    case 'unauthorized':
      return 'apiNoSession';
    case 'forbidden':
      return 'apiForbidden';
    case 'throttled':
      return 'apiThrottled';
    default:
      return 'apiFailed';
  }
}

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
 * the users' number), so the worklist recommends what the banner and the Migrate panel show.
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

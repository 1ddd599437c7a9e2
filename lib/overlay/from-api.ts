import type { ApiError, Customer, Qualification, SubscribedSku as ApiSku } from '@/lib/api';
import type { OverlayKey } from '@/lib/i18n/overlay';
import type { CustomerInfo, SubscribedSku } from '@/lib/recommend';

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
export function apiMessage(error: ApiError): OverlayKey {
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

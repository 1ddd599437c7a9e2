// Builders for the API's resources, shared by the scenario data and the request handler so that a
// seeded subscription and one bought through POST /orders look exactly alike.
import { link } from './paging';
import { addDays, addYears, isoDay, isoInstant } from './time';
import type { Customer, CustomerUser, Offer, Order, OrderLineItem, Subscription, SubscriptionRecord } from './types';

/** An opaque etag that changes with every revision of the subscription. */
export function etagFor(subscriptionId: string, revision: number): string {
  return Buffer.from(`{"id":"${subscriptionId}","rev":${revision}}`, 'utf8').toString('base64');
}

export interface SubscriptionInput {
  id: string;
  customerId: string;
  offer: Offer;
  quantity: number;
  status: Subscription['status'];
  autoRenewEnabled: boolean;
  /** Simulated epoch ms of purchase. */
  creationMs: number;
  /** Inclusive last day of the current term (epoch ms of any instant that day). */
  commitmentEndMs: number;
  orderId: string;
  friendlyName?: string;
  billingCycle?: string;
  parentSubscriptionId?: string | null;
}

export function subscriptionRecord(input: SubscriptionInput): SubscriptionRecord {
  const { id, customerId, offer } = input;
  // A yearly term: it started the day after the same date one year before its (inclusive) end.
  const effectiveStartMs = addDays(addYears(input.commitmentEndMs, -1), 1);
  const resource: Subscription = {
    id,
    offerId: offer.id,
    offerName: offer.name,
    friendlyName: input.friendlyName ?? offer.name,
    quantity: input.quantity,
    unitType: offer.unitType,
    hasPurchasableAddons: offer.hasAddOns,
    creationDate: isoInstant(input.creationMs),
    effectiveStartDate: isoDay(effectiveStartMs),
    commitmentEndDate: isoDay(input.commitmentEndMs),
    status: input.status,
    autoRenewEnabled: input.autoRenewEnabled,
    isTrial: offer.isTrial,
    billingType: offer.billing,
    billingCycle: input.billingCycle ?? (offer.supportedBillingCycles.includes('annual') ? 'annual' : 'none'),
    termDuration: 'P1Y',
    contractType: 'subscription',
    orderId: input.orderId,
    parentSubscriptionId: input.parentSubscriptionId ?? null,
    ...(input.status === 'suspended' ? { suspensionReasons: ['CustomerCancellation'] } : {}),
    isMicrosoftProduct: offer.isMicrosoftProduct,
    publisherName: 'Microsoft Corporation',
    links: {
      offer: link(`/offers/${offer.id}?country=US`),
      self: link(`/customers/${customerId}/subscriptions/${id}`),
      ...(input.parentSubscriptionId
        ? { parentSubscription: link(`/customers/${customerId}/subscriptions/${input.parentSubscriptionId}`) }
        : {}),
    },
    attributes: { etag: etagFor(id, 1), objectType: 'Subscription' },
  };
  return { resource, revision: 1 };
}

/** Marks a change: a new revision and etag. */
export function touch(record: SubscriptionRecord): void {
  record.revision += 1;
  record.resource.attributes.etag = etagFor(record.resource.id, record.revision);
}

export interface LineInput {
  offerId: string;
  quantity: number;
  friendlyName: string;
  parentSubscriptionId?: string;
  subscriptionId?: string;
}

export function orderResource(input: {
  id: string;
  customerId: string;
  creationMs: number;
  billingCycle: string;
  status: Order['status'];
  lines: LineInput[];
}): Order {
  const lineItems: OrderLineItem[] = input.lines.map((line, index) => ({
    lineItemNumber: index,
    offerId: line.offerId,
    ...(line.subscriptionId ? { subscriptionId: line.subscriptionId } : {}),
    ...(line.parentSubscriptionId ? { parentSubscriptionId: line.parentSubscriptionId } : {}),
    friendlyName: line.friendlyName,
    quantity: line.quantity,
    links: {
      provisioningStatus: link(
        `/customers/${input.customerId}/orders/${input.id}/lineitems/${index}/provisioningstatus`,
      ),
    },
    attributes: { objectType: 'OrderLineItem' },
  }));
  return {
    id: input.id,
    referenceCustomerId: input.customerId,
    billingCycle: input.billingCycle,
    currencyCode: 'USD',
    lineItems,
    creationDate: isoInstant(input.creationMs),
    status: input.status,
    links: { self: link(`/customers/${input.customerId}/orders/${input.id}`) },
    attributes: { objectType: 'Order' },
  };
}

export function userResource(input: {
  id: string;
  customerId: string;
  firstName: string;
  lastName: string;
  displayName: string;
  userPrincipalName: string;
  usageLocation: string;
}): CustomerUser {
  return {
    id: input.id,
    userPrincipalName: input.userPrincipalName,
    firstName: input.firstName,
    lastName: input.lastName,
    displayName: input.displayName,
    usageLocation: input.usageLocation,
    state: 'active',
    userDomainType: 'none',
    links: { self: link(`/customers/${input.customerId}/users/${input.id}`) },
    attributes: { objectType: 'CustomerUser' },
  };
}

export interface CustomerInput {
  id: string;
  commerceId: string;
  billingProfileId: string;
  companyName: string;
  domain: string;
  culture: string;
  language: string;
  country: string;
  city: string;
  region?: string;
  addressLine1: string;
  postalCode: string;
  contact: { firstName: string; lastName: string; email: string; phoneNumber: string };
}

export function customerResource(input: CustomerInput): Customer {
  return {
    id: input.id,
    commerceId: input.commerceId,
    companyProfile: {
      tenantId: input.id,
      domain: input.domain,
      companyName: input.companyName,
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    billingProfile: {
      id: input.billingProfileId,
      firstName: input.contact.firstName,
      lastName: input.contact.lastName,
      email: input.contact.email,
      culture: input.culture,
      language: input.language,
      companyName: input.companyName,
      defaultAddress: {
        country: input.country,
        ...(input.region ? { region: input.region } : {}),
        city: input.city,
        addressLine1: input.addressLine1,
        postalCode: input.postalCode,
        firstName: input.contact.firstName,
        lastName: input.contact.lastName,
        phoneNumber: input.contact.phoneNumber,
      },
      attributes: { objectType: 'CustomerBillingProfile' },
    },
    relationshipToPartner: 'reseller',
    allowDelegatedAccess: true,
    links: { self: link(`/customers/${input.id}`) },
    attributes: { objectType: 'Customer' },
  };
}

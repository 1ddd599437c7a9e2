// Resources of the simulated Partner Center REST API (https://api.partnercenter.microsoft.com/v1),
// written from the shared contract (sections 2 and 3) and the recorded offers fixture. This file is
// deliberately independent of the extension's own schemas: if both sides read the same types, a
// misunderstanding of the real API would cancel out instead of failing a test.

/** A request as Playwright's route hands it over (header names in any case). */
export interface SimRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

/** A response ready for `route.fulfill`. */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A link object as Partner Center writes it (`uri` relative to /v1). */
export interface Link {
  uri: string;
  method: 'GET' | 'POST' | 'PATCH';
  headers: Array<{ key: string; value: string }>;
}

export interface Collection<T> {
  totalCount: number;
  items: T[];
  links: { self: Link; next?: Link };
  attributes: { objectType: 'Collection' };
}

// ---- errors ---------------------------------------------------------------------------------

/** Partner Center's error body. `code` is a number as the live service sends it (the docs say string). */
export interface ApiError {
  code: number;
  description: string;
  data: unknown[];
  source: 'PartnerCenter';
}

/** Throttling uses a different body (the gateway's, not Partner Center's). */
export interface ThrottleBody {
  statusCode: 429;
  message: string;
}

// ---- customers ------------------------------------------------------------------------------

export type QualificationValue = 'None' | 'Education' | 'Nonprofit' | 'GovernmentCommunityCloud' | 'StateOwnedEntity';
export type VettingStatus = 'Approved' | 'InReview' | 'Denied';

export interface Qualification {
  qualification: QualificationValue;
  vettingStatus: VettingStatus;
}

export interface Address {
  country: string;
  region?: string;
  city: string;
  state?: string;
  addressLine1: string;
  postalCode: string;
  firstName: string;
  lastName: string;
  phoneNumber: string;
}

export interface Customer {
  id: string;
  commerceId: string;
  companyProfile: {
    tenantId: string;
    domain: string;
    companyName: string;
    attributes: { objectType: 'CustomerCompanyProfile' };
  };
  billingProfile: {
    id: string;
    firstName: string;
    lastName: string;
    email: string;
    culture: string;
    language: string;
    companyName: string;
    defaultAddress: Address;
    attributes: { objectType: 'CustomerBillingProfile' };
  };
  relationshipToPartner: 'reseller' | 'advisor' | 'none';
  allowDelegatedAccess: boolean;
  links: { self: Link };
  attributes: { objectType: 'Customer' };
}

// ---- offers (the fixture's exact shape) -----------------------------------------------------

export interface OfferCategory {
  id: string;
  name: string;
  rank: number;
  locale: string;
  country: string;
  attributes: { objectType: 'OfferCategory' };
}

export interface Offer {
  id: string;
  name: string;
  description: string;
  minimumQuantity: number;
  maximumQuantity: number;
  rank: number;
  uri: string;
  locale: string;
  country: string;
  category: OfferCategory;
  /** 'None', 'Concurrent' (at most `limit` live subscriptions) or 'Lifetime' (at most `limit` ever). */
  limitUnitOfMeasure: string;
  limit: number;
  termUnitOfMeasure: string;
  term: number;
  prerequisiteOffers: string[];
  isAddOn: boolean;
  hasAddOns: boolean;
  isAvailableForPurchase: boolean;
  billing: string;
  supportedBillingCycles: string[];
  isAutoRenewable: boolean;
  isInternal: boolean;
  isMicrosoftProduct: boolean;
  upgradeTargetOffers?: string[];
  conversionTargetOffers: string[];
  reselleeQualifications: string[];
  resellerQualifications: string[];
  salesGroupId: string;
  isTrial: boolean;
  acquisitionType: string;
  supportedCatalogTypes: string[];
  actions: string[];
  /** `product.id` is the license SKU id, in upper case. */
  product: { id: string; name: string; unit: string };
  unitType: string;
  links: { learnMore: { uri?: string; method: 'GET'; headers: unknown[] }; self: Link };
  attributes: { objectType: 'Offer' };
}

// ---- subscriptions and orders ---------------------------------------------------------------

export type SubscriptionStatus = 'none' | 'active' | 'pending' | 'suspended' | 'expired' | 'disabled' | 'deleted';

export interface Subscription {
  id: string;
  offerId: string;
  offerName: string;
  friendlyName: string;
  quantity: number;
  unitType: string;
  hasPurchasableAddons: boolean;
  creationDate: string;
  effectiveStartDate: string;
  /** Inclusive: the subscription runs through this day. */
  commitmentEndDate: string;
  status: SubscriptionStatus;
  autoRenewEnabled: boolean;
  isTrial: boolean;
  billingType: string;
  billingCycle: string;
  termDuration: string;
  contractType: 'subscription';
  orderId: string;
  parentSubscriptionId: string | null;
  suspensionReasons?: string[];
  isMicrosoftProduct: boolean;
  publisherName: string;
  links: { offer: Link; self: Link; parentSubscription?: Link };
  attributes: { etag: string; objectType: 'Subscription' };
}

export interface OrderLineItem {
  lineItemNumber: number;
  offerId: string;
  /** Absent until the subscription is provisioned (asynchronously, seconds after the order). */
  subscriptionId?: string;
  parentSubscriptionId?: string;
  friendlyName: string;
  quantity: number;
  links: { provisioningStatus: Link };
  attributes: { objectType: 'OrderLineItem' };
}

export type OrderStatus = 'none' | 'pending' | 'completed' | 'cancelled';

export interface Order {
  id: string;
  referenceCustomerId: string;
  billingCycle: string;
  currencyCode: string;
  lineItems: OrderLineItem[];
  creationDate: string;
  status: OrderStatus;
  links: { self: Link };
  attributes: { objectType: 'Order' };
}

// ---- users and licenses ---------------------------------------------------------------------

export interface CustomerUser {
  id: string;
  userPrincipalName: string;
  firstName: string;
  lastName: string;
  displayName: string;
  usageLocation: string;
  state: 'active' | 'inactive';
  userDomainType: 'none';
  links: { self: Link };
  attributes: { objectType: 'CustomerUser' };
}

export interface ServicePlan {
  displayName: string;
  /** The plan's string id, e.g. KAIZALA_STANDALONE. */
  serviceName: string;
  id: string;
  capabilityStatus: 'Enabled' | 'Disabled';
  targetType: 'User';
}

export interface ProductSku {
  /** Lower case here, while offers write the same id in upper case. */
  id: string;
  name: string;
  skuPartNumber: string;
  targetType: 'User';
  licenseGroupId: 'group1';
}

export interface License {
  servicePlans: ServicePlan[];
  productSku: ProductSku;
  attributes: { objectType: 'License' };
}

export interface SubscribedSku {
  availableUnits: number;
  activeUnits: number;
  consumedUnits: number;
  suspendedUnits: number;
  totalUnits: number;
  warningUnits: number;
  productSku: ProductSku;
  servicePlans: ServicePlan[];
  capabilityStatus: 'Enabled' | 'Suspended';
  attributes: { objectType: 'SubscribedSku' };
}

export interface LicenseAssignment {
  skuId: string;
  excludedPlans: string[] | null;
}

/** Request body of POST licenseupdates, and (with `licenseWarnings` and `attributes`) its response. */
export interface LicenseUpdate {
  licensesToAssign: LicenseAssignment[];
  licensesToRemove: string[] | null;
  licenseGroupId?: string;
  licenseWarnings: unknown[];
  attributes: { objectType: 'LicenseUpdate' };
}

// ---- simulator state (what toJSON/fromJSON carry) -------------------------------------------

export interface SubscriptionRecord {
  resource: Subscription;
  /** Bumped on every change; the etag is derived from it. */
  revision: number;
  /** Simulated time (ISO) the subscription was suspended, for the 120-day de-provisioning note. */
  suspendedAt?: string;
}

export interface OrderRecord {
  resource: Order;
  /** Simulated epoch ms after which the order's subscriptions exist. */
  provisionAtMs: number;
  /** Subscription ids reserved at order time (one per line item), so ids are deterministic. */
  reservedSubscriptionIds: string[];
}

export interface UserLicense {
  /** Lower-case SKU id. */
  skuId: string;
  /** Service plan ids turned off for this user (`excludedPlans`). */
  disabledPlans: string[];
}

export interface UserRecord {
  resource: CustomerUser;
  licenses: UserLicense[];
}

export interface CustomerRecord {
  /** The scenario this customer was built from (the demo holds one customer per scenario). */
  scenario: string;
  customer: Customer;
  qualifications: Qualification[];
  subscriptions: SubscriptionRecord[];
  orders: OrderRecord[];
  users: UserRecord[];
}

export interface PartnerState {
  version: 1;
  scenario: string;
  partner: { tenantId: string; companyName: string; mpnId: string };
  customers: CustomerRecord[];
  /** Counter for ids minted at run time (orders, subscriptions), so they too are deterministic. */
  idCounter: number;
}

export type Role = 'admin-agent' | 'sales-agent';

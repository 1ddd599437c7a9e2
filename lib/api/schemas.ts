import * as z from 'zod/mini';

/**
 * The Partner Center resources the extension reads (contract section 2), checked on arrival.
 *
 * - Objects are loose: the API adds fields over time, and unknown fields are kept rather than
 *   stripped so that a resource read here can be sent back whole (PATCH of a subscription takes the
 *   full resource).
 * - Only fields the extension uses are required. Fields it may use but can live without are
 *   optional and may be null (the service's serializer writes null for "no value").
 * - Ids are plain non-empty strings: GUIDs almost everywhere, compared case-insensitively by the
 *   caller (offers write them upper case, licenses lower case), but the recorded catalog also holds
 *   a non-GUID offer id ("MS-AZR-0145P"), so no GUID pattern is enforced on data.
 */

const id = z.string().check(z.minLength(1));
const count = z.number().check(z.int(), z.minimum(0));

/** Optional and nullable: present, absent or null all parse. */
function maybe<T extends z.ZodMiniType>(schema: T) {
  return z.optional(z.nullable(schema));
}

/** An array that may be missing (read as empty). */
function list<T extends z.ZodMiniType>(item: T) {
  return z._default(z.array(item), () => []);
}

// ---- collections ----------------------------------------------------------------------------

export const LinkHeader = z.looseObject({
  key: z.string().check(z.minLength(1)),
  value: z.string(),
});

/** A link as Partner Center writes it; `uri` is relative to /v1. */
export const Link = z.looseObject({
  uri: z.string().check(z.minLength(1)),
  method: maybe(z.string()),
  headers: list(LinkHeader),
});

export const CollectionLinks = z.looseObject({
  self: maybe(z.looseObject({ uri: maybe(z.string()) })),
  next: maybe(Link),
});

/** `{totalCount, items[], links: {self, next?}, attributes}`; only `items` and `links.next` matter here. */
export function Collection<T extends z.ZodMiniType>(item: T) {
  return z.looseObject({
    totalCount: maybe(count),
    items: z.array(item),
    links: maybe(CollectionLinks),
  });
}

// ---- errors ---------------------------------------------------------------------------------

/** Partner Center's error body. */
export const ErrorBody = z.looseObject({
  code: z.union([z.number(), z.string()]),
  description: z.string(),
  data: maybe(z.array(z.unknown())),
  source: maybe(z.string()),
});

/** The gateway's throttling body (HTTP 429): `{statusCode: 429, message: "... Try again in N seconds."}`. */
export const ThrottleBody = z.looseObject({
  statusCode: z.number(),
  message: z.string(),
});

// ---- customers ------------------------------------------------------------------------------

export const Customer = z.looseObject({
  id,
  companyProfile: z.looseObject({
    tenantId: maybe(z.string()),
    domain: z.string(),
    companyName: z.string(),
  }),
  // The list endpoint leaves the billing profile out; a single customer read carries it.
  billingProfile: maybe(
    z.looseObject({
      culture: maybe(z.string()),
      language: maybe(z.string()),
      defaultAddress: maybe(z.looseObject({ country: maybe(z.string()) })),
    }),
  ),
  relationshipToPartner: maybe(z.string()),
});

export const QualificationValue = z.enum([
  'None',
  'Education',
  'Nonprofit',
  'GovernmentCommunityCloud',
  'StateOwnedEntity',
]);
export const VettingStatus = z.enum(['Approved', 'InReview', 'Denied']);

export const Qualification = z.looseObject({
  qualification: QualificationValue,
  // A qualification that needs no vetting (None) may come without a status.
  vettingStatus: maybe(VettingStatus),
});
export const Qualifications = z.array(Qualification);

// ---- subscriptions --------------------------------------------------------------------------

export const SubscriptionStatus = z.enum(['none', 'active', 'pending', 'suspended', 'expired', 'disabled', 'deleted']);

export const Subscription = z.looseObject({
  id,
  offerId: id,
  offerName: maybe(z.string()),
  friendlyName: z.string(),
  quantity: count,
  unitType: maybe(z.string()),
  status: SubscriptionStatus,
  autoRenewEnabled: z.boolean(),
  creationDate: maybe(z.string()),
  effectiveStartDate: maybe(z.string()),
  /** Inclusive: the subscription runs through this day. */
  commitmentEndDate: z.string(),
  billingCycle: maybe(z.string()),
  orderId: maybe(z.string()),
  parentSubscriptionId: maybe(z.string()),
  // `etag` is what a PATCH sends as If-Match; list items may leave it out.
  attributes: maybe(z.looseObject({ etag: maybe(z.string()), objectType: maybe(z.string()) })),
});

// ---- offers ---------------------------------------------------------------------------------

export const Offer = z.looseObject({
  id,
  name: z.string(),
  minimumQuantity: count,
  maximumQuantity: count,
  // `id` is '' for uncategorised offers in the recorded catalog.
  category: z.looseObject({ id: z.string() }),
  isAddOn: z.boolean(),
  prerequisiteOffers: list(z.string()),
  reselleeQualifications: list(z.string()),
  isAvailableForPurchase: z.boolean(),
  /** `product.id` is the license SKU id (upper case here, lower case in licenses). */
  product: z.looseObject({ id, name: z.string(), unit: maybe(z.string()) }),
});

// ---- orders ---------------------------------------------------------------------------------

export const OrderLineItem = z.looseObject({
  lineItemNumber: count,
  offerId: id,
  quantity: count,
  /** Appears seconds after the order, once the subscription is provisioned. */
  subscriptionId: maybe(z.string()),
});

export const Order = z.looseObject({
  id,
  lineItems: z.array(OrderLineItem),
  status: maybe(z.string()),
  creationDate: maybe(z.string()),
});

// ---- users and licenses ---------------------------------------------------------------------

export const CustomerUser = z.looseObject({
  id,
  userPrincipalName: z.string(),
  displayName: z.string(),
  usageLocation: maybe(z.string()),
  state: maybe(z.string()),
});

export const ProductSku = z.looseObject({
  id,
  name: z.string(),
  skuPartNumber: z.string(),
});

/** Coverage is decided by service plan name (e.g. `KAIZALA_STANDALONE`), so only that is required. */
export const ServicePlan = z.looseObject({
  serviceName: z.string(),
  displayName: maybe(z.string()),
  id: maybe(z.string()),
});

export const License = z.looseObject({
  productSku: ProductSku,
  servicePlans: list(ServicePlan),
});

export const SubscribedSku = z.looseObject({
  productSku: ProductSku,
  totalUnits: count,
  consumedUnits: count,
  // Can be negative on the live service when more seats are assigned than owned, hence no minimum.
  availableUnits: z.number().check(z.int()),
  servicePlans: list(ServicePlan),
});

// ---- inferred types -------------------------------------------------------------------------

export type LinkHeader = z.infer<typeof LinkHeader>;
export type Link = z.infer<typeof Link>;
export type Collection<T> = Omit<z.infer<ReturnType<typeof Collection<z.ZodMiniUnknown>>>, 'items'> & { items: T[] };
export type ErrorBody = z.infer<typeof ErrorBody>;
export type ThrottleBody = z.infer<typeof ThrottleBody>;
export type Customer = z.infer<typeof Customer>;
export type QualificationValue = z.infer<typeof QualificationValue>;
export type VettingStatus = z.infer<typeof VettingStatus>;
export type Qualification = z.infer<typeof Qualification>;
export type SubscriptionStatus = z.infer<typeof SubscriptionStatus>;
export type Subscription = z.infer<typeof Subscription>;
export type Offer = z.infer<typeof Offer>;
export type OrderLineItem = z.infer<typeof OrderLineItem>;
export type Order = z.infer<typeof Order>;
export type CustomerUser = z.infer<typeof CustomerUser>;
export type ProductSku = z.infer<typeof ProductSku>;
export type ServicePlan = z.infer<typeof ServicePlan>;
export type License = z.infer<typeof License>;
export type SubscribedSku = z.infer<typeof SubscribedSku>;

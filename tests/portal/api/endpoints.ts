// The endpoints of the contract's table (plus a few neighbours the real API also has: a single offer,
// a single user, the order list). Each takes the request's context and returns a status and a body,
// or throws ApiFailure; the handler turns either into an HTTP response.
import { fail } from './errors';
import { applyLicenseUpdate, licenseResource, subscribedSkus } from './licensing';
import { catalogOffers, findOffer } from './offers';
import { collection, pageOf, pagePosition } from './paging';
import { orderResource, touch } from './resources';
import { isoInstant } from './time';
import type {
  Collection,
  CustomerRecord,
  Offer,
  OrderRecord,
  PartnerState,
  Role,
  Subscription,
  SubscriptionRecord,
  UserRecord,
} from './types';

export interface EndpointContext {
  state: PartnerState;
  role: Role;
  nowMs: number;
  provisioningDelayMs: number;
  /** Offer ids (upper case) that GET /offers leaves out: retired offers that left the catalog. */
  hiddenOffers: ReadonlySet<string>;
  query: URLSearchParams;
  /** Request headers, names in lower case. */
  headers: Record<string, string>;
  /** The parsed JSON body (undefined when there was none). */
  body: unknown;
  mintId(kind: string): string;
}

export interface EndpointResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const ok = (body: unknown, headers?: Record<string, string>): EndpointResult => ({
  status: 200,
  body,
  ...(headers ? { headers } : {}),
});

// ---- lookups ---------------------------------------------------------------------------------

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function findSubscription(customer: CustomerRecord, subscriptionId: string): SubscriptionRecord {
  const record = customer.subscriptions.find((s) => sameId(s.resource.id, subscriptionId));
  if (!record) fail('notFound', `Subscription ${subscriptionId} was not found for customer ${customer.customer.id}.`);
  return record;
}

function findUser(customer: CustomerRecord, userId: string): UserRecord {
  const user = customer.users.find((u) => sameId(u.resource.id, userId));
  if (!user) fail('notFound', `User ${userId} was not found in customer ${customer.customer.id}.`);
  return user;
}

// ---- filters (the portal's search boxes) ------------------------------------------------------

interface Filter {
  field: string;
  value: string;
  operator: string;
}

function parseFilter(raw: string | undefined, fields: readonly string[]): Filter | undefined {
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    fail('invalidInput', 'The filter parameter must be JSON: {"Field":"...","Value":"...","Operator":"starts_with"}.');
  }
  const f = parsed as Record<string, unknown>;
  const field = typeof f?.Field === 'string' ? f.Field : '';
  const value = typeof f?.Value === 'string' ? f.Value : undefined;
  const operator = typeof f?.Operator === 'string' ? f.Operator.toLowerCase() : '';
  if (!fields.some((x) => x.toLowerCase() === field.toLowerCase()) || value === undefined) {
    fail('invalidInput', `Filter field must be one of ${fields.join(', ')} with a string Value.`);
  }
  if (operator !== 'starts_with' && operator !== 'substring') {
    fail('invalidInput', 'Filter operator must be starts_with or substring.');
  }
  return { field: field.toLowerCase(), value: value.toLowerCase(), operator };
}

function test(filter: Filter, text: string): boolean {
  const t = text.toLowerCase();
  return filter.operator === 'starts_with' ? t.startsWith(filter.value) : t.includes(filter.value);
}

// ---- customers -------------------------------------------------------------------------------

export function listCustomers(ctx: EndpointContext): EndpointResult {
  const input = {
    scope: 'customers',
    basePath: '/customers',
    query: ctx.query,
    continuationToken: ctx.headers['ms-continuationtoken'],
  };
  const position = pagePosition(input);
  const filter = parseFilter(position.filter, ['CompanyName', 'Domain']);
  const all = ctx.state.customers.map((c) => c.customer);
  const matching = filter
    ? all.filter((c) =>
        test(filter, filter.field === 'domain' ? c.companyProfile.domain : c.companyProfile.companyName),
      )
    : all;
  return ok(pageOf(matching, position, input));
}

export function getCustomer(customer: CustomerRecord): EndpointResult {
  return ok(customer.customer);
}

export function getQualifications(customer: CustomerRecord): EndpointResult {
  return ok(customer.qualifications);
}

// ---- offers ----------------------------------------------------------------------------------

let catalogBodyCache: Collection<Offer> | undefined;

function requireCountry(ctx: EndpointContext): string {
  const country = ctx.query.get('country');
  if (!country || !/^[A-Za-z]{2}$/.test(country))
    fail('invalidInput', 'The country parameter (ISO two-letter code) is required.');
  return country.toUpperCase();
}

/**
 * The catalog. The recording is the US catalog; it is served for every country (assumed: the same
 * offers are sold in the scenarios' countries, prices aside), with `self` naming the asked country.
 */
export function listOffers(ctx: EndpointContext): EndpointResult {
  const country = requireCountry(ctx);
  if (!catalogBodyCache) catalogBodyCache = collection([...catalogOffers()], '/offers?country=US');
  // Hidden offers leave the list only; buying one is refused by the order rules as before.
  const body =
    ctx.hiddenOffers.size === 0
      ? catalogBodyCache
      : collection(
          catalogBodyCache.items.filter((o) => !ctx.hiddenOffers.has(o.id.toUpperCase())),
          '/offers?country=US',
        );
  if (country === 'US') return ok(body);
  return ok({ ...body, links: { self: { ...body.links.self, uri: `/offers?country=${country}` } } });
}

export function getOffer(ctx: EndpointContext, offerId: string): EndpointResult {
  requireCountry(ctx);
  const offer = findOffer(offerId);
  if (!offer) fail('notFound', `Offer ${offerId} was not found.`);
  return ok(offer);
}

// ---- subscriptions ---------------------------------------------------------------------------

export function listSubscriptions(customer: CustomerRecord): EndpointResult {
  // The API lists every subscription, expired ones included; the portal's grid hides those.
  return ok(
    collection(
      customer.subscriptions.map((s) => s.resource),
      `/customers/${customer.customer.id}/subscriptions`,
    ),
  );
}

export function getSubscription(customer: CustomerRecord, subscriptionId: string): EndpointResult {
  const record = findSubscription(customer, subscriptionId);
  return ok(record.resource, { ETag: record.resource.attributes.etag });
}

function stripEtag(value: string): string {
  return value
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
}

/** Seats of a Business-category product the customer holds or has on order (the 300-seat cap). */
function businessSeats(customer: CustomerRecord, productId: string, except?: string): number {
  let seats = 0;
  for (const { resource } of customer.subscriptions) {
    if (resource.id === except) continue;
    if (resource.status !== 'active' && resource.status !== 'suspended') continue;
    if (findOffer(resource.offerId)?.product.id.toUpperCase() === productId) seats += resource.quantity;
  }
  for (const order of customer.orders) {
    if (order.resource.status !== 'pending') continue;
    for (const line of order.resource.lineItems) {
      if (findOffer(line.offerId)?.product.id.toUpperCase() === productId) seats += line.quantity;
    }
  }
  return seats;
}

function checkQuantity(offer: Offer, quantity: unknown): number {
  if (typeof quantity !== 'number' || !Number.isInteger(quantity)) {
    fail('invalidInput', `Quantity must be a whole number; got ${JSON.stringify(quantity)}.`);
  }
  if (quantity < offer.minimumQuantity || quantity > offer.maximumQuantity) {
    fail(
      'quantityOutOfRange',
      `Quantity ${quantity} is outside the allowed range for ${offer.name}: ${offer.minimumQuantity} to ${offer.maximumQuantity}.`,
      [{ offerId: offer.id, minimumQuantity: offer.minimumQuantity, maximumQuantity: offer.maximumQuantity }],
    );
  }
  return quantity;
}

function checkBusinessCap(customer: CustomerRecord, offer: Offer, adding: number, except?: string): void {
  if (offer.category.id !== 'SmallBusiness_Key') return;
  const total = businessSeats(customer, offer.product.id.toUpperCase(), except) + adding;
  if (total > offer.maximumQuantity) {
    fail(
      'quantityOutOfRange',
      `${offer.name} allows at most ${offer.maximumQuantity} seats per customer; this change would make ${total}.`,
      [{ offerId: offer.id, maximumQuantity: offer.maximumQuantity, requestedTotal: total }],
    );
  }
}

/**
 * PATCH with the full resource and `If-Match`. Allowed changes: status active ⇄ suspended, quantity,
 * autoRenewEnabled, friendlyName. Suspending turns auto-renew off. A suspended subscription accepts
 * only reactivation (800091).
 */
export function patchSubscription(
  ctx: EndpointContext,
  customer: CustomerRecord,
  subscriptionId: string,
): EndpointResult {
  const record = findSubscription(customer, subscriptionId);
  const current = record.resource;
  const ifMatch = ctx.headers['if-match'];
  if (ifMatch === undefined || stripEtag(ifMatch) !== current.attributes.etag) {
    fail(
      'staleEtag',
      ifMatch === undefined
        ? 'The If-Match header with the subscription etag is required.'
        : 'The subscription was changed since it was read (etag mismatch). Read it again and retry.',
    );
  }
  if (typeof ctx.body !== 'object' || ctx.body === null || Array.isArray(ctx.body)) {
    fail('invalidInput', 'The request body must be the Subscription resource.');
  }
  const body = ctx.body as Partial<Record<keyof Subscription, unknown>>;
  if (typeof body.id === 'string' && !sameId(body.id, current.id))
    fail('invalidProperty', 'The subscription id cannot change.');
  if (typeof body.offerId === 'string' && !sameId(body.offerId, current.offerId)) {
    fail('invalidProperty', 'The offer of a subscription cannot change.');
  }

  const changes: { status?: string; quantity?: unknown; autoRenewEnabled?: unknown; friendlyName?: unknown } = {};
  if (body.status !== undefined && body.status !== current.status) changes.status = String(body.status);
  if (body.quantity !== undefined && body.quantity !== current.quantity) changes.quantity = body.quantity;
  if (body.autoRenewEnabled !== undefined && body.autoRenewEnabled !== current.autoRenewEnabled) {
    changes.autoRenewEnabled = body.autoRenewEnabled;
  }
  if (body.friendlyName !== undefined && body.friendlyName !== current.friendlyName)
    changes.friendlyName = body.friendlyName;

  if (current.status === 'expired' || current.status === 'deleted' || current.status === 'disabled') {
    if (Object.keys(changes).length > 0) {
      fail('subscriptionNotActive', `Subscription ${current.id} is ${current.status} and cannot be changed.`);
    }
    return ok(current, { ETag: current.attributes.etag });
  }

  const offer = findOffer(current.offerId);
  if (!offer) fail('notFound', `Offer ${current.offerId} was not found.`);

  if (current.status === 'suspended') {
    const { status, ...others } = changes;
    if (Object.keys(others).length > 0 || (status !== undefined && status !== 'active')) {
      fail(
        'suspendedSubscription',
        `Subscription ${current.id} is suspended; only reactivation (status active) is allowed.`,
      );
    }
    if (status === 'active') {
      current.status = 'active';
      delete current.suspensionReasons;
      delete record.suspendedAt;
      touch(record);
    }
    return ok(current, { ETag: current.attributes.etag });
  }

  if (changes.status !== undefined && changes.status !== 'suspended' && changes.status !== 'active') {
    fail('invalidProperty', `Status "${changes.status}" cannot be set; use active or suspended.`);
  }
  if (changes.quantity !== undefined) {
    const quantity = checkQuantity(offer, changes.quantity);
    checkBusinessCap(customer, offer, quantity, current.id);
  }
  if (changes.autoRenewEnabled !== undefined && typeof changes.autoRenewEnabled !== 'boolean') {
    fail('invalidProperty', 'autoRenewEnabled must be true or false.');
  }
  if (changes.autoRenewEnabled === true && (!offer.isAutoRenewable || changes.status === 'suspended')) {
    fail('offerNotAvailable', `${offer.name} is no longer available, so its subscription cannot renew.`);
  }
  if (changes.friendlyName !== undefined && (typeof changes.friendlyName !== 'string' || changes.friendlyName === '')) {
    fail('invalidProperty', 'friendlyName must be a non-empty string.');
  }

  if (Object.keys(changes).length === 0) return ok(current, { ETag: current.attributes.etag });
  if (changes.quantity !== undefined) current.quantity = changes.quantity as number;
  if (changes.friendlyName !== undefined) current.friendlyName = changes.friendlyName as string;
  if (changes.autoRenewEnabled !== undefined) current.autoRenewEnabled = changes.autoRenewEnabled as boolean;
  if (changes.status === 'suspended') {
    current.status = 'suspended';
    current.autoRenewEnabled = false;
    current.suspensionReasons = ['CustomerCancellation'];
    record.suspendedAt = isoInstant(ctx.nowMs);
  }
  touch(record);
  return ok(current, { ETag: current.attributes.etag });
}

// ---- orders ----------------------------------------------------------------------------------

const LIVE: ReadonlySet<string> = new Set(['active', 'suspended', 'pending']);

/** How many subscriptions of the offer count against its limit (live ones; for Lifetime, all ever). */
function subscriptionsOfOffer(customer: CustomerRecord, offer: Offer, lifetime: boolean): number {
  let count = customer.subscriptions.filter(
    (s) => sameId(s.resource.offerId, offer.id) && (lifetime || LIVE.has(s.resource.status)),
  ).length;
  for (const order of customer.orders) {
    if (order.resource.status !== 'pending') continue;
    count += order.resource.lineItems.filter((l) => sameId(l.offerId, offer.id)).length;
  }
  return count;
}

function hasQualification(customer: CustomerRecord, wanted: readonly string[]): boolean {
  return customer.qualifications.some(
    (q) => q.vettingStatus === 'Approved' && wanted.some((w) => w.toLowerCase() === q.qualification.toLowerCase()),
  );
}

export function createOrder(ctx: EndpointContext, customer: CustomerRecord): EndpointResult {
  if (typeof ctx.body !== 'object' || ctx.body === null || Array.isArray(ctx.body)) {
    fail('invalidInput', 'The request body must be an Order with lineItems.');
  }
  const body = ctx.body as Record<string, unknown>;
  if (typeof body.referenceCustomerId === 'string' && !sameId(body.referenceCustomerId, customer.customer.id)) {
    fail('invalidProperty', 'referenceCustomerId does not match the customer in the path.');
  }
  const billingCycle = typeof body.billingCycle === 'string' ? body.billingCycle.toLowerCase() : 'monthly';
  if (!['monthly', 'annual', 'none'].includes(billingCycle))
    fail('invalidProperty', `Unknown billingCycle "${billingCycle}".`);
  if (!Array.isArray(body.lineItems) || body.lineItems.length === 0) {
    fail('invalidInput', 'An order needs at least one line item.');
  }

  const lines: Array<{ offer: Offer; quantity: number; friendlyName: string; parentSubscriptionId?: string }> = [];
  for (const raw of body.lineItems as unknown[]) {
    if (typeof raw !== 'object' || raw === null) fail('invalidInput', 'Each line item must be an object.');
    const item = raw as Record<string, unknown>;
    if (typeof item.offerId !== 'string') fail('invalidProperty', 'Each line item needs an offerId.');
    const offer = findOffer(item.offerId);
    if (!offer) fail('invalidProperty', `Offer ${item.offerId} does not exist in the catalog.`);
    if (!offer.isAvailableForPurchase) {
      fail('offerNotAvailable', `${offer.name} is no longer available for purchase.`, [{ offerId: offer.id }]);
    }
    const quantity = checkQuantity(offer, item.quantity);
    if (offer.reselleeQualifications.length > 0 && !hasQualification(customer, offer.reselleeQualifications)) {
      fail(
        'qualificationRequired',
        `${offer.name} requires the customer to be qualified as ${offer.reselleeQualifications.join(' or ')}.`,
      );
    }
    let parentSubscriptionId: string | undefined;
    if (offer.isAddOn) {
      const parentId = typeof item.parentSubscriptionId === 'string' ? item.parentSubscriptionId : '';
      const parent = customer.subscriptions.find((s) => sameId(s.resource.id, parentId));
      const prerequisites = offer.prerequisiteOffers.map((p) => p.toUpperCase());
      if (parent?.resource.status !== 'active' || !prerequisites.includes(parent.resource.offerId.toUpperCase())) {
        fail(
          'prerequisiteMissing',
          `${offer.name} is an add-on: name an active parent subscription of a prerequisite offer.`,
        );
      }
      parentSubscriptionId = parent.resource.id;
    }
    const suspended = customer.subscriptions.find(
      (s) => sameId(s.resource.offerId, offer.id) && s.resource.status === 'suspended',
    );
    if (suspended) {
      fail(
        'suspendedSubscriptionExists',
        `The customer has a suspended subscription of ${offer.name} (${suspended.resource.id}); reactivate it instead of buying the offer again.`,
        [{ subscriptionId: suspended.resource.id }],
      );
    }
    if (offer.limitUnitOfMeasure === 'Concurrent' || offer.limitUnitOfMeasure === 'Lifetime') {
      const lifetime = offer.limitUnitOfMeasure === 'Lifetime';
      const held = subscriptionsOfOffer(customer, offer, lifetime) + lines.filter((l) => l.offer === offer).length;
      if (held + 1 > offer.limit) {
        fail(
          'offerLimitReached',
          offer.limit === 1
            ? `${offer.name} allows one subscription per customer${lifetime ? ', ever' : ''}, and this customer already has it.`
            : `${offer.name} allows at most ${offer.limit} ${lifetime ? '' : 'concurrent '}subscriptions per customer.`,
        );
      }
    }
    const sameProductInOrder = lines
      .filter((l) => l.offer.product.id === offer.product.id)
      .reduce((n, l) => n + l.quantity, 0);
    checkBusinessCap(customer, offer, quantity + sameProductInOrder);
    const friendlyName =
      typeof item.friendlyName === 'string' && item.friendlyName !== '' ? item.friendlyName : offer.name;
    lines.push({ offer, quantity, friendlyName, ...(parentSubscriptionId ? { parentSubscriptionId } : {}) });
  }

  const orderId = ctx.mintId('order');
  const record: OrderRecord = {
    resource: orderResource({
      id: orderId,
      customerId: customer.customer.id,
      creationMs: ctx.nowMs,
      billingCycle,
      status: 'pending',
      lines: lines.map((l) => ({
        offerId: l.offer.id,
        quantity: l.quantity,
        friendlyName: l.friendlyName,
        ...(l.parentSubscriptionId ? { parentSubscriptionId: l.parentSubscriptionId } : {}),
      })),
    }),
    provisionAtMs: ctx.nowMs + ctx.provisioningDelayMs,
    reservedSubscriptionIds: lines.map(() => ctx.mintId('subscription')),
  };
  customer.orders.push(record);
  return { status: 201, body: record.resource };
}

export function listOrders(customer: CustomerRecord): EndpointResult {
  return ok(
    collection(
      customer.orders.map((o) => o.resource),
      `/customers/${customer.customer.id}/orders`,
    ),
  );
}

export function getOrder(customer: CustomerRecord, orderId: string): EndpointResult {
  const order = customer.orders.find((o) => sameId(o.resource.id, orderId));
  if (!order) fail('notFound', `Order ${orderId} was not found for customer ${customer.customer.id}.`);
  return ok(order.resource);
}

// ---- users and licenses ----------------------------------------------------------------------

export function listUsers(ctx: EndpointContext, customer: CustomerRecord): EndpointResult {
  const basePath = `/customers/${customer.customer.id}/users`;
  const input = {
    scope: `users:${customer.customer.id}`,
    basePath,
    query: ctx.query,
    continuationToken: ctx.headers['ms-continuationtoken'],
  };
  const position = pagePosition(input);
  const filter = parseFilter(position.filter, ['DisplayName', 'UserPrincipalName']);
  const all = customer.users.map((u) => u.resource);
  const matching = filter
    ? all.filter((u) => test(filter, filter.field === 'displayname' ? u.displayName : u.userPrincipalName))
    : all;
  return ok(pageOf(matching, position, input));
}

export function getUser(customer: CustomerRecord, userId: string): EndpointResult {
  return ok(findUser(customer, userId).resource);
}

export function listLicenses(customer: CustomerRecord, userId: string): EndpointResult {
  const user = findUser(customer, userId);
  return ok(
    collection(
      user.licenses.map((l) => licenseResource(l)),
      `/customers/${customer.customer.id}/users/${user.resource.id}/licenses`,
    ),
  );
}

export function updateLicenses(ctx: EndpointContext, customer: CustomerRecord, userId: string): EndpointResult {
  // A plain Sales agent lacks the customer-tenant admin role license changes need (contract §1, Roles).
  if (ctx.role !== 'admin-agent') {
    fail(
      'licenseChangeNotPermitted',
      'The signed-in partner user is not permitted to change licenses for this customer. An Admin agent (or a granular admin role in the customer tenant) is required.',
    );
  }
  const user = findUser(customer, userId);
  return { status: 201, body: applyLicenseUpdate(customer, user, ctx.body) };
}

export function listSubscribedSkus(customer: CustomerRecord): EndpointResult {
  return ok(collection(subscribedSkus(customer), `/customers/${customer.customer.id}/subscribedskus`));
}

import type * as z from 'zod/mini';
import { type ApiResult, fail } from './errors';
import { createLimiter, type Limiter, withSharedPause } from './limit';
import { allPages, type Page, pages, readPage } from './paging';
import { paths, templates } from './paths';
import { API_ORIGIN, type RequestContext, request, type Target } from './request';
import { defaultSleep } from './retry';
import {
  Customer,
  CustomerUser,
  License,
  Offer,
  Order,
  type Qualification,
  Qualifications,
  SubscribedSku,
  Subscription,
} from './schemas';

/**
 * The session client: the same read requests the portal page makes, with the page's own token
 * (contract section 2). Runs in the content script; the token is read through `getToken` for every
 * attempt and goes nowhere but into the Authorization header of requests to the API origin.
 */

export const DEFAULT_BASE_URL = `${API_ORIGIN}/v1`;

export interface SessionClientOptions {
  /** The portal's current token, or null when signed out (see `readSessionToken`). */
  getToken: () => string | null;
  fetch?: typeof fetch;
  /** Must be on https://api.partnercenter.microsoft.com (the token goes nowhere else). */
  baseUrl?: string;
  /** Requests in flight at once across the client (default 4), user license reads aside. */
  maxInFlight?: number;
  /**
   * Reads of one user's licenses in flight at once (default 10), with one shared pause on 429. Step B
   * reads every user of a tenant this way (1,200 reads at 4 at once took 40 s at 100 ms a request);
   * the contract's rate budget covers customer, subscription and order endpoints, not these, so they
   * get their own gate rather than a larger share of that one. Ignored when `limiter` is given.
   */
  maxUserReadsInFlight?: number;
  /**
   * The gate every request passes, instead of one made from `maxInFlight`: lets a caller share one
   * rate budget and 429 pause across requests (the worklist scan's scheduler).
   */
  limiter?: Limiter;
  /** Per attempt, including reading the body (default 20 000 ms). */
  timeoutMs?: number;
  /** Attempts per request, the first included (default 4). */
  maxAttempts?: number;
  /** [0, 1); drives backoff jitter. */
  random?: () => number;
  /** Waits between attempts; should return early when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A new GUID (MS-RequestId per request, MS-CorrelationId per client). */
  newId?: () => string;
}

export interface RequestOptions {
  /** Aborts waiting, retries and the request in flight; the result is then an `aborted` error. */
  signal?: AbortSignal;
}

export type Paged<T> = AsyncGenerator<ApiResult<T[]>, void, undefined>;

export interface SessionClient {
  /** Every customer of the partner, all pages. */
  listCustomers(options?: RequestOptions): Promise<ApiResult<Customer[]>>;
  /** Customers page by page; stop iterating to stop reading. Ends after a failed page. */
  listCustomersPaged(options?: RequestOptions): Paged<Customer>;
  /**
   * One page of customers: the first without `page`, else the `next` of an earlier page. `next` is
   * plain data (path and MS-ContinuationToken), so a long read can be stored and resumed later.
   */
  getCustomersPage(page?: Target | null, options?: RequestOptions): Promise<ApiResult<Page<Customer>>>;
  getCustomer(customerId: string, options?: RequestOptions): Promise<ApiResult<Customer>>;
  getQualifications(customerId: string, options?: RequestOptions): Promise<ApiResult<Qualification[]>>;
  /** All the customer's subscriptions, expired ones included (the portal hides those; filter by status). */
  listSubscriptions(customerId: string, options?: RequestOptions): Promise<ApiResult<Subscription[]>>;
  getSubscription(
    customerId: string,
    subscriptionId: string,
    options?: RequestOptions,
  ): Promise<ApiResult<Subscription>>;
  /** The offers catalog of a country (two letters, e.g. 'US'). */
  listOffers(country: string, options?: RequestOptions): Promise<ApiResult<Offer[]>>;
  listUsers(customerId: string, options?: RequestOptions): Promise<ApiResult<CustomerUser[]>>;
  listUsersPaged(customerId: string, options?: RequestOptions): Paged<CustomerUser>;
  getUserLicenses(customerId: string, userId: string, options?: RequestOptions): Promise<ApiResult<License[]>>;
  listSubscribedSkus(customerId: string, options?: RequestOptions): Promise<ApiResult<SubscribedSku[]>>;
  /** Every order of the customer: what was bought, whatever this browser remembers (no clock needed). */
  listOrders(customerId: string, options?: RequestOptions): Promise<ApiResult<Order[]>>;
  getOrder(customerId: string, orderId: string, options?: RequestOptions): Promise<ApiResult<Order>>;
}

/** The base URL without a trailing slash; throws (a programming error) when it is not on the API origin. */
function checkedBaseUrl(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new TypeError('baseUrl is not a URL');
  }
  if (url.origin !== API_ORIGIN || url.search !== '' || url.hash !== '') {
    throw new TypeError(`baseUrl must be a path on ${API_ORIGIN}`);
  }
  return trimmed;
}

function positiveInt(value: number | undefined, fallback: number, name: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name} must be a whole number of at least 1`);
  return n;
}

/** A refused id or country: no request is made, and the error names the endpoint, not the value. */
function invalidArgument<T>(template: string): Promise<ApiResult<T>> {
  return Promise.resolve(fail('not-found', template, { description: 'not a valid identifier' }));
}

async function* failedPages<T>(template: string): Paged<T> {
  yield fail('not-found', template, { description: 'not a valid identifier' });
}

export function createSessionClient(options: SessionClientOptions): SessionClient {
  const newId = options.newId ?? (() => crypto.randomUUID());
  // Called through a local binding, not as `options.fetch(...)`, which would throw "Illegal invocation".
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const sleep = options.sleep ?? defaultSleep;
  const ctx: RequestContext = {
    baseUrl: checkedBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL),
    getToken: options.getToken,
    fetch: fetchImpl,
    limiter: options.limiter ?? createLimiter(positiveInt(options.maxInFlight, 4, 'maxInFlight')),
    timeoutMs: positiveInt(options.timeoutMs, 20_000, 'timeoutMs'),
    maxAttempts: positiveInt(options.maxAttempts, 4, 'maxAttempts'),
    random: options.random ?? Math.random,
    sleep,
    newId,
    // One per client: lets Microsoft support tie together every request of one session of the assistant.
    correlationId: newId(),
  };
  // A caller's own limiter (the worklist's budget) gates everything; else user license reads get theirs.
  const userReads: RequestContext = options.limiter
    ? ctx
    : {
        ...ctx,
        limiter: withSharedPause(createLimiter(positiveInt(options.maxUserReadsInFlight, 10, 'maxUserReadsInFlight')), sleep),
      };

  const get = <S extends z.ZodMiniType>(target: Target, schema: S, signal?: AbortSignal) =>
    request(ctx, target, schema, signal);

  const getUserRead = <S extends z.ZodMiniType>(target: Target, schema: S, signal?: AbortSignal) =>
    request(userReads, target, schema, signal);

  const one = <S extends z.ZodMiniType>(path: string | null, template: string, schema: S, o?: RequestOptions) =>
    path === null ? invalidArgument<z.output<S>>(template) : get({ path }, schema, o?.signal);

  const paged = <S extends z.ZodMiniType>(path: string | null, template: string, item: S, o?: RequestOptions) =>
    path === null ? failedPages<z.output<S>>(template) : pages(get, { path }, item, o?.signal);

  const all = <S extends z.ZodMiniType>(path: string | null, template: string, item: S, o?: RequestOptions) =>
    allPages(paged(path, template, item, o));

  return {
    listCustomers: (o) => all(paths.customers(), '/customers', Customer, o),
    listCustomersPaged: (o) => paged(paths.customers(), '/customers', Customer, o),
    getCustomersPage: (page, o) =>
      // A stored `next` comes back from disk: it may only ever lead to the customers collection.
      page && !page.path.startsWith('/customers?')
        ? invalidArgument<Page<Customer>>('/customers')
        : readPage(get, page ?? { path: paths.customers() }, Customer, o?.signal),
    getCustomer: (id, o) => one(paths.customer(id), templates.customer, Customer, o),
    getQualifications: (id, o) => one(paths.qualifications(id), templates.qualifications, Qualifications, o),
    listSubscriptions: (id, o) => all(paths.subscriptions(id), templates.subscriptions, Subscription, o),
    getSubscription: (id, sid, o) => one(paths.subscription(id, sid), templates.subscription, Subscription, o),
    listOffers: (country, o) => all(paths.offers(country), templates.offers, Offer, o),
    listUsers: (id, o) => all(paths.users(id), templates.users, CustomerUser, o),
    listUsersPaged: (id, o) => paged(paths.users(id), templates.users, CustomerUser, o),
    getUserLicenses: (id, uid, o) => {
      const path = paths.userLicenses(id, uid);
      return path === null
        ? invalidArgument<License[]>(templates.userLicenses)
        : allPages(pages(getUserRead, { path }, License, o?.signal));
    },
    listSubscribedSkus: (id, o) => all(paths.subscribedSkus(id), templates.subscribedSkus, SubscribedSku, o),
    listOrders: (id, o) => all(paths.orders(id), templates.orders, Order, o),
    getOrder: (id, oid, o) => one(paths.order(id, oid), templates.order, Order, o),
  };
}

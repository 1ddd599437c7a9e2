// The simulated Partner Center REST API as one request handler. Tests and the demo route every
// request for https://api.partnercenter.microsoft.com/** to `handle()` (Playwright `context.route`),
// so real Chromium sees real HTTP semantics: bearer-token auth, CORS for the portal's origin, paging,
// etags, asynchronous provisioning, throttling and the other faults a test switches on.
import { z } from 'zod';
import { ApiFailure, ERROR, errorBody } from './errors';
import {
  createOrder,
  type EndpointContext,
  type EndpointResult,
  getCustomer,
  getOffer,
  getOrder,
  getQualifications,
  getSubscription,
  getUser,
  listCustomers,
  listLicenses,
  listOffers,
  listOrders,
  listSubscribedSkus,
  listSubscriptions,
  listUsers,
  patchSubscription,
  updateLicenses,
} from './endpoints';
import { type FaultConfig, FaultInjector, type RequestInfo, THROTTLE_MESSAGE, truncateBody } from './faults';
import { skuIdOfOffer } from './licensing';
import { advanceCustomer } from './lifecycle';
import { guidFor, hash128, seededRandom } from './prng';
import { buildScenario, DEFAULT_NOW } from './scenarios';
import type { CustomerRecord, PartnerState, Role, SimRequest, SimResponse } from './types';

export const API_ORIGIN = 'https://api.partnercenter.microsoft.com';
export const API_BASE = `${API_ORIGIN}/v1`;
export const PORTAL_ORIGIN = 'https://partner.microsoft.com';

export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Accept',
  'Content-Type',
  'If-Match',
  'MS-RequestId',
  'MS-CorrelationId',
  'MS-ContinuationToken',
] as const;
export const CORS_EXPOSED_HEADERS = ['ETag', 'Retry-After', 'MS-RequestId'] as const;

export interface SimulatedPartnerCenterOptions {
  scenario: string;
  /** The signed-in partner user's role (default admin-agent). */
  role?: Role;
  /** The simulated date the scenario's dates are relative to (default 2026-11-21). */
  now?: Date;
  faults?: FaultConfig;
  /** How long after POST /orders the subscriptions exist (default 2000 ms). */
  provisioningDelayMs?: number;
  /** Source of chance for share-based faults (default a seeded generator, so runs repeat). */
  random?: () => number;
  /** Real-time source in ms; simulated time advances with it (default Date.now). */
  clock?: () => number;
  /** How latency faults wait (default setTimeout). */
  sleep?: (ms: number) => Promise<void>;
  /** Override the session's bearer token. */
  token?: string;
  /**
   * Offer ids (any case) that `GET /offers` does not list: retired offers leave the catalog. Only the
   * list changes: `GET /offers/{id}` still answers and ordering them is refused as before.
   */
  hiddenOffers?: readonly string[];
}

export interface LogEntry {
  method: string;
  /** Path relative to /v1, without the query (e.g. `/customers/{id}/users`). */
  path: string;
  /** The query string without `?` ('' when none). */
  query: string;
  status: number;
  /** `clock()` when the request arrived. */
  at: number;
  /** The fault that shaped the response, if any. */
  fault?: 'latency' | 'throttle' | 'server-error' | 'truncate' | 'malformed';
  requestId?: string;
  /** True when an earlier response to the same MS-RequestId was replayed. */
  replayed?: boolean;
  /** The JSON body of a write (POST, PATCH, PUT, DELETE) as sent; absent when none or not JSON. */
  body?: unknown;
  /**
   * True when the endpoint itself carried the request out (2xx, not a replay), even if a fault then
   * replaced or cut its answer (afterCommit 5xx, truncate, malformed): the change happened although
   * the client may not know it. Invariant checks count purchases and license moves by this.
   */
  committed?: boolean;
  /** POST users/{uid}/licenseupdates: the SKU ids (lower case) the user held just before it was processed. */
  heldBefore?: string[];
  /** PATCH subscriptions/{sid}: how many users held the subscription's SKU just before it was processed. */
  skuHolders?: number;
}

/** What the log keeps of the state a write found (see LogEntry). */
type Observation = Pick<LogEntry, 'heldBefore' | 'skuHolders'>;

const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

function jsonOrUndefined(raw: string | null): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/** What `toJSON()` writes and `fromJSON()` reads (the demo keeps it in a JSON file between runs). */
export interface SimSnapshot {
  format: 'simulated-partner-center';
  version: 1;
  scenario: string;
  token: string;
  /** Simulated time when saved; a restored simulator resumes from here (time never runs backwards). */
  savedAtMs: number;
  state: PartnerState;
}

const snapshotSchema = z.object({
  format: z.literal('simulated-partner-center'),
  version: z.literal(1),
  scenario: z.string(),
  token: z.string().min(1),
  savedAtMs: z.number(),
  state: z.object({
    version: z.literal(1),
    scenario: z.string(),
    partner: z.object({ tenantId: z.string(), companyName: z.string(), mpnId: z.string() }),
    customers: z.array(
      z.object({
        scenario: z.string(),
        customer: z.object({ id: z.string() }).passthrough(),
        qualifications: z.array(z.unknown()),
        subscriptions: z.array(
          z.object({ resource: z.object({ id: z.string() }).passthrough(), revision: z.number() }).passthrough(),
        ),
        orders: z.array(z.unknown()),
        users: z.array(z.unknown()),
      }),
    ),
    idCounter: z.number().int().nonnegative(),
  }),
});

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** A JWT-shaped token, deterministic per scenario, so tests can check it never leaks anywhere. */
function makeToken(scenario: string, partnerTenantId: string): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'simulated' }));
  const payload = base64url(
    JSON.stringify({
      aud: 'https://api.partnercenter.microsoft.com',
      iss: `https://sts.windows.net/${partnerTenantId}/`,
      tid: partnerTenantId,
      name: 'Simulated Partner Agent',
      iat: 1_790_000_000,
      exp: 4_102_444_800,
    }),
  );
  const signature = hash128(`token:${scenario}`)
    .map((n) => n.toString(16).padStart(8, '0'))
    .join('');
  return `${header}.${payload}.${base64url(signature)}`;
}

const ENDPOINT_METHODS: ReadonlyArray<[RegExp, readonly string[]]> = [
  [/^\/customers$/, ['GET']],
  [/^\/customers\/[^/]+$/, ['GET']],
  [/^\/customers\/[^/]+\/qualifications$/, ['GET']],
  [/^\/customers\/[^/]+\/subscriptions$/, ['GET']],
  [/^\/customers\/[^/]+\/subscriptions\/[^/]+$/, ['GET', 'PATCH']],
  [/^\/customers\/[^/]+\/orders$/, ['GET', 'POST']],
  [/^\/customers\/[^/]+\/orders\/[^/]+$/, ['GET']],
  [/^\/customers\/[^/]+\/users$/, ['GET']],
  [/^\/customers\/[^/]+\/users\/[^/]+$/, ['GET']],
  [/^\/customers\/[^/]+\/users\/[^/]+\/licenses$/, ['GET']],
  [/^\/customers\/[^/]+\/users\/[^/]+\/licenseupdates$/, ['POST']],
  [/^\/customers\/[^/]+\/subscribedskus$/, ['GET']],
  [/^\/offers$/, ['GET']],
  [/^\/offers\/[^/]+$/, ['GET']],
];

export class SimulatedPartnerCenter {
  readonly token: string;
  private readonly options: SimulatedPartnerCenterOptions;
  private roleValue: Role;
  private stateValue: PartnerState;
  private faults: FaultInjector;
  private faultConfig: FaultConfig;
  private readonly random: () => number;
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly entries: LogEntry[] = [];
  private readonly replays = new Map<string, SimResponse>();
  private clockStart: number;
  private nowBaseMs: number;
  private requestCounter = 0;
  private index = new Map<string, CustomerRecord>();
  private readonly hiddenOffers: ReadonlySet<string>;

  constructor(options: SimulatedPartnerCenterOptions) {
    this.options = options;
    this.roleValue = options.role ?? 'admin-agent';
    this.random = options.random ?? seededRandom(`faults:${options.scenario}`);
    this.clock = options.clock ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.faultConfig = options.faults ?? {};
    this.faults = new FaultInjector(this.faultConfig, this.random);
    this.nowBaseMs = (options.now ?? DEFAULT_NOW).getTime();
    this.clockStart = this.clock();
    this.stateValue = buildScenario(options.scenario, new Date(this.nowBaseMs));
    this.token = options.token ?? makeToken(options.scenario, this.stateValue.partner.tenantId);
    this.hiddenOffers = new Set((options.hiddenOffers ?? []).map((id) => id.toUpperCase()));
  }

  // ---- test access ------------------------------------------------------------------------------

  /** The live state (tests may read and arrange it directly). */
  get state(): PartnerState {
    return this.stateValue;
  }

  get role(): Role {
    return this.roleValue;
  }

  /** Every request handled since construction or the last reset, in order. */
  get log(): ReadonlyArray<LogEntry> {
    return this.entries;
  }

  /** The simulated current time. */
  now(): Date {
    return new Date(this.nowMs());
  }

  /** A customer by id (any case), brought up to the current simulated time. */
  customer(customerId: string): CustomerRecord | undefined {
    const record = this.lookup(customerId);
    if (record) advanceCustomer(record, this.nowMs());
    return record;
  }

  /** The customer of a scenario tag (e.g. the demo's `korean-customer`). */
  customerOf(scenario: string): CustomerRecord | undefined {
    const record = this.stateValue.customers.find((c) => c.scenario === scenario);
    if (record) advanceCustomer(record, this.nowMs());
    return record;
  }

  setRole(role: Role): void {
    this.roleValue = role;
  }

  /** Replaces the fault configuration (and its counters); `undefined` switches all faults off. */
  setFaults(faults: FaultConfig | undefined): void {
    this.faultConfig = faults ?? {};
    this.faults = new FaultInjector(this.faultConfig, this.random);
  }

  /** Back to the scenario's initial state and clock; clears the log and replay memory, keeps faults. */
  reset(): void {
    this.nowBaseMs = (this.options.now ?? DEFAULT_NOW).getTime();
    this.clockStart = this.clock();
    this.stateValue = buildScenario(this.options.scenario, new Date(this.nowBaseMs));
    this.entries.length = 0;
    this.replays.clear();
    this.requestCounter = 0;
    this.index.clear();
    this.setFaults(this.faultConfig);
  }

  toJSON(): SimSnapshot {
    const nowMs = this.nowMs();
    for (const customer of this.stateValue.customers) advanceCustomer(customer, nowMs);
    return {
      format: 'simulated-partner-center',
      version: 1,
      scenario: this.stateValue.scenario,
      token: this.token,
      savedAtMs: nowMs,
      state: structuredClone(this.stateValue),
    };
  }

  /**
   * Replaces the state with a saved snapshot (a parsed object or its JSON text). The token stays this
   * instance's; simulated time resumes at the later of now and the snapshot's save time.
   */
  fromJSON(snapshot: unknown): void {
    const value: unknown = typeof snapshot === 'string' ? JSON.parse(snapshot) : snapshot;
    const parsed = snapshotSchema.safeParse(value);
    if (!parsed.success) throw new Error(`Not a simulator snapshot: ${parsed.error.message}`);
    // The schema checks the outline; the original (unstripped) object is what gets restored.
    const saved = value as SimSnapshot;
    this.stateValue = structuredClone(saved.state);
    if (saved.savedAtMs > this.nowMs()) {
      this.nowBaseMs = saved.savedAtMs;
      this.clockStart = this.clock();
    }
    this.index.clear();
    this.replays.clear();
  }

  // ---- request handling -------------------------------------------------------------------------

  async handle(request: SimRequest): Promise<SimResponse> {
    const at = this.clock();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
    const method = request.method.toUpperCase();
    const requestId = headers['ms-requestid'];
    let url: URL;
    try {
      url = new URL(request.url, `${API_ORIGIN}/`);
    } catch {
      url = new URL(`${API_BASE}/invalid`);
    }
    const path = url.pathname.replace(/^\/v1(?=\/|$)/, '') || '/';
    const info: RequestInfo = {
      method,
      path,
      tenant: /^\/customers\/([^/]+)/.exec(path)?.[1]?.toLowerCase() ?? 'partner',
    };

    let fault: LogEntry['fault'];
    let replayed = false;
    let committed = false;
    let observed: Observation = {};
    let response: SimResponse;
    if (method === 'OPTIONS') {
      response = this.preflight();
    } else {
      const latency = this.faults.latency(info);
      if (latency > 0) {
        fault = 'latency';
        await this.sleep(latency);
      }
      const outcome = await this.process(method, url, path, info, headers, request.body, requestId);
      response = outcome.response;
      fault = outcome.fault ?? fault;
      replayed = outcome.replayed;
      // Only writes change anything; a read is never "committed".
      committed = WRITE_METHODS.has(method) && (outcome.committed ?? false);
      observed = outcome.observed ?? {};
    }
    const body = WRITE_METHODS.has(method) ? jsonOrUndefined(request.body) : undefined;
    this.entries.push({
      method,
      path,
      query: url.search.replace(/^\?/, ''),
      status: response.status,
      at,
      ...(fault ? { fault } : {}),
      ...(requestId ? { requestId } : {}),
      ...(replayed ? { replayed } : {}),
      ...(body !== undefined ? { body } : {}),
      ...(committed ? { committed } : {}),
      ...observed,
    });
    return response;
  }

  private nowMs(): number {
    return this.nowBaseMs + (this.clock() - this.clockStart);
  }

  private lookup(customerId: string): CustomerRecord | undefined {
    const id = customerId.toLowerCase();
    let record = this.index.get(id);
    // The index is a cache: tests may replace or add customers in `state`, so verify before use.
    if (!record || !this.stateValue.customers.includes(record)) {
      this.index = new Map(this.stateValue.customers.map((c) => [c.customer.id.toLowerCase(), c]));
      record = this.index.get(id);
    }
    return record;
  }

  private corsHeaders(): Record<string, string> {
    return {
      'Access-Control-Allow-Origin': PORTAL_ORIGIN,
      'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS.join(', '),
      Vary: 'Origin',
    };
  }

  private preflight(): SimResponse {
    return {
      status: 204,
      headers: {
        ...this.corsHeaders(),
        'Access-Control-Allow-Methods': 'GET, POST, PATCH',
        'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS.join(', '),
        'Access-Control-Max-Age': '600',
      },
      body: '',
    };
  }

  private respond(
    status: number,
    body: unknown,
    requestId: string,
    correlationId: string | undefined,
    extra = {},
  ): SimResponse {
    return {
      status,
      headers: {
        ...this.corsHeaders(),
        'Content-Type': 'application/json; charset=utf-8',
        'MS-RequestId': requestId,
        ...(correlationId ? { 'MS-CorrelationId': correlationId } : {}),
        ...extra,
      },
      body: JSON.stringify(body),
    };
  }

  private async process(
    method: string,
    url: URL,
    path: string,
    info: RequestInfo,
    headers: Record<string, string>,
    rawBody: string | null,
    clientRequestId: string | undefined,
  ): Promise<{
    response: SimResponse;
    fault?: LogEntry['fault'];
    replayed: boolean;
    committed?: boolean;
    observed?: Observation;
  }> {
    this.requestCounter += 1;
    const requestId = clientRequestId ?? guidFor(`request:${this.stateValue.scenario}:${this.requestCounter}`);
    const correlationId = headers['ms-correlationid'];
    const respond = (status: number, body: unknown, extra: Record<string, string> = {}): SimResponse =>
      this.respond(status, body, requestId, correlationId, extra);

    const auth = headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(auth.trim());
    if (!match || match[1] !== this.token) {
      const { status, code } = ERROR.accessDenied;
      return {
        response: respond(status, errorBody(code, 'Access denied: the bearer token is missing or not valid.'), {
          'WWW-Authenticate': 'Bearer realm="api.partnercenter.microsoft.com"',
        }),
        replayed: false,
      };
    }

    const retryAfter = this.faults.throttle(info, this.clock());
    if (retryAfter !== undefined) {
      return {
        response: respond(
          429,
          { statusCode: 429, message: THROTTLE_MESSAGE(retryAfter) },
          { 'Retry-After': String(retryAfter) },
        ),
        fault: 'throttle',
        replayed: false,
      };
    }

    const serverError = this.faults.serverError(info);
    const serverErrorResponse = (): SimResponse => {
      const status = serverError?.status ?? 500;
      return respond(
        status,
        errorBody(
          ERROR.serverError.code,
          'An unexpected error occurred while processing the request. Try again later.',
        ),
        serverError?.retryAfterSeconds ? { 'Retry-After': String(serverError.retryAfterSeconds) } : {},
      );
    };
    if (serverError && !serverError.afterCommit)
      return { response: serverErrorResponse(), fault: 'server-error', replayed: false };

    // A retried write (same MS-RequestId) gets the first attempt's answer instead of a second change.
    const replayKey =
      clientRequestId && (method === 'POST' || method === 'PATCH') ? `${method} ${path} ${clientRequestId}` : undefined;
    let response: SimResponse;
    let replayed = false;
    let committed = false;
    let observed: Observation = {};
    const earlier = replayKey ? this.replays.get(replayKey) : undefined;
    if (earlier) {
      response = earlier;
      replayed = true;
    } else {
      observed = this.observe(method, path);
      let result: EndpointResult;
      try {
        result = this.route(method, url, path, headers, rawBody);
      } catch (error) {
        if (!(error instanceof ApiFailure)) {
          const description = error instanceof Error ? error.message : String(error);
          result = {
            status: 500,
            body: errorBody(ERROR.serverError.code, `Internal error in the simulator: ${description}`),
          };
        } else {
          result = { status: error.status, body: error.body };
        }
      }
      response = respond(result.status, result.body, result.headers);
      committed = result.status >= 200 && result.status < 300;
      if (replayKey && result.status < 300) this.replays.set(replayKey, response);
    }
    const done = { replayed, committed, observed };

    if (serverError?.afterCommit) return { response: serverErrorResponse(), fault: 'server-error', ...done };

    const responseFault = this.faults.responseFault(info);
    if (responseFault?.kind === 'truncate') {
      return { response: { ...response, body: truncateBody(response.body) }, fault: 'truncate', ...done };
    }
    if (responseFault?.kind === 'malformed') {
      return { response: { ...response, body: JSON.stringify(responseFault.body) }, fault: 'malformed', ...done };
    }
    return { response, ...done };
  }

  /**
   * The state a license update or a subscription change finds, for the log: invariant checks need
   * what the user held before a license update and how many users still held a subscription's SKU
   * when it was suspended, and the log alone cannot tell them afterwards.
   */
  private observe(method: string, path: string): Observation {
    const match = /^\/customers\/([^/]+)\/(users|subscriptions)\/([^/]+)(\/licenseupdates)?$/.exec(path);
    if (!match) return {};
    const [, rawCustomer = '', kind, rawItem = '', updates] = match;
    let customerId: string;
    let itemId: string;
    try {
      customerId = decodeURIComponent(rawCustomer);
      itemId = decodeURIComponent(rawItem).toLowerCase();
    } catch {
      return {};
    }
    const customer = this.customer(customerId);
    if (!customer) return {};
    if (method === 'POST' && kind === 'users' && updates) {
      const user = customer.users.find((u) => u.resource.id.toLowerCase() === itemId);
      return user ? { heldBefore: user.licenses.map((l) => l.skuId) } : {};
    }
    if (method === 'PATCH' && kind === 'subscriptions' && !updates) {
      const subscription = customer.subscriptions.find((s) => s.resource.id.toLowerCase() === itemId);
      const sku = subscription ? skuIdOfOffer(subscription.resource.offerId) : undefined;
      if (!sku) return {};
      return { skuHolders: customer.users.filter((u) => u.licenses.some((l) => l.skuId === sku)).length };
    }
    return {};
  }

  private route(
    method: string,
    url: URL,
    path: string,
    headers: Record<string, string>,
    rawBody: string | null,
  ): EndpointResult {
    if (url.origin !== API_ORIGIN || !/^\/v1(\/|$)/.test(url.pathname)) {
      throw new ApiFailure('notFound', `No API at ${url.origin}${url.pathname}.`);
    }
    const allowed = ENDPOINT_METHODS.find(([re]) => re.test(path))?.[1];
    if (!allowed) throw new ApiFailure('notFound', `The resource ${path} does not exist.`);
    if (!allowed.includes(method)) {
      const { status, code } = ERROR.methodNotAllowed;
      return {
        status,
        body: errorBody(code, `${method} is not supported on ${path}.`),
        headers: { Allow: allowed.join(', ') },
      };
    }

    let body: unknown;
    if (method === 'POST' || method === 'PATCH') {
      if (!rawBody) throw new ApiFailure('invalidInput', 'A JSON request body is required.');
      try {
        body = JSON.parse(rawBody);
      } catch {
        throw new ApiFailure('invalidInput', 'The request body is not valid JSON.');
      }
    }

    const nowMs = this.nowMs();
    const ctx: EndpointContext = {
      state: this.stateValue,
      role: this.roleValue,
      nowMs,
      provisioningDelayMs: this.options.provisioningDelayMs ?? 2000,
      hiddenOffers: this.hiddenOffers,
      query: url.searchParams,
      headers,
      body,
      mintId: (kind) => {
        this.stateValue.idCounter += 1;
        return guidFor(`${this.stateValue.scenario}:runtime:${kind}:${this.stateValue.idCounter}`);
      },
    };

    const segments = path.split('/').slice(1).map(decodeURIComponent);
    const [root, customerId, collectionName, itemId, sub] = segments;
    if (root === 'offers') return itemId === undefined && customerId ? getOffer(ctx, customerId) : listOffers(ctx);
    if (customerId === undefined) return listCustomers(ctx);

    const customer = this.lookup(customerId);
    if (!customer) throw new ApiFailure('notFound', `Customer ${customerId} was not found.`);
    advanceCustomer(customer, nowMs);

    switch (collectionName) {
      case undefined:
        return getCustomer(customer);
      case 'qualifications':
        return getQualifications(customer);
      case 'subscriptions':
        if (itemId === undefined) return listSubscriptions(customer);
        return method === 'PATCH' ? patchSubscription(ctx, customer, itemId) : getSubscription(customer, itemId);
      case 'orders':
        if (itemId === undefined) return method === 'POST' ? createOrder(ctx, customer) : listOrders(customer);
        return getOrder(customer, itemId);
      case 'users':
        if (itemId === undefined) return listUsers(ctx, customer);
        if (sub === 'licenses') return listLicenses(customer, itemId);
        if (sub === 'licenseupdates') return updateLicenses(ctx, customer, itemId);
        return getUser(customer, itemId);
      case 'subscribedskus':
        return listSubscribedSkus(customer);
      default:
        throw new ApiFailure('notFound', `The resource ${path} does not exist.`);
    }
  }
}

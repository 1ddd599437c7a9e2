// The portal's own REST client for the simulated Partner Center API (contract section 2), and for the
// portal's backend (/_sim/bff/ on its own origin) that batches per-user calls.
import type { BffFailure } from '../api/bff.js';
import { sessionToken } from './boot.js';

export type {
  BffFailure,
  LicenseUpdatesRequest,
  LicenseUpdatesResponse,
  UserLicensesRequest,
  UserLicensesResponse,
} from '../api/bff.js';

export interface Link {
  uri: string;
  method: string;
  headers: Array<{ key: string; value: string }>;
}

export interface Collection<T> {
  totalCount: number;
  items: T[];
  links: { self?: Link; next?: Link };
}

export interface Customer {
  id: string;
  companyProfile: { tenantId: string; domain: string; companyName: string };
  billingProfile?: { culture?: string; language?: string; defaultAddress?: { country?: string } };
  relationshipToPartner?: string;
}

export interface Qualification {
  qualification: string;
  vettingStatus: string;
}

export interface Subscription {
  id: string;
  offerId: string;
  offerName: string;
  friendlyName: string;
  quantity: number;
  status: string;
  autoRenewEnabled: boolean;
  commitmentEndDate: string;
  billingCycle?: string;
  attributes: { etag?: string; objectType?: string };
  [more: string]: unknown;
}

export interface Offer {
  id: string;
  name: string;
  minimumQuantity: number;
  maximumQuantity: number;
  category?: { id?: string; name?: string };
  isAddOn?: boolean;
  isAvailableForPurchase?: boolean;
  product?: { id: string; name: string; unit?: string };
}

export interface Order {
  id: string;
  status: string;
  creationDate?: string;
  lineItems: Array<{ lineItemNumber: number; offerId: string; quantity: number; subscriptionId?: string }>;
}

export interface CustomerUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  usageLocation?: string;
  state?: string;
}

export interface ProductSku {
  id: string;
  name: string;
  skuPartNumber?: string;
}

export interface License {
  productSku: ProductSku;
}

export interface SubscribedSku {
  productSku: ProductSku;
  totalUnits: number;
  consumedUnits: number;
  availableUnits: number;
}

/**
 * An API failure as the page gets it: Partner Center's `{code, description}` or the throttle body. The
 * page shows only the description (see errorText); code and status are for the page's own logic.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | string | null,
    readonly description: string,
  ) {
    super(`${status} ${code ?? ''} ${description}`);
  }
}

/** A per-user failure the portal's backend reports, as the page would have got it from the API itself. */
export function bffError(failure: BffFailure): ApiError {
  return new ApiError(failure.status, failure.code, failure.description);
}

function guid(): string {
  return crypto.randomUUID();
}

/** Where the portal's backend answers (same origin as the page). */
const BFF_BASE = '/_sim/bff';

interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

export class Api {
  /** One correlation id per page load, as the portal groups the calls of one session. */
  private readonly correlationId = guid();

  constructor(private readonly base: string) {}

  request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    return this.send<T>(method, `${this.base}${path}`, options);
  }

  /**
   * POSTs to the portal's backend, with the same bearer token and request ids as an API call: it calls
   * the API on the page's behalf, so the API still sees who asks.
   */
  bff<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    return this.send<T>('POST', `${BFF_BASE}${path}`, { body, signal });
  }

  private async send<T>(method: string, url: string, options: RequestOptions): Promise<T> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${sessionToken()}`,
      Accept: 'application/json',
      'MS-RequestId': guid(),
      'MS-CorrelationId': this.correlationId,
      ...options.headers,
    };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const init: RequestInit = { method, headers };
    if (options.body !== undefined) init.body = JSON.stringify(options.body);
    if (options.signal) init.signal = options.signal;
    const response = await fetch(url, init);
    const text = await response.text();
    let parsed: unknown;
    let readable = true;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
      readable = false;
    }
    if (!response.ok) throw toApiError(response.status, parsed, response.statusText);
    // A cut-off body on a success is still a failure the person must see, not a blank page.
    if (!readable) throw new ApiError(response.status, null, 'The response could not be read.');
    return parsed as T;
  }

  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.request<T>('GET', path, { signal });
  }

  /** Follows a collection's `links.next` (uri relative to /v1, continuation token in its headers). */
  next<T>(link: Link, signal?: AbortSignal): Promise<Collection<T>> {
    const headers: Record<string, string> = {};
    for (const { key, value } of link.headers ?? []) headers[key] = value;
    const uri = link.uri.startsWith('/') ? link.uri : `/${link.uri}`;
    return this.request<Collection<T>>(link.method || 'GET', uri, { headers, signal });
  }
}

function toApiError(status: number, body: unknown, statusText: string): ApiError {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    if (typeof b.description === 'string') {
      const code = typeof b.code === 'number' || typeof b.code === 'string' ? b.code : null;
      return new ApiError(status, code, b.description);
    }
    if (typeof b.message === 'string') return new ApiError(status, null, b.message);
  }
  // Words only: the page's texts carry no HTTP status (the contract promises none).
  return new ApiError(status, null, statusText || 'The request failed.');
}

/** A collection read page by page through continuation links, loaded only as far as the page needs. */
export class CollectionSource<T> {
  readonly items: T[] = [];
  private nextLink: Link | null = null;
  private started = false;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly api: Api,
    private readonly firstPath: string,
    private readonly signal?: AbortSignal,
  ) {}

  get complete(): boolean {
    return this.started && this.nextLink === null;
  }

  /** Loads until at least `count` items are present or the collection ends. */
  async ensure(count: number): Promise<void> {
    while (this.items.length < count && !this.complete) await this.loadOne();
  }

  async loadAll(): Promise<void> {
    while (!this.complete) await this.loadOne();
  }

  private loadOne(): Promise<void> {
    // Concurrent callers (paging while a search loads everything) share one in-flight request.
    this.loading ??= (async () => {
      try {
        const page =
          this.started && this.nextLink
            ? await this.api.next<T>(this.nextLink, this.signal)
            : await this.api.get<Collection<T>>(this.firstPath, this.signal);
        this.started = true;
        this.items.push(...page.items);
        this.nextLink = page.links?.next ?? null;
        // A next link that returns nothing new would loop forever; treat it as the end.
        if (page.items.length === 0) this.nextLink = null;
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }
}

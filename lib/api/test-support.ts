/**
 * Test doubles for lib/api tests (not shipped: only *.test.ts import this). A scripted fetch that
 * records every request and counts how many are in flight at once, and a sleep that records waits.
 */

export interface RecordedRequest {
  url: string;
  method: string;
  /** Header names lower-cased, as fetch would send them. */
  headers: Record<string, string>;
  init: RequestInit | undefined;
}

/** What the script answers: a Response, a thrown error (network failure), or a promise of either. */
export type Responder = (request: RecordedRequest, index: number) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: typeof fetch;
  requests: RecordedRequest[];
  /** The most fetches seen unsettled at the same time. */
  readonly maxConcurrent: number;
  readonly inFlight: number;
}

export function fakeFetch(responder: Responder): FakeFetch {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxConcurrent = 0;
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const request: RecordedRequest = { url, method: init?.method ?? 'GET', headers, init };
    requests.push(request);
    inFlight += 1;
    maxConcurrent = Math.max(maxConcurrent, inFlight);
    try {
      return await responder(request, requests.length - 1);
    } finally {
      inFlight -= 1;
    }
  };
  return {
    fetch: fetchFn as typeof fetch,
    requests,
    get maxConcurrent() {
      return maxConcurrent;
    },
    get inFlight() {
      return inFlight;
    },
  };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A fetch that only ends when its request is aborted (as a real fetch does). */
export function hangUntilAborted(request: RecordedRequest): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const signal = request.init?.signal;
    signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
  });
}

export function recordingSleep() {
  const waits: number[] = [];
  const sleep = async (ms: number, _signal?: AbortSignal) => {
    waits.push(ms);
  };
  return { waits, sleep };
}

/** Sequential GUID-shaped ids, so tests can tell which id went where. */
export function sequentialIds(prefix = '00000000-0000-4000-8000-') {
  let n = 0;
  return () => {
    n += 1;
    return `${prefix}${String(n).padStart(12, '0')}`;
  };
}

export function collection<T>(items: T[], next?: { uri: string; token?: string }) {
  return {
    totalCount: items.length,
    items,
    links: {
      self: { uri: '/self', method: 'GET', headers: [] },
      ...(next
        ? {
            next: {
              uri: next.uri,
              method: 'GET',
              headers: next.token === undefined ? [] : [{ key: 'MS-ContinuationToken', value: next.token }],
            },
          }
        : {}),
    },
    attributes: { objectType: 'Collection' },
  };
}

export function customer(n: number) {
  const id = `${String(n).padStart(8, '0')}-aaaa-4bbb-8ccc-000000000000`;
  return {
    id,
    companyProfile: { tenantId: id, domain: `c${n}.onmicrosoft.com`, companyName: `Customer ${n}` },
    relationshipToPartner: 'reseller',
    attributes: { objectType: 'Customer' },
  };
}

export function subscription(overrides: Record<string, unknown> = {}) {
  return {
    id: '9f7d1ac4-4c4b-4a6d-9f0e-111111111111',
    offerId: '031C9E47-4802-4248-838E-778FB1D2CC05',
    offerName: 'Office 365 Business Essentials',
    friendlyName: 'Office 365 Business Essentials',
    quantity: 10,
    unitType: 'Licenses',
    status: 'active',
    autoRenewEnabled: true,
    creationDate: '2025-01-01T00:00:00Z',
    effectiveStartDate: '2025-01-01T00:00:00Z',
    commitmentEndDate: '2026-12-31T00:00:00Z',
    billingCycle: 'monthly',
    orderId: 'a1b2c3d4-0000-4000-8000-000000000001',
    parentSubscriptionId: null,
    hasPurchasableAddons: false,
    attributes: { etag: 'W/"etag-1"', objectType: 'Subscription' },
    ...overrides,
  };
}

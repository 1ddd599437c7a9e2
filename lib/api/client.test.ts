import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSessionClient, DEFAULT_BASE_URL, type SessionClientOptions } from './client';
import { BACKOFF_BASE_MS } from './retry';
import {
  collection,
  customer,
  fakeFetch,
  hangUntilAborted,
  json,
  type Responder,
  recordingSleep,
  sequentialIds,
  subscription,
} from './test-support';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtYWdlbnQifQ.U0VDUkVULXNpZ25hdHVyZQ';
const CUSTOMER_ID = '0b3e0b6a-1f3c-4e8e-9b1a-6f1f5c2d7e10';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const offersFixture: unknown = JSON.parse(
  readFileSync(new URL('../../fixtures/offers-us-2019.json', import.meta.url), 'utf8'),
);

function setup(responder: Responder, overrides: Partial<SessionClientOptions> = {}) {
  const fake = fakeFetch(responder);
  const { waits, sleep } = recordingSleep();
  const client = createSessionClient({
    getToken: () => TOKEN,
    fetch: fake.fetch,
    sleep,
    random: () => 0.5,
    newId: sequentialIds(),
    ...overrides,
  });
  return { client, fake, waits };
}

const customerBody = () => ({ ...customer(1), id: CUSTOMER_ID });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('request headers', () => {
  it('sends the bearer token, Accept, a request id and the correlation id, and nothing else of ours', async () => {
    const { client, fake } = setup(() => json(customerBody()));
    const result = await client.getCustomer(CUSTOMER_ID);
    expect(result).toEqual({ ok: true, data: expect.objectContaining({ id: CUSTOMER_ID }) });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.url).toBe(`${DEFAULT_BASE_URL}/customers/${CUSTOMER_ID}`);
    expect(request?.method).toBe('GET');
    expect(request?.headers).toEqual({
      accept: 'application/json',
      authorization: `Bearer ${TOKEN}`,
      'ms-requestid': '00000000-0000-4000-8000-000000000002',
      'ms-correlationid': '00000000-0000-4000-8000-000000000001',
    });
    expect(request?.init?.credentials).toBe('omit');
    expect(request?.init?.redirect).toBe('error');
  });

  it('uses a new MS-RequestId per operation and one MS-CorrelationId per client', async () => {
    const { client, fake } = setup(() => json(customerBody()));
    await client.getCustomer(CUSTOMER_ID);
    await client.getCustomer(CUSTOMER_ID);
    await client.listSubscriptions(CUSTOMER_ID);
    const requestIds = fake.requests.map((r) => r.headers['ms-requestid']);
    expect(new Set(requestIds).size).toBe(3);
    expect(new Set(fake.requests.map((r) => r.headers['ms-correlationid']))).toEqual(
      new Set(['00000000-0000-4000-8000-000000000001']),
    );
    const other = setup(() => json(customerBody()));
    await other.client.getCustomer(CUSTOMER_ID);
    // Two clients built with the same id source still get the first id each; real clients use random GUIDs.
    expect(other.fake.requests[0]?.headers['ms-correlationid']).toBe('00000000-0000-4000-8000-000000000001');
  });

  it('makes GUIDs by default', async () => {
    const fake = fakeFetch(() => json(customerBody()));
    const client = createSessionClient({ getToken: () => TOKEN, fetch: fake.fetch });
    await client.getCustomer(CUSTOMER_ID);
    await client.getCustomer(CUSTOMER_ID);
    const [a, b] = fake.requests;
    expect(a?.headers['ms-requestid']).toMatch(GUID);
    expect(a?.headers['ms-correlationid']).toMatch(GUID);
    expect(a?.headers['ms-requestid']).not.toBe(b?.headers['ms-requestid']);
    expect(a?.headers['ms-correlationid']).toBe(b?.headers['ms-correlationid']);
    expect(a?.headers['ms-requestid']).not.toBe(a?.headers['ms-correlationid']);
  });

  it('reads the token afresh for each request', async () => {
    let token = 'first-token';
    const { client, fake } = setup(() => json(customerBody()), { getToken: () => token });
    await client.getCustomer(CUSTOMER_ID);
    token = 'refreshed-token';
    await client.getCustomer(CUSTOMER_ID);
    expect(fake.requests.map((r) => r.headers.authorization)).toEqual(['Bearer first-token', 'Bearer refreshed-token']);
  });
});

describe('endpoints', () => {
  it('reads the recorded offers catalog whole', async () => {
    const { client, fake } = setup(() => json(offersFixture));
    const result = await client.listOffers('us');
    expect(fake.requests[0]?.url).toBe(`${DEFAULT_BASE_URL}/offers?country=US`);
    expect(result.ok && result.data).toHaveLength(274);
  });

  it('builds each path from its ids', async () => {
    const sid = '9f7d1ac4-4c4b-4a6d-9f0e-111111111111';
    const uid = 'c0ffee00-0000-4000-8000-000000000abc';
    const oid = 'a1b2c3d4-0000-4000-8000-000000000001';
    const { client, fake } = setup((request) => {
      const path = request.url.slice(DEFAULT_BASE_URL.length);
      if (path.endsWith('/qualifications')) return json([{ qualification: 'Education', vettingStatus: 'Approved' }]);
      if (path.includes('/subscriptions/')) return json(subscription());
      if (path.includes('/orders/')) return json({ id: oid, lineItems: [] });
      return json(collection([]));
    });
    expect((await client.getQualifications(CUSTOMER_ID)).ok).toBe(true);
    expect((await client.getSubscription(CUSTOMER_ID, sid)).ok).toBe(true);
    expect((await client.listUsers(CUSTOMER_ID)).ok).toBe(true);
    expect((await client.getUserLicenses(CUSTOMER_ID, uid)).ok).toBe(true);
    expect((await client.listSubscribedSkus(CUSTOMER_ID)).ok).toBe(true);
    expect((await client.getOrder(CUSTOMER_ID, oid)).ok).toBe(true);
    expect((await client.listCustomers()).ok).toBe(true);
    expect(fake.requests.map((r) => r.url.slice(DEFAULT_BASE_URL.length))).toEqual([
      `/customers/${CUSTOMER_ID}/qualifications`,
      `/customers/${CUSTOMER_ID}/subscriptions/${sid}`,
      `/customers/${CUSTOMER_ID}/users?size=500`,
      `/customers/${CUSTOMER_ID}/users/${uid}/licenses`,
      `/customers/${CUSTOMER_ID}/subscribedskus`,
      `/customers/${CUSTOMER_ID}/orders/${oid}`,
      '/customers?size=300',
    ]);
  });

  it('refuses ids that would change the path, without a request', async () => {
    const { client, fake } = setup(() => json(customerBody()));
    const results = [
      await client.getCustomer('..'),
      await client.getCustomer('a/b'),
      await client.getCustomer(''),
      await client.getSubscription(CUSTOMER_ID, '../../offers'),
      await client.getUserLicenses(CUSTOMER_ID, '%2e%2e'),
      await client.listOffers('US&x=1'),
    ];
    for (const result of results) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.kind).toBe('not-found');
    }
    const paged = client.listUsersPaged('?');
    const first = await paged.next();
    expect(first.value && !first.value.ok && first.value.error.path).toBe('/customers/{customerId}/users');
    expect(fake.requests).toHaveLength(0);
  });

  it('only accepts a base URL on the API origin', () => {
    const getToken = () => TOKEN;
    expect(() => createSessionClient({ getToken, baseUrl: 'https://evil.example/v1' })).toThrow(TypeError);
    expect(() => createSessionClient({ getToken, baseUrl: 'http://api.partnercenter.microsoft.com/v1' })).toThrow();
    expect(() => createSessionClient({ getToken, baseUrl: 'not a url' })).toThrow(TypeError);
    const trailingSlash = 'https://api.partnercenter.microsoft.com/v1/';
    expect(() => createSessionClient({ getToken, baseUrl: trailingSlash })).not.toThrow();
  });
});

describe('paging', () => {
  const uri = '/customers?size=300&seekOperation=Next';
  const threePages: Responder = (request) => {
    const token = request.headers['ms-continuationtoken'];
    if (token === undefined) return json(collection([customer(1), customer(2)], { uri, token: 't1' }));
    if (token === 't1') return json(collection([customer(3), customer(4)], { uri, token: 't2' }));
    if (token === 't2') return json(collection([customer(5)]));
    return json({ code: 400056, description: 'bad token' }, 400);
  };

  it('follows links.next with its continuation token until there is none', async () => {
    const { client, fake } = setup(threePages);
    const result = await client.listCustomers();
    expect(result.ok && result.data.map((c) => c.companyProfile.companyName)).toEqual([
      'Customer 1',
      'Customer 2',
      'Customer 3',
      'Customer 4',
      'Customer 5',
    ]);
    expect(fake.requests.map((r) => r.url)).toEqual([
      `${DEFAULT_BASE_URL}/customers?size=300`,
      `${DEFAULT_BASE_URL}/customers?size=300&seekOperation=Next`,
      `${DEFAULT_BASE_URL}/customers?size=300&seekOperation=Next`,
    ]);
    expect(fake.requests.map((r) => r.headers['ms-continuationtoken'])).toEqual([undefined, 't1', 't2']);
    // Each page is its own operation; all share the client's correlation id.
    expect(new Set(fake.requests.map((r) => r.headers['ms-requestid'])).size).toBe(3);
    expect(new Set(fake.requests.map((r) => r.headers['ms-correlationid'])).size).toBe(1);
    expect(fake.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('yields page by page and stops reading when the consumer stops', async () => {
    const { client, fake } = setup(threePages);
    const seen: number[] = [];
    for await (const page of client.listCustomersPaged()) {
      expect(page.ok).toBe(true);
      if (page.ok) seen.push(page.data.length);
      break;
    }
    expect(seen).toEqual([2]);
    expect(fake.requests).toHaveLength(1);

    const all: number[] = [];
    for await (const page of setup(threePages).client.listCustomersPaged()) if (page.ok) all.push(page.data.length);
    expect(all).toEqual([2, 2, 1]);
  });

  it('pages users the same way', async () => {
    const { client, fake } = setup((request) =>
      request.headers['ms-continuationtoken'] === 'u1'
        ? json(collection([{ id: 'u2', userPrincipalName: 'b@x', displayName: 'B' }]))
        : json(
            collection([{ id: 'u1', userPrincipalName: 'a@x', displayName: 'A' }], {
              uri: `/customers/${CUSTOMER_ID}/users?size=500&seekOperation=Next`,
              token: 'u1',
            }),
          ),
    );
    const result = await client.listUsers(CUSTOMER_ID);
    expect(result.ok && result.data.map((u) => u.id)).toEqual(['u1', 'u2']);
    const next = `${DEFAULT_BASE_URL}/customers/${CUSTOMER_ID}/users?size=500&seekOperation=Next`;
    expect(fake.requests[1]?.url).toBe(next);
  });

  it('stops when a continuation token comes back a second time', async () => {
    const { client, fake } = setup(() =>
      json(collection([customer(1)], { uri: '/customers?size=300&seekOperation=Next', token: 'same' })),
    );
    const result = await client.listCustomers();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('malformed');
    expect(fake.requests).toHaveLength(2);
  });

  it('returns the failure of a later page instead of a partial list', async () => {
    const { client } = setup((request) =>
      request.headers['ms-continuationtoken']
        ? json({ code: 0, description: 'boom' }, 404)
        : json(collection([customer(1)], { uri: '/customers?size=300&seekOperation=Next', token: 't1' })),
    );
    const result = await client.listCustomers();
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'not-found',
        status: 404,
        code: 0,
        description: 'boom',
        path: '/customers?size=300&seekOperation=Next',
      },
    });
  });

  it.each([
    ['another host', 'https://evil.example/steal', []],
    ['a protocol-relative uri', '//evil.example/steal', []],
    ['a uri without a leading slash', '@evil.example/steal', []],
    ['a uri climbing out of /v1', '/../other', []],
    ['a header overriding Authorization', '/customers?seekOperation=Next', [{ key: 'Authorization', value: 'x' }]],
    ['a non-MS header', '/customers?seekOperation=Next', [{ key: 'Cookie', value: 'x' }]],
    [
      'a header value with a line break',
      '/customers?seekOperation=Next',
      [{ key: 'MS-ContinuationToken', value: 'a\nb' }],
    ],
  ])('does not follow a next link to %s', async (_name, uri, headers) => {
    const page = collection([customer(1)]);
    const { client, fake } = setup(() => json({ ...page, links: { next: { uri, method: 'GET', headers } } }));
    const result = await client.listCustomers();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('malformed');
    expect(fake.requests).toHaveLength(1);
  });
});

describe('retries', () => {
  it('waits as Retry-After says on 429, reusing the request id', async () => {
    const { client, fake, waits } = setup((_request, n) => {
      // The header wins over the message; without the header, the message says how long.
      const message = `Rate limit is exceeded. Try again in ${n === 0 ? 9 : 5} seconds.`;
      if (n === 0) return json({ statusCode: 429, message }, 429, { 'Retry-After': '3' });
      if (n === 1) return json({ statusCode: 429, message }, 429);
      return json(customerBody());
    });
    const result = await client.getCustomer(CUSTOMER_ID);
    expect(result.ok).toBe(true);
    expect(waits).toEqual([3000, 5000]);
    expect(fake.requests).toHaveLength(3);
    expect(new Set(fake.requests.map((r) => r.headers['ms-requestid'])).size).toBe(1);
  });

  it('caps a long Retry-After and gives up as throttled after maxAttempts', async () => {
    const { client, fake, waits } = setup(
      () =>
        json({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 600 seconds.' }, 429, {
          'Retry-After': '600',
        }),
      { maxAttempts: 3 },
    );
    const result = await client.getCustomer(CUSTOMER_ID);
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'throttled',
        status: 429,
        code: 429,
        description: 'Rate limit is exceeded. Try again in 600 seconds.',
        path: `/customers/${CUSTOMER_ID}`,
      },
    });
    expect(fake.requests).toHaveLength(3);
    expect(waits).toEqual([60_000, 60_000]);
  });

  it('backs off on 5xx with full jitter, then succeeds', async () => {
    const randoms = [0, 0.5, 0.999];
    const { client, fake, waits } = setup(
      (_request, n) => (n < 3 ? json({ code: 0, description: 'x' }, 503) : json(customerBody())),
      { random: () => randoms.shift() ?? 0 },
    );
    const result = await client.getCustomer(CUSTOMER_ID);
    expect(result.ok).toBe(true);
    expect(fake.requests).toHaveLength(4);
    expect(new Set(fake.requests.map((r) => r.headers['ms-requestid'])).size).toBe(1);
    expect(waits).toEqual([0, BACKOFF_BASE_MS, Math.floor(BACKOFF_BASE_MS * 4 * 0.999)]);
    // Full jitter: each wait lies in [0, base * 2^(n-1)).
    waits.forEach((w, i) => {
      expect(w).toBeGreaterThanOrEqual(0);
      expect(w).toBeLessThan(BACKOFF_BASE_MS * 2 ** i);
    });
  });

  it('returns the last server error after maxAttempts', async () => {
    const { client, fake, waits } = setup(() => json({ code: 0, description: 'unavailable' }, 500));
    const result = await client.listSubscriptions(CUSTOMER_ID);
    expect(result.ok === false && result.error).toMatchObject({
      kind: 'server',
      status: 500,
      description: 'unavailable',
    });
    expect(fake.requests).toHaveLength(4);
    expect(waits).toHaveLength(3);
  });

  it('retries network failures and reports network after maxAttempts', async () => {
    const { client, fake } = setup(() => {
      throw new TypeError('Failed to fetch');
    });
    const result = await client.getCustomer(CUSTOMER_ID);
    expect(result).toEqual({ ok: false, error: { kind: 'network', path: `/customers/${CUSTOMER_ID}` } });
    expect(fake.requests).toHaveLength(4);
  });

  it.each([
    [400, 'http', { code: 2002, description: 'Quantity is outside the range', source: 'PartnerCenter' }],
    [401, 'unauthorized', { code: 400, description: 'Access denied', source: 'PartnerCenter' }],
    [403, 'forbidden', { code: 900309, description: 'Not permitted', data: [], source: 'PartnerCenter' }],
    [404, 'not-found', { code: 1000, description: 'Customer not found', source: 'PartnerCenter' }],
    [409, 'http', { code: 1, description: 'Conflict', source: 'PartnerCenter' }],
    [412, 'http', { code: 2055, description: 'Stale etag', source: 'PartnerCenter' }],
  ])('does not retry HTTP %i and reports %s', async (status, kind, body) => {
    const { client, fake, waits } = setup(() => json(body, status));
    const result = await client.getCustomer(CUSTOMER_ID);
    expect(result).toEqual({
      ok: false,
      error: { kind, status, code: body.code, description: body.description, path: `/customers/${CUSTOMER_ID}` },
    });
    expect(fake.requests).toHaveLength(1);
    expect(waits).toHaveLength(0);
  });

  it('reports an error status with a body of another shape without code or description', async () => {
    const { client } = setup(() => new Response('<html>Forbidden</html>', { status: 403 }));
    expect(await client.getCustomer(CUSTOMER_ID)).toEqual({
      ok: false,
      error: { kind: 'forbidden', status: 403, path: `/customers/${CUSTOMER_ID}` },
    });
  });
});

describe('timeouts and aborts', () => {
  it('times out an attempt that never answers, retries it, then reports timeout', async () => {
    // This fetch ignores its signal: the client must not depend on fetch honouring it.
    const { client, fake } = setup(() => new Promise<Response>(() => {}), { timeoutMs: 15, maxAttempts: 2 });
    const result = await client.getCustomer(CUSTOMER_ID);
    expect(result).toEqual({ ok: false, error: { kind: 'timeout', path: `/customers/${CUSTOMER_ID}` } });
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[0]?.headers['ms-requestid']).toBe(fake.requests[1]?.headers['ms-requestid']);
    expect(fake.requests[0]?.init?.signal?.aborted).toBe(true);
  });

  it('times out a body that stops half way', async () => {
    const stalled = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"id":"'));
          },
        }),
        { status: 200 },
      );
    const { client } = setup((_request, n) => (n === 0 ? stalled() : json(customerBody())), { timeoutMs: 15 });
    const result = await client.getCustomer(CUSTOMER_ID);
    expect(result.ok).toBe(true);
  });

  it('aborts an in-flight request without retrying', async () => {
    const { client, fake, waits } = setup(hangUntilAborted);
    const controller = new AbortController();
    const pending = client.getCustomer(CUSTOMER_ID, { signal: controller.signal });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    controller.abort();
    expect(await pending).toEqual({ ok: false, error: { kind: 'aborted', path: `/customers/${CUSTOMER_ID}` } });
    expect(fake.requests).toHaveLength(1);
    expect(waits).toHaveLength(0);
    expect(fake.requests[0]?.init?.signal?.aborted).toBe(true);
  });

  it('makes no request for an already aborted signal', async () => {
    const { client, fake } = setup(() => json(customerBody()));
    const result = await client.getCustomer(CUSTOMER_ID, { signal: AbortSignal.abort() });
    expect(result.ok === false && result.error.kind).toBe('aborted');
    expect(fake.requests).toHaveLength(0);
  });

  it('aborts a request still waiting for a slot', async () => {
    const { client, fake } = setup(hangUntilAborted, { maxInFlight: 1 });
    const first = new AbortController();
    const second = new AbortController();
    const a = client.getCustomer(CUSTOMER_ID, { signal: first.signal });
    const b = client.getCustomer(CUSTOMER_ID, { signal: second.signal });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    second.abort();
    expect((await b).ok === false && ((await b) as { error: { kind: string } }).error.kind).toBe('aborted');
    first.abort();
    await a;
    expect(fake.requests).toHaveLength(1);
  });

  it('aborts while waiting to retry', async () => {
    const controller = new AbortController();
    const fake = fakeFetch(() => json({ statusCode: 429, message: 'Try again in 30 seconds.' }, 429));
    const client = createSessionClient({
      getToken: () => TOKEN,
      fetch: fake.fetch,
      newId: sequentialIds(),
      // A real-time sleep that only ends on abort: the test passes only if abort cuts the wait short.
      sleep: (_ms, signal) =>
        new Promise((resolve) => {
          signal?.addEventListener('abort', () => resolve());
          controller.abort();
        }),
    });
    const result = await client.getCustomer(CUSTOMER_ID, { signal: controller.signal });
    expect(result.ok === false && result.error.kind).toBe('aborted');
    expect(fake.requests).toHaveLength(1);
  });
});

describe('validation', () => {
  it.each([
    ['a cut-off body', () => new Response('{"id":"0b3e0b6a-1f3c', { status: 200 })],
    ['an HTML page', () => new Response('<!doctype html><title>Sign in</title>', { status: 200 })],
    ['an empty body', () => new Response('', { status: 200 })],
    [
      'JSON of another shape',
      () => json({ id: CUSTOMER_ID, companyProfile: { companyName: 42, domain: 'SECRETDATA' } }),
    ],
  ])('reports %s as malformed, naming the path but not the data', async (_name, respond) => {
    const { client, fake } = setup(respond);
    const result = await client.getCustomer(CUSTOMER_ID);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('malformed');
    expect(result.error.status).toBe(200);
    expect(result.error.path).toBe(`/customers/${CUSTOMER_ID}`);
    expect(JSON.stringify(result.error)).not.toMatch(/SECRETDATA|0b3e0b6a-1f3c"/);
    expect(fake.requests).toHaveLength(1);
  });

  it('names the field that did not fit', async () => {
    const bad = collection([customer(1), { ...customer(2), companyProfile: { companyName: null, domain: 'x' } }]);
    const { client } = setup(() => json(bad));
    const result = await client.listCustomers();
    expect(result.ok === false && result.error.description).toMatch(/items\.1\.companyProfile\.companyName/);
  });
});

describe('in-flight limit', () => {
  const slow: Responder = () => new Promise((resolve) => setTimeout(() => resolve(json(customerBody())), 5));

  it.each([
    [1, 5],
    [2, 10],
    [undefined, 12],
  ])('keeps at most maxInFlight=%s requests in flight (%i issued)', async (maxInFlight, issued) => {
    const limit = maxInFlight ?? 4;
    const { client, fake } = setup(slow, maxInFlight === undefined ? {} : { maxInFlight });
    const results = await Promise.all(Array.from({ length: issued }, () => client.getCustomer(CUSTOMER_ID)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.requests).toHaveLength(issued);
    expect(fake.maxConcurrent).toBe(limit);
  });

  it('reads users\' licenses 10 at a time beside the general limit, one 429 pausing them all', async () => {
    let throttled = false;
    const { client, fake, waits } = setup((request) => {
      if (request.url.endsWith('/licenses') && !throttled) {
        throttled = true;
        return json({ statusCode: 429, message: 'Try again in 2 seconds.' }, 429, { 'Retry-After': '2' });
      }
      return new Promise((resolve) => setTimeout(() => resolve(json(collection([]))), 5));
    });
    const reads = Array.from({ length: 30 }, (_, i) => client.getUserLicenses(CUSTOMER_ID, `user-${i}`));
    const results = await Promise.all([...reads, client.listSubscriptions(CUSTOMER_ID)]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.maxConcurrent).toBeLessThanOrEqual(11);
    expect(fake.maxConcurrent).toBeGreaterThan(4);
    // The throttled read waited as asked, and the others queued behind the same pause.
    expect(waits[0]).toBe(2000);
    expect(waits.length).toBeGreaterThan(1);
  });

  it('holds the limit across pages, retries and different operations', async () => {
    let n = 0;
    const { client, fake } = setup(
      (request) =>
        new Promise((resolve) =>
          setTimeout(() => {
            n += 1;
            if (n % 3 === 0) return resolve(json({ code: 0, description: 'x' }, 503));
            if (request.url.includes('/customers?')) {
              return resolve(
                request.headers['ms-continuationtoken']
                  ? json(collection([customer(2)]))
                  : json(collection([customer(1)], { uri: '/customers?size=300&seekOperation=Next', token: 'p2' })),
              );
            }
            resolve(json(request.url.includes('subscriptions') ? collection([subscription()]) : customerBody()));
          }, 3),
        ),
      { maxInFlight: 2 },
    );
    const results = await Promise.all([
      client.listCustomers(),
      client.listCustomers(),
      client.listSubscriptions(CUSTOMER_ID),
      client.getCustomer(CUSTOMER_ID),
      client.getCustomer(CUSTOMER_ID),
      client.listSubscriptions(CUSTOMER_ID),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.maxConcurrent).toBe(2);
  });
});

describe('session', () => {
  it('returns no-session without a request when there is no token', async () => {
    const { client, fake } = setup(() => json(customerBody()), { getToken: () => null });
    expect(await client.getCustomer(CUSTOMER_ID)).toEqual({
      ok: false,
      error: { kind: 'no-session', path: `/customers/${CUSTOMER_ID}` },
    });
    expect((await client.listCustomers()).ok === false).toBe(true);
    const pages = [];
    for await (const page of client.listUsersPaged(CUSTOMER_ID)) pages.push(page);
    expect(pages).toEqual([
      { ok: false, error: { kind: 'no-session', path: `/customers/${CUSTOMER_ID}/users?size=500` } },
    ]);
    expect(fake.requests).toHaveLength(0);
  });

  it('treats a throwing token getter as no session', async () => {
    const { client, fake } = setup(() => json(customerBody()), {
      getToken: () => {
        throw new Error('storage blocked');
      },
    });
    expect((await client.getCustomer(CUSTOMER_ID)).ok === false).toBe(true);
    expect(fake.requests).toHaveLength(0);
  });

  it('stops retrying with no-session when the token disappears between attempts', async () => {
    let token: string | null = TOKEN;
    const { client, fake } = setup(
      () => {
        token = null;
        return json({ code: 0, description: 'x' }, 503);
      },
      { getToken: () => token },
    );
    const result = await client.getCustomer(CUSTOMER_ID);
    expect(result.ok === false && result.error.kind).toBe('no-session');
    expect(fake.requests).toHaveLength(1);
  });
});

describe('the token goes nowhere but the Authorization header of API requests', () => {
  it('in requests, results, errors and console output', async () => {
    const consoleSpies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => {}),
    );
    const scenario: Responder = (request, n) => {
      const path = request.url.slice(DEFAULT_BASE_URL.length);
      if (path.startsWith('/customers?')) {
        return request.headers['ms-continuationtoken']
          ? json(collection([customer(2)]))
          : json(collection([customer(1)], { uri: '/customers?size=300&seekOperation=Next', token: 'next-page' }));
      }
      if (path.endsWith('/subscriptions')) return json({ statusCode: 429, message: 'Try again in 1 seconds.' }, 429);
      if (path.endsWith('/users?size=500')) return json({ code: 1, description: `token ${TOKEN} is not valid` }, 401);
      if (path.endsWith('/subscribedskus')) return new Response('{"items": [', { status: 200 });
      if (path.endsWith('/qualifications')) throw new TypeError(`network down while sending Bearer ${TOKEN}`);
      if (n % 2 === 0) return json({ code: 0, description: 'x' }, 500);
      return json(customerBody());
    };
    const { client, fake } = setup(scenario);
    const results = [
      await client.listCustomers(),
      await client.getCustomer(CUSTOMER_ID),
      await client.listSubscriptions(CUSTOMER_ID),
      await client.listUsers(CUSTOMER_ID),
      await client.listSubscribedSkus(CUSTOMER_ID),
      await client.getQualifications(CUSTOMER_ID),
      await client.getCustomer('..'),
      await setup(scenario, { getToken: () => null }).client.getCustomer(CUSTOMER_ID),
      await setup(hangUntilAborted, { timeoutMs: 5, maxAttempts: 1 }).client.getCustomer(CUSTOMER_ID),
    ];

    expect(fake.requests.length).toBeGreaterThan(8);
    for (const request of fake.requests) {
      expect(request.url.startsWith(`${DEFAULT_BASE_URL}/`)).toBe(true);
      expect(request.url).not.toContain(TOKEN);
      for (const [name, value] of Object.entries(request.headers)) {
        if (name === 'authorization') expect(value).toBe(`Bearer ${TOKEN}`);
        else expect(value).not.toContain(TOKEN);
      }
      expect(String(request.init?.body ?? '')).not.toContain(TOKEN);
    }
    for (const result of results) {
      expect(JSON.stringify(result)).not.toContain(TOKEN);
      if (!result.ok) expect(Object.values(result.error).join(' ')).not.toContain(TOKEN);
    }
    // The server echoed the token in an error description: it arrives redacted.
    const unauthorized = results[3];
    expect(unauthorized?.ok === false && unauthorized.error).toMatchObject({
      kind: 'unauthorized',
      description: 'token [redacted] is not valid',
    });
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.kind))).toEqual([
      'throttled',
      'unauthorized',
      'malformed',
      'network',
      'not-found',
      'no-session',
      'timeout',
    ]);
    for (const spy of consoleSpies) {
      for (const call of spy.mock.calls) expect(JSON.stringify(call.map(String))).not.toContain(TOKEN);
      expect(spy).not.toHaveBeenCalled();
    }
  });
});

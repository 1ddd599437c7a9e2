// Every fault kind, off by default, matched by method and path, firing always, on a share of
// requests (from the injected `random`) or on the next N.
import { describe, expect, it } from 'vitest';
import { matches } from './faults';
import { type SimulatedPartnerCenterOptions, SimulatedPartnerCenter } from './handler';
import { FIXTURE_OFFER } from './offers';
import { scenarioCustomerId } from './scenarios';
import { client, collectionSchema, errorSchema, manualClock, throttleSchema, userSchema } from './testing';

const small = scenarioCustomerId('small-business-kaizala');
const korean = scenarioCustomerId('korean-customer');

/** A `random` that replays the given values in a loop. */
function sequence(...values: number[]) {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}

function setup(options: Partial<SimulatedPartnerCenterOptions> = {}) {
  const clock = manualClock();
  const slept: number[] = [];
  const sim = new SimulatedPartnerCenter({
    scenario: 'demo',
    clock: clock.now,
    sleep: async (ms) => {
      slept.push(ms);
    },
    ...options,
  });
  return { sim, api: client(sim), clock, slept };
}

const buy = { lineItems: [{ offerId: FIXTURE_OFFER.o365E1, quantity: 1 }] };
const pendingOrders = (sim: SimulatedPartnerCenter) =>
  sim.customer(small)?.orders.filter((o) => o.resource.status === 'pending').length ?? 0;

describe('faults', () => {
  it('are all off by default', async () => {
    const { sim, api, slept } = setup();
    for (let i = 0; i < 30; i++) expect((await api.get(`/customers/${small}/users?size=5`)).status).toBe(200);
    expect(slept).toEqual([]);
    expect(sim.log.every((e) => e.fault === undefined)).toBe(true);
  });

  it('match by method and by path pattern (segment wildcards, ** and RegExp)', () => {
    const req = { method: 'POST', path: `/customers/${small}/users/u1/licenseupdates`, tenant: small };
    expect(matches({ method: 'post', path: '/customers/*/users/*/licenseupdates' }, req)).toBe(true);
    expect(matches({ method: ['GET', 'PATCH'] }, req)).toBe(false);
    expect(matches({ path: '/customers/**' }, req)).toBe(true);
    expect(matches({ path: '/customers/*/users' }, req)).toBe(false);
    expect(matches({ path: /licenseupdates$/ }, req)).toBe(true);
    expect(matches(undefined, req)).toBe(true);
  });

  it('adds latency to matching requests only', async () => {
    const { sim, api, slept } = setup({ faults: { latency: [{ ms: 250, match: { path: '/customers/*/users' } }] } });
    await api.get(`/customers/${small}/users`);
    await api.get(`/customers/${small}/subscriptions`);
    expect(slept).toEqual([250]);
    expect(sim.log.map((e) => e.fault)).toEqual(['latency', undefined]);
  });

  it('waits for real with the default sleep', async () => {
    const sim = new SimulatedPartnerCenter({ scenario: 'small-business-kaizala', faults: { latency: [{ ms: 60 }] } });
    const started = performance.now();
    expect((await client(sim).get('/customers')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('throttles a share of requests (drawn from random) with Retry-After and the throttle body', async () => {
    const { sim, api } = setup({
      random: sequence(0.1, 0.9, 0.4, 0.6),
      faults: { throttle: [{ share: 0.5, retryAfterSeconds: 3 }] },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await api.post(`/customers/${small}/orders`, buy);
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers['Retry-After']).toBe('3');
        expect(throttleSchema.parse(res.json).message).toBe('Rate limit is exceeded. Try again in 3 seconds.');
      }
    }
    expect(statuses).toEqual([429, 201, 429, 201]);
    // Throttled orders were never placed.
    expect(pendingOrders(sim)).toBe(2);
  });

  it('throttles the next N matching requests', async () => {
    const { api } = setup({ faults: { throttle: [{ count: 2, match: { method: 'GET', path: '/customers' } }] } });
    expect((await api.get('/customers')).status).toBe(429);
    expect((await api.get(`/customers/${small}`)).status).toBe(200);
    expect((await api.get('/customers')).status).toBe(429);
    expect((await api.get('/customers')).status).toBe(200);
  });

  it('enforces a request budget per tenant and window, with Retry-After until the window frees', async () => {
    const { api, clock } = setup({ faults: { rateLimit: { requests: 5, windowMs: 10_000 } } });
    for (let i = 0; i < 5; i++) {
      expect((await api.get(`/customers/${small}/subscriptions`)).status).toBe(200);
      clock.advance(1000);
    }
    const limited = await api.get(`/customers/${small}/users`);
    expect(limited.status).toBe(429);
    // The oldest request (t=0) leaves the window at t=10 s; now is t=5 s.
    expect(limited.headers['Retry-After']).toBe('5');
    expect(throttleSchema.parse(limited.json).message).toBe('Rate limit is exceeded. Try again in 5 seconds.');
    // Another tenant has its own budget.
    expect((await api.get(`/customers/${korean}`)).status).toBe(200);
    clock.advance(5000);
    expect((await api.get(`/customers/${small}/users`)).status).toBe(200);
  });

  it('defaults the budget to 500 requests per minute', async () => {
    const { api, clock } = setup({ faults: { rateLimit: {} } });
    for (let i = 0; i < 500; i++) expect((await api.get(`/customers/${small}`)).status).toBe(200);
    const limited = await api.get(`/customers/${small}`);
    expect(limited.status).toBe(429);
    expect(limited.headers['Retry-After']).toBe('60');
    clock.advance(60_000);
    expect((await api.get(`/customers/${small}`)).status).toBe(200);
  });

  it('answers 5xx on the next N requests, before changing anything', async () => {
    const { sim, api } = setup({
      faults: { serverError: [{ count: 2, status: 503, retryAfterSeconds: 2, match: { method: 'POST' } }] },
    });
    const first = await api.post(`/customers/${small}/orders`, buy);
    expect(first.status).toBe(503);
    expect(first.headers['Retry-After']).toBe('2');
    expect(errorSchema.parse(first.json).source).toBe('PartnerCenter');
    expect((await api.get('/customers')).status).toBe(200);
    expect((await api.post(`/customers/${small}/orders`, buy)).status).toBe(503);
    expect(pendingOrders(sim)).toBe(0);
    expect((await api.post(`/customers/${small}/orders`, buy)).status).toBe(201);
    expect(pendingOrders(sim)).toBe(1);
  });

  it('answers 5xx on a share of requests', async () => {
    const { api } = setup({ random: sequence(0.05, 0.5, 0.95), faults: { serverError: [{ share: 0.1 }] } });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.get('/customers')).status);
    expect(statuses).toEqual([500, 200, 200, 500, 200, 200]);
  });

  it('can fail after committing; a retry with the same MS-RequestId gets the original answer', async () => {
    const { sim, api } = setup({
      faults: { serverError: [{ count: 1, afterCommit: true, match: { method: 'POST' } }] },
    });
    const headers = { 'MS-RequestId': '0f4a2b1c-aaaa-4bbb-8ccc-123456789abc' };
    expect((await api.post(`/customers/${small}/orders`, buy, { headers })).status).toBe(500);
    expect(pendingOrders(sim)).toBe(1);
    const retry = await api.post(`/customers/${small}/orders`, buy, { headers });
    expect(retry.status).toBe(201);
    expect(pendingOrders(sim)).toBe(1);
    expect(sim.log.at(-1)).toMatchObject({ replayed: true, requestId: headers['MS-RequestId'] });
  });

  it('cuts responses off (not parseable) for matching paths', async () => {
    const { api } = setup({ faults: { truncate: [{ match: { path: '/customers/*/users' } }] } });
    const res = await api.get(`/customers/${small}/users`);
    expect(res.status).toBe(200);
    expect(res.raw.length).toBeGreaterThan(10);
    expect(() => JSON.parse(res.raw)).toThrow();
    const whole = (await api.get(`/customers/${small}`)).raw;
    expect(() => JSON.parse(whole)).not.toThrow();
  });

  it('sends valid JSON of the wrong shape for matching paths', async () => {
    const { api } = setup({ faults: { malformed: [{ count: 1, match: { path: '/customers/*/users' } }] } });
    const bad = await api.get(`/customers/${small}/users`);
    expect(bad.status).toBe(200);
    expect(bad.json).toEqual({ unexpected: true, items: null });
    expect(collectionSchema(userSchema).safeParse(bad.json).success).toBe(false);
    const good = await api.get(`/customers/${small}/users`);
    expect(collectionSchema(userSchema).safeParse(good.json).success).toBe(true);

    const custom = setup({ faults: { malformed: [{ body: [1, 2, 3] }] } });
    expect((await custom.api.get('/customers')).json).toEqual([1, 2, 3]);
  });

  it('records the fault of each response in the log, and setFaults replaces or clears them', async () => {
    const { sim, api } = setup({ faults: { throttle: [{ count: 1 }] } });
    await api.get('/customers');
    sim.setFaults({ serverError: [{ count: 1 }] });
    await api.get('/customers');
    sim.setFaults(undefined);
    await api.get('/customers');
    expect(sim.log.map((e) => [e.status, e.fault])).toEqual([
      [429, 'throttle'],
      [500, 'server-error'],
      [200, undefined],
    ]);
  });
});

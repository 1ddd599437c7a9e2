// The simulator's own surface: the request log, state access, reset, and the JSON round trip the
// demo uses to keep its state between runs.
import { describe, expect, it } from 'vitest';
import { SimulatedPartnerCenter } from './handler';
import { FIXTURE_OFFER } from './offers';
import { scenarioCustomerId, scenarioSubscriptionId } from './scenarios';
import { KAIZALA_PRO_SKU_ID } from './skus';
import { DAY_MS } from './time';
import { client, manualClock } from './testing';

const small = scenarioCustomerId('small-business-kaizala');

describe('request log', () => {
  it('records method, path (relative to /v1), query, status and arrival time of every request', async () => {
    const clock = manualClock(5000);
    const sim = new SimulatedPartnerCenter({ scenario: 'small-business-kaizala', clock: clock.now });
    const api = client(sim);
    await api.get('/customers?size=300');
    clock.advance(250);
    await api.get(`/customers/${small}/users`, { anonymous: true });
    await sim.handle({
      method: 'OPTIONS',
      url: `https://api.partnercenter.microsoft.com/v1/customers/${small}`,
      headers: {},
      body: null,
    });
    expect(sim.log).toEqual([
      { method: 'GET', path: '/customers', query: 'size=300', status: 200, at: 5000 },
      { method: 'GET', path: `/customers/${small}/users`, query: '', status: 401, at: 5250 },
      { method: 'OPTIONS', path: `/customers/${small}`, query: '', status: 204, at: 5250 },
    ]);
  });
});

describe('state', () => {
  it('is the live state: arranging it in a test shows in the API', async () => {
    const sim = new SimulatedPartnerCenter({ scenario: 'small-business-kaizala' });
    const customer = sim.customer(small.toUpperCase());
    expect(customer?.customer.id).toBe(small);
    customer?.users.splice(5);
    expect((await client(sim).get(`/customers/${small}/users`)).json.items).toHaveLength(5);
  });

  it('starts simulated time at `now` and moves it with the clock', () => {
    const clock = manualClock();
    const sim = new SimulatedPartnerCenter({
      scenario: 'korean-customer',
      clock: clock.now,
      now: new Date('2027-03-01T12:00:00Z'),
    });
    expect(sim.now().toISOString()).toBe('2027-03-01T12:00:00.000Z');
    clock.advance(DAY_MS);
    expect(sim.now().toISOString()).toBe('2027-03-02T12:00:00.000Z');
  });

  it('reset() restores the scenario, clears the log, and keeps the faults', async () => {
    const sim = new SimulatedPartnerCenter({ scenario: 'small-business-kaizala', provisioningDelayMs: 0 });
    const api = client(sim);
    const fresh = JSON.stringify(sim.state);
    await api.post(`/customers/${small}/orders`, { lineItems: [{ offerId: FIXTURE_OFFER.o365E1, quantity: 2 }] });
    expect(JSON.stringify(sim.state)).not.toBe(fresh);
    sim.setFaults({ throttle: [{ match: { path: '/offers' } }] });
    sim.reset();
    expect(JSON.stringify(sim.state)).toBe(fresh);
    expect(sim.log).toHaveLength(0);
    expect((await api.get('/offers?country=US')).status).toBe(429);
  });
});

describe('toJSON / fromJSON', () => {
  it('round-trips through JSON text: a restored simulator answers exactly as the original', async () => {
    const clock = manualClock();
    const sim = new SimulatedPartnerCenter({ scenario: 'demo', clock: clock.now });
    const api = client(sim);
    // Change things: an order still provisioning, a suspended subscription, a moved license.
    const order = await api.post(`/customers/${small}/orders`, {
      lineItems: [{ offerId: FIXTURE_OFFER.businessEssentials, quantity: 25 }],
    });
    const sid = scenarioSubscriptionId('small-business-kaizala', 'exchange');
    const sub = (await api.get(`/customers/${small}/subscriptions/${sid}`)).json;
    await api.patch(
      `/customers/${small}/subscriptions/${sid}`,
      { ...sub, status: 'suspended' },
      { headers: { 'If-Match': sub.attributes.etag } },
    );
    const user = sim.customer(small)?.users[0]?.resource.id;
    await api.post(`/customers/${small}/users/${user}/licenseupdates`, { licensesToRemove: [KAIZALA_PRO_SKU_ID] });

    const text = JSON.stringify(sim);
    const snapshot = JSON.parse(text);
    expect(snapshot).toMatchObject({ format: 'simulated-partner-center', version: 1, scenario: 'demo' });

    const restored = new SimulatedPartnerCenter({ scenario: 'demo', clock: clock.now });
    restored.fromJSON(text);
    expect(JSON.stringify(restored.state)).toBe(JSON.stringify(sim.state));
    const again = client(restored);
    for (const path of [
      `/customers/${small}/subscriptions`,
      `/customers/${small}/subscribedskus`,
      `/customers/${small}/users/${user}/licenses`,
      `/customers/${small}/orders/${order.json.id}`,
    ]) {
      expect((await again.get(path)).raw, path).toBe((await api.get(path)).raw);
    }

    // The pending order provisions after its delay in the restored simulator too.
    clock.advance(2000);
    expect((await again.get(`/customers/${small}/orders/${order.json.id}`)).json.status).toBe('completed');
    // New ids continue the saved counter instead of repeating one.
    const next = await again.post(`/customers/${small}/orders`, {
      lineItems: [{ offerId: FIXTURE_OFFER.o365E1, quantity: 1 }],
    });
    expect(next.json.id).not.toBe(order.json.id);
  });

  it('resumes simulated time from a later save and refuses what is not a snapshot', () => {
    const sim = new SimulatedPartnerCenter({
      scenario: 'small-business-kaizala',
      now: new Date('2027-01-10T00:00:00Z'),
    });
    const saved = sim.toJSON();
    const restored = new SimulatedPartnerCenter({ scenario: 'small-business-kaizala' });
    restored.fromJSON(saved);
    expect(restored.now().getTime()).toBeGreaterThanOrEqual(Date.parse('2027-01-10T00:00:00Z'));
    expect(() => restored.fromJSON({ hello: 'world' })).toThrow(/Not a simulator snapshot/);
    expect(() => restored.fromJSON({ ...saved, version: 2 })).toThrow();
  });
});

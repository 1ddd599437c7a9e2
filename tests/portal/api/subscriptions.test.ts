// Subscription updates: etags (412 on a stale one), suspension (auto-renew off), 800091 for a
// suspended subscription, quantity limits, and term ends over simulated time.
import { describe, expect, it } from 'vitest';
import { SimulatedPartnerCenter } from './handler';
import { scenarioCustomerId, scenarioSubscriptionId } from './scenarios';
import { DAY_MS } from './time';
import { client, errorSchema, manualClock, subscriptionSchema } from './testing';

const small = scenarioCustomerId('small-business-kaizala');
const retiring = scenarioSubscriptionId('small-business-kaizala', 'retiring');
const exchange = scenarioSubscriptionId('small-business-kaizala', 'exchange');
const expired = scenarioSubscriptionId('small-business-kaizala', 'expired');
const path = (sid: string) => `/customers/${small}/subscriptions/${sid}`;

function setup() {
  const sim = new SimulatedPartnerCenter({ scenario: 'small-business-kaizala' });
  return { sim, api: client(sim) };
}

async function read(api: ReturnType<typeof client>, sid: string) {
  const res = await api.get(path(sid));
  return subscriptionSchema.passthrough().parse(res.json);
}

describe('PATCH subscription', () => {
  it('needs If-Match equal to the current etag: stale or missing gives 412 (2055) and changes nothing', async () => {
    const { sim, api } = setup();
    const sub = await read(api, exchange);
    const first = await api.patch(
      path(exchange),
      { ...sub, quantity: 26 },
      { headers: { 'If-Match': sub.attributes.etag } },
    );
    expect(first.status).toBe(200);
    expect(first.json.quantity).toBe(26);
    expect(first.json.attributes.etag).not.toBe(sub.attributes.etag);
    expect(first.headers.ETag).toBe(first.json.attributes.etag);

    const stale = await api.patch(
      path(exchange),
      { ...sub, quantity: 30 },
      { headers: { 'If-Match': sub.attributes.etag } },
    );
    expect(stale.status).toBe(412);
    expect(errorSchema.parse(stale.json).code).toBe(2055);
    const missing = await api.patch(path(exchange), { ...sub, quantity: 30 });
    expect(missing.status).toBe(412);
    expect(sim.customer(small)?.subscriptions.find((s) => s.resource.id === exchange)?.resource.quantity).toBe(26);

    // A quoted etag (as browsers send ETag values back) is accepted.
    const quoted = await api.patch(
      path(exchange),
      { ...first.json, quantity: 27 },
      { headers: { 'If-Match': `"${first.json.attributes.etag}"` } },
    );
    expect(quoted.status).toBe(200);
  });

  it('suspends: status suspended and auto-renew off, even for a renewing subscription', async () => {
    const { api } = setup();
    const sub = await read(api, exchange);
    expect(sub.autoRenewEnabled).toBe(true);
    const res = await api.patch(
      path(exchange),
      { ...sub, status: 'suspended' },
      { headers: { 'If-Match': sub.attributes.etag } },
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      status: 'suspended',
      autoRenewEnabled: false,
      suspensionReasons: ['CustomerCancellation'],
    });
    expect((await read(api, exchange)).status).toBe('suspended');
  });

  it('refuses any change but reactivation on a suspended subscription (800091)', async () => {
    const { api } = setup();
    let sub = await read(api, retiring);
    sub = (
      await api.patch(path(retiring), { ...sub, status: 'suspended' }, { headers: { 'If-Match': sub.attributes.etag } })
    ).json;

    for (const change of [{ quantity: 30 }, { friendlyName: 'Renamed' }, { status: 'active', quantity: 30 }]) {
      const res = await api.patch(
        path(retiring),
        { ...sub, ...change },
        { headers: { 'If-Match': sub.attributes.etag } },
      );
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(errorSchema.parse(res.json).code).toBe(800091);
    }
    const still = await read(api, retiring);
    expect(still).toMatchObject({ status: 'suspended', quantity: 25, friendlyName: 'Kaizala Pro' });

    const reactivated = await api.patch(
      path(retiring),
      { ...still, status: 'active' },
      { headers: { 'If-Match': still.attributes.etag } },
    );
    expect(reactivated.status).toBe(200);
    expect(reactivated.json).toMatchObject({ status: 'active', autoRenewEnabled: false });
    expect(reactivated.json.suspensionReasons).toBeUndefined();
  });

  it('keeps quantity within the offer’s minimum and maximum (2002), Business plans at most 300', async () => {
    const sim = new SimulatedPartnerCenter({ scenario: 'no-retirement' });
    const api = client(sim);
    const customerId = scenarioCustomerId('no-retirement');
    const sid = scenarioSubscriptionId('no-retirement', 'business-premium');
    const p = `/customers/${customerId}/subscriptions/${sid}`;
    const sub = (await api.get(p)).json;
    for (const quantity of [0, 301]) {
      const res = await api.patch(p, { ...sub, quantity }, { headers: { 'If-Match': sub.attributes.etag } });
      expect(res.status).toBe(400);
      expect(errorSchema.parse(res.json).code).toBe(2002);
    }
    const ok = await api.patch(p, { ...sub, quantity: 300 }, { headers: { 'If-Match': sub.attributes.etag } });
    expect(ok.status).toBe(200);
  });

  it('will not turn auto-renew back on for a retired offer (2091) and will not change an expired subscription', async () => {
    const { api } = setup();
    const sub = await read(api, retiring);
    const renew = await api.patch(
      path(retiring),
      { ...sub, autoRenewEnabled: true },
      { headers: { 'If-Match': sub.attributes.etag } },
    );
    expect(renew.status).toBe(403);
    expect(errorSchema.parse(renew.json).code).toBe(2091);

    const old = await read(api, expired);
    expect(old.status).toBe('expired');
    const res = await api.patch(
      path(expired),
      { ...old, status: 'active' },
      { headers: { 'If-Match': old.attributes.etag } },
    );
    expect(res.status).toBe(400);
    expect(errorSchema.parse(res.json).code).toBe(800092);
  });

  it('refuses changing the offer or setting an unknown status', async () => {
    const { api } = setup();
    const sub = await read(api, exchange);
    const headers = { 'If-Match': sub.attributes.etag };
    expect(
      (await api.patch(path(exchange), { ...sub, offerId: '796B6B5F-613C-4E24-A17C-EBA730D49C02' }, { headers }))
        .status,
    ).toBe(400);
    expect((await api.patch(path(exchange), { ...sub, status: 'deleted' }, { headers })).status).toBe(400);
    expect(
      (await api.patch(`/customers/${small}/subscriptions/00000000-0000-4000-8000-000000000001`, sub, { headers }))
        .status,
    ).toBe(404);
  });
});

describe('term ends over simulated time', () => {
  it('expires a non-renewing subscription after its inclusive end date and renews a renewing one', async () => {
    const clock = manualClock();
    const sim = new SimulatedPartnerCenter({ scenario: 'small-business-kaizala', clock: clock.now });
    const api = client(sim);
    const before = await read(api, retiring);
    expect(before.commitmentEndDate).toBe('2026-12-21T00:00:00Z');
    clock.advance(30 * DAY_MS); // 2026-12-21: the last day is still inside the term
    expect((await read(api, retiring)).status).toBe('active');
    clock.advance(DAY_MS); // 2026-12-22
    const after = await read(api, retiring);
    expect(after.status).toBe('expired');
    expect(after.attributes.etag).not.toBe(before.attributes.etag);

    const renewing = await read(api, exchange);
    clock.advance(200 * DAY_MS);
    const renewed = await read(api, exchange);
    expect(renewed.status).toBe('active');
    expect(Date.parse(renewed.commitmentEndDate)).toBeGreaterThan(Date.parse(renewing.commitmentEndDate));
    expect(renewed.effectiveStartDate).toBe(
      new Date(Date.parse(renewing.commitmentEndDate) + DAY_MS).toISOString().replace('.000Z', 'Z'),
    );
  });

  it('lists expired subscriptions (status expired): hiding them is the portal’s job', async () => {
    const { api } = setup();
    const list = await api.get(`/customers/${small}/subscriptions`);
    const statuses = Object.fromEntries(list.json.items.map((s: { id: string; status: string }) => [s.id, s.status]));
    expect(statuses[expired]).toBe('expired');
    expect(statuses[retiring]).toBe('active');
  });
});

// Purchases: asynchronous provisioning, quantity limits, one-per-customer offers, a suspended
// subscription blocking a re-purchase, retired offers, qualifications, add-ons, and retries.
import { describe, expect, it } from 'vitest';
import { SimulatedPartnerCenter } from './handler';
import { ADDED_OFFER, FIXTURE_OFFER } from './offers';
import { scenarioCustomerId, scenarioSubscriptionId } from './scenarios';
import { client, errorSchema, manualClock, orderSchema } from './testing';

const small = scenarioCustomerId('small-business-kaizala');

function setup(options: { scenario?: string; provisioningDelayMs?: number } = {}) {
  const clock = manualClock();
  const sim = new SimulatedPartnerCenter({
    scenario: options.scenario ?? 'small-business-kaizala',
    clock: clock.now,
    ...(options.provisioningDelayMs === undefined ? {} : { provisioningDelayMs: options.provisioningDelayMs }),
  });
  return { sim, api: client(sim), clock };
}

const order = (offerId: string, quantity: number, extra: Record<string, unknown> = {}) => ({
  referenceCustomerId: small,
  billingCycle: 'monthly',
  lineItems: [{ lineItemNumber: 0, offerId, quantity, ...extra }],
});

describe('asynchronous provisioning', () => {
  it('creates the subscription only after the provisioning delay (default 2000 ms)', async () => {
    const { api, clock } = setup();
    const created = await api.post(`/customers/${small}/orders`, order(FIXTURE_OFFER.businessEssentials, 25));
    expect(created.status).toBe(201);
    const placed = orderSchema.parse(created.json);
    expect(placed.status).toBe('pending');
    expect(placed.lineItems[0]?.subscriptionId).toBeUndefined();

    const countBusiness = async () =>
      (await api.get(`/customers/${small}/subscriptions`)).json.items.filter(
        (s: { offerId: string }) => s.offerId === FIXTURE_OFFER.businessEssentials,
      ).length;

    clock.advance(1999);
    expect((await api.get(`/customers/${small}/orders/${placed.id}`)).json.lineItems[0].subscriptionId).toBeUndefined();
    expect(await countBusiness()).toBe(0);

    clock.advance(1);
    const done = orderSchema.parse((await api.get(`/customers/${small}/orders/${placed.id}`)).json);
    expect(done.status).toBe('completed');
    const sid = done.lineItems[0]?.subscriptionId;
    expect(sid).toMatch(/^[0-9a-f-]{36}$/);
    expect(await countBusiness()).toBe(1);
    const sub = (await api.get(`/customers/${small}/subscriptions/${sid}`)).json;
    expect(sub).toMatchObject({
      status: 'active',
      autoRenewEnabled: true,
      quantity: 25,
      orderId: placed.id,
      offerName: 'Office 365 Business Essentials',
      effectiveStartDate: '2026-11-21T00:00:00Z',
      commitmentEndDate: '2027-11-20T00:00:00Z',
    });
  });

  it('honours a custom delay, and its seats become assignable only once provisioned', async () => {
    const { api, clock, sim } = setup({ provisioningDelayMs: 5000 });
    await api.post(`/customers/${small}/orders`, order(FIXTURE_OFFER.businessEssentials, 25));
    const user = sim.state.customers[0]?.users[0]?.resource.id;
    const assign = () =>
      api.post(`/customers/${small}/users/${user}/licenseupdates`, {
        licensesToAssign: [{ skuId: '3b555118-da6a-4418-894f-7df1e2096870', excludedPlans: null }],
      });
    expect((await assign()).json.code).toBe(60012);
    clock.advance(5000);
    expect((await assign()).status).toBe(201);
  });
});

describe('order validation', () => {
  it('refuses quantities outside the offer’s minimum and maximum (2002)', async () => {
    const { api, sim } = setup();
    for (const [offerId, quantity] of [
      [FIXTURE_OFFER.businessEssentials, 301],
      [FIXTURE_OFFER.businessEssentials, 0],
      [FIXTURE_OFFER.o365E3Trial, 10], // the trial is exactly 25 seats
    ] as const) {
      const res = await api.post(`/customers/${small}/orders`, order(offerId, quantity));
      expect(res.status).toBe(400);
      expect(errorSchema.parse(res.json).code).toBe(2002);
    }
    expect(sim.state.customers[0]?.orders.filter((o) => o.resource.status === 'pending')).toHaveLength(0);
  });

  it('caps a Business plan at 300 seats per customer across subscriptions', async () => {
    const { api } = setup({ provisioningDelayMs: 0 });
    expect((await api.post(`/customers/${small}/orders`, order(FIXTURE_OFFER.businessPremium, 200))).status).toBe(201);
    const over = await api.post(`/customers/${small}/orders`, order(FIXTURE_OFFER.businessPremium, 101));
    expect(over.status).toBe(400);
    expect(over.json.code).toBe(2002);
    expect((await api.post(`/customers/${small}/orders`, order(FIXTURE_OFFER.businessPremium, 100))).status).toBe(201);
  });

  it('allows a one-per-customer offer once (2003 for the second purchase)', async () => {
    const { api } = setup({ provisioningDelayMs: 0 });
    // "Office 365 Enterprise E3 Trial": limit 1, Lifetime, in the recording.
    expect((await api.post(`/customers/${small}/orders`, order(FIXTURE_OFFER.o365E3Trial, 25))).status).toBe(201);
    const second = await api.post(`/customers/${small}/orders`, order(FIXTURE_OFFER.o365E3Trial, 25));
    expect(second.status).toBe(400);
    expect(errorSchema.parse(second.json).code).toBe(2003);

    // Fabrikam used its trial years ago: expired still counts for a Lifetime limit.
    const enterprise = scenarioCustomerId('enterprise-kaizala-1200');
    const big = client(new SimulatedPartnerCenter({ scenario: 'enterprise-kaizala-1200' }));
    const again = await big.post(`/customers/${enterprise}/orders`, {
      lineItems: [{ offerId: FIXTURE_OFFER.o365E3Trial, quantity: 25 }],
    });
    expect(again.json.code).toBe(2003);
  });

  it('allows a Business plan twice at once but not three times (limit 2, Concurrent)', async () => {
    const { api } = setup({ provisioningDelayMs: 0 });
    expect((await api.post(`/customers/${small}/orders`, order(FIXTURE_OFFER.businessEssentials, 5))).status).toBe(201);
    expect((await api.post(`/customers/${small}/orders`, order(FIXTURE_OFFER.businessEssentials, 5))).status).toBe(201);
    expect((await api.post(`/customers/${small}/orders`, order(FIXTURE_OFFER.businessEssentials, 5))).json.code).toBe(
      2003,
    );
  });

  it('refuses to buy an offer again while a suspended subscription of it exists (2004)', async () => {
    const { api } = setup();
    const sid = scenarioSubscriptionId('small-business-kaizala', 'exchange');
    const sub = (await api.get(`/customers/${small}/subscriptions/${sid}`)).json;
    await api.patch(
      `/customers/${small}/subscriptions/${sid}`,
      { ...sub, status: 'suspended' },
      { headers: { 'If-Match': sub.attributes.etag } },
    );
    const res = await api.post(`/customers/${small}/orders`, order(FIXTURE_OFFER.exchangePlan1, 25));
    expect(res.status).toBe(400);
    expect(errorSchema.parse(res.json)).toMatchObject({ code: 2004, data: [{ subscriptionId: sid }] });
  });

  it('refuses retired offers (403, 2091)', async () => {
    const { api } = setup();
    const res = await api.post(`/customers/${small}/orders`, order(ADDED_OFFER.kaizalaPro, 25));
    expect(res.status).toBe(403);
    expect(errorSchema.parse(res.json).code).toBe(2091);
  });

  it('sells qualified offers only to qualified customers (2005)', async () => {
    const { api } = setup();
    expect((await api.post(`/customers/${small}/orders`, order(ADDED_OFFER.o365A1Faculty, 5))).json.code).toBe(2005);
    const edu = scenarioCustomerId('education-kaizala');
    const school = client(new SimulatedPartnerCenter({ scenario: 'education-kaizala' }));
    const ok = await school.post(`/customers/${edu}/orders`, {
      lineItems: [{ offerId: ADDED_OFFER.o365A1Faculty, quantity: 6 }],
    });
    expect(ok.status).toBe(201);
    const gov = scenarioCustomerId('dynamics-government');
    const county = client(new SimulatedPartnerCenter({ scenario: 'dynamics-government' }));
    const govOk = await county.post(`/customers/${gov}/orders`, {
      lineItems: [{ offerId: ADDED_OFFER.salesProfessionalGovernment, quantity: 15 }],
    });
    expect(govOk.status).toBe(201);
  });

  it('needs an active parent subscription of a prerequisite offer for an add-on (2007)', async () => {
    const covered = scenarioCustomerId('covered-by-o365-e3');
    const api = client(new SimulatedPartnerCenter({ scenario: 'covered-by-o365-e3' }));
    const lines = (parentSubscriptionId?: string) => ({
      lineItems: [
        {
          offerId: FIXTURE_OFFER.advancedThreatProtection,
          quantity: 5,
          ...(parentSubscriptionId ? { parentSubscriptionId } : {}),
        },
      ],
    });
    expect((await api.post(`/customers/${covered}/orders`, lines())).json.code).toBe(2007);
    const kaizala = scenarioSubscriptionId('covered-by-o365-e3', 'retiring');
    expect((await api.post(`/customers/${covered}/orders`, lines(kaizala))).json.code).toBe(2007);
    const e3 = scenarioSubscriptionId('covered-by-o365-e3', 'o365-e3');
    expect((await api.post(`/customers/${covered}/orders`, lines(e3))).status).toBe(201);
  });

  it('refuses an order with no line items, an unknown offer, or another customer’s reference', async () => {
    const { api } = setup();
    expect((await api.post(`/customers/${small}/orders`, { lineItems: [] })).status).toBe(400);
    expect(
      (await api.post(`/customers/${small}/orders`, order('00000000-0000-0000-0000-000000000000', 1))).json.code,
    ).toBe(3000);
    const other = { ...order(FIXTURE_OFFER.o365E1, 1), referenceCustomerId: scenarioCustomerId('korean-customer') };
    expect((await api.post(`/customers/${small}/orders`, other)).status).toBe(400);
  });

  it('answers a retried order (same MS-RequestId) with the first answer instead of ordering twice', async () => {
    const { api, sim } = setup();
    const headers = { 'MS-RequestId': '6a3f1e2d-1111-4222-8333-944455556666' };
    const first = await api.post(`/customers/${small}/orders`, order(FIXTURE_OFFER.o365E1, 3), { headers });
    const retry = await api.post(`/customers/${small}/orders`, order(FIXTURE_OFFER.o365E1, 3), { headers });
    expect(retry.status).toBe(201);
    expect(retry.json.id).toBe(first.json.id);
    expect(sim.state.customers[0]?.orders.filter((o) => o.resource.status === 'pending')).toHaveLength(1);
    expect(sim.log.at(-1)?.replayed).toBe(true);
  });
});

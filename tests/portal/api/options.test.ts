// Switches the fault-safety tests use: offers hidden from the catalog, what the request log keeps of
// each write (its body, whether it took effect, the state it found), and a slow Manage licenses save.
import { describe, expect, it } from 'vitest';
import { handleBff, type LicenseUpdatesResponse } from './bff';
import { SimulatedPartnerCenter } from './handler';
import { ADDED_OFFER, FIXTURE_OFFER } from './offers';
import { scenarioCustomerId, scenarioSubscriptionId } from './scenarios';
import { KAIZALA_PRO_SKU_ID, SKU } from './skus';
import { client, errorSchema, manualClock } from './testing';

const small = scenarioCustomerId('small-business-kaizala');
const retiring = scenarioSubscriptionId('small-business-kaizala', 'retiring');

const order = (offerId: string, quantity: number) => ({
  referenceCustomerId: small,
  lineItems: [{ lineItemNumber: 0, offerId, quantity }],
});

describe('hiddenOffers', () => {
  it('leaves them out of GET /offers (ids in any case); the offer still answers and stays unbuyable', async () => {
    const hiddenOffers = [ADDED_OFFER.kaizalaPro.toLowerCase()];
    const api = client(new SimulatedPartnerCenter({ scenario: 'small-business-kaizala', hiddenOffers }));
    const shown = client(new SimulatedPartnerCenter({ scenario: 'small-business-kaizala' }));
    const ids = async (c: typeof api) =>
      ((await c.get('/offers?country=US')).json.items as Array<{ id: string }>).map((o) => o.id);
    const all = await ids(shown);
    const listed = await ids(api);
    expect(all).toContain(ADDED_OFFER.kaizalaPro);
    expect(listed).toEqual(all.filter((id) => id !== ADDED_OFFER.kaizalaPro));
    const korea = (await api.get('/offers?country=KR')).json;
    expect(korea.totalCount).toBe(listed.length);
    expect(korea.links.self.uri).toBe('/offers?country=KR');

    expect((await api.get(`/offers/${ADDED_OFFER.kaizalaPro}?country=US`)).status).toBe(200);
    const bought = await api.post(`/customers/${small}/orders`, order(ADDED_OFFER.kaizalaPro, 5));
    expect(bought.status).toBe(403);
    expect(errorSchema.parse(bought.json).code).toBe(2091);
  });
});

describe('request log of writes', () => {
  it('keeps the body of a write and marks it committed when it took effect', async () => {
    const sim = new SimulatedPartnerCenter({ scenario: 'small-business-kaizala', provisioningDelayMs: 0 });
    const api = client(sim);
    const body = order(FIXTURE_OFFER.businessEssentials, 25);
    await api.get(`/customers/${small}/subscriptions`);
    await api.post(`/customers/${small}/orders`, body, { headers: { 'MS-RequestId': 'retry-me' } });
    await api.post(`/customers/${small}/orders`, body, { headers: { 'MS-RequestId': 'retry-me' } });
    await api.post(`/customers/${small}/orders`, order(FIXTURE_OFFER.businessEssentials, 500));
    const [read, first, replay, refused] = sim.log;
    expect(read).not.toHaveProperty('committed');
    expect(read).not.toHaveProperty('body');
    expect(first).toMatchObject({ method: 'POST', status: 201, committed: true, body });
    // A replay changed nothing, and a refusal neither.
    expect(replay).toMatchObject({ status: 201, replayed: true, body });
    expect(replay).not.toHaveProperty('committed');
    expect(refused).toMatchObject({ status: 400 });
    expect(refused).not.toHaveProperty('committed');
  });

  it('tells a 5xx after the change (committed) from a 5xx before it (not)', async () => {
    const sim = new SimulatedPartnerCenter({
      scenario: 'small-business-kaizala',
      faults: {
        serverError: [
          { match: { method: 'POST', path: '/customers/*/orders' }, count: 1 },
          { match: { method: 'PATCH' }, count: 1, afterCommit: true, status: 503 },
        ],
      },
    });
    const api = client(sim);
    await api.post(`/customers/${small}/orders`, order(FIXTURE_OFFER.businessEssentials, 25));
    const sub = (await api.get(`/customers/${small}/subscriptions/${retiring}`)).json;
    const patched = await api.patch(
      `/customers/${small}/subscriptions/${retiring}`,
      { ...sub, status: 'suspended' },
      { headers: { 'If-Match': sub.attributes.etag } },
    );
    expect(patched.status).toBe(503);
    const [before, , after] = sim.log;
    expect(before).toMatchObject({ status: 500, fault: 'server-error' });
    expect(before).not.toHaveProperty('committed');
    // The suspension happened although the answer was 503; 25 users still held Kaizala Pro then.
    expect(after).toMatchObject({ method: 'PATCH', status: 503, committed: true, skuHolders: 25 });
    expect(sim.customer(small)?.subscriptions.find((s) => s.resource.id === retiring)?.resource.status).toBe(
      'suspended',
    );
  });

  it('keeps what a user held before a license update', async () => {
    const sim = new SimulatedPartnerCenter({ scenario: 'small-business-kaizala' });
    const api = client(sim);
    const user = sim.customer(small)?.users[0]?.resource.id ?? '';
    const update = { licensesToAssign: [], licensesToRemove: [KAIZALA_PRO_SKU_ID] };
    expect((await api.post(`/customers/${small}/users/${user}/licenseupdates`, update)).status).toBe(201);
    expect((await api.post(`/customers/${small}/users/${user}/licenseupdates`, update)).status).toBe(400);
    const [removed, again] = sim.log;
    expect(removed).toMatchObject({ committed: true, body: update });
    expect(removed?.heldBefore?.sort()).toEqual([KAIZALA_PRO_SKU_ID, SKU.exchangePlan1].sort());
    expect(again?.heldBefore).toEqual([SKU.exchangePlan1]);
    expect(again).not.toHaveProperty('committed');
  });
});

describe('a slow Manage licenses save (saveDelayMs)', () => {
  it('applies the changes only at the end of the wait', async () => {
    const clock = manualClock();
    const sim = new SimulatedPartnerCenter({ scenario: 'small-business-kaizala', clock: clock.now });
    const user = sim.customer(small)?.users[0];
    const saving = handleBff(
      sim,
      {
        method: 'POST',
        pathname: `/_sim/bff/customers/${small}/users/licenseupdates`,
        headers: { Authorization: `Bearer ${sim.token}`, 'MS-RequestId': 'page-save' },
        body: JSON.stringify({
          updates: [{ userId: user?.resource.id, licensesToAssign: [], licensesToRemove: [KAIZALA_PRO_SKU_ID] }],
        }),
      },
      { saveDelayMs: 150 },
    );
    await new Promise((resolve) => setTimeout(resolve, 75));
    expect(sim.log).toHaveLength(0);
    expect(user?.licenses.map((l) => l.skuId)).toContain(KAIZALA_PRO_SKU_ID);
    const answer = JSON.parse((await saving).body) as LicenseUpdatesResponse;
    expect(answer.results.map((r) => r.status)).toEqual([201]);
    expect(user?.licenses.map((l) => l.skuId)).not.toContain(KAIZALA_PRO_SKU_ID);
  });
});

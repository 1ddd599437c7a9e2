// The portal's backend-for-frontend: one request per page for the users' names and licenses and for
// Save, answered per user in the page's order, with every underlying call made through the simulated
// API (its log, its role check, its faults) with the page's own token.
import { describe, expect, it } from 'vitest';
import {
  handleBff,
  type LicenseUpdatesRequest,
  type LicenseUpdatesResponse,
  type UserLicensesResponse,
} from './bff';
import { SimulatedPartnerCenter } from './handler';
import { FIXTURE_OFFER } from './offers';
import { scenarioCustomerId } from './scenarios';
import { KAIZALA_PRO_SKU_ID, SKU } from './skus';
import { client, errorSchema, licenseSchema, licenseUpdateSchema } from './testing';

const CUSTOMER = scenarioCustomerId('small-business-kaizala');
const REQUEST_ID = '0f5c2b8e-5d1a-4c3e-9f7a-2b6d8e4a1c90';
const CORRELATION_ID = '7a1e9c44-3b2f-4d8a-a6e5-c0d1f2e3b4a5';

function setup(role: 'admin-agent' | 'sales-agent' = 'admin-agent') {
  const sim = new SimulatedPartnerCenter({ scenario: 'small-business-kaizala', role, provisioningDelayMs: 0 });
  const ids = () => (sim.customer(CUSTOMER)?.users ?? []).map((u) => u.resource.id);
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    handleBff(sim, {
      method: 'POST',
      pathname: `/_sim/bff/customers/${CUSTOMER}${path}`,
      headers: {
        Authorization: `Bearer ${sim.token}`,
        'MS-RequestId': REQUEST_ID,
        'MS-CorrelationId': CORRELATION_ID,
        'Content-Type': 'application/json',
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const read = async (body: unknown, headers?: Record<string, string>) => {
    const response = await post('/users/licenses', body, headers);
    expect(response.status).toBe(200);
    return JSON.parse(response.body) as UserLicensesResponse;
  };
  const save = async (body: LicenseUpdatesRequest) => {
    const response = await post('/users/licenseupdates', body);
    expect(response.status).toBe(200);
    return JSON.parse(response.body) as LicenseUpdatesResponse;
  };
  return { sim, ids, post, read, save };
}

const swap = (userId: string): LicenseUpdatesRequest['updates'][number] => ({
  userId,
  licensesToAssign: [{ skuId: SKU.businessBasic, excludedPlans: null }],
  licensesToRemove: [],
});

describe('POST /_sim/bff/customers/{tenant}/users/licenses', () => {
  it('answers each user’s name and licenses in the order asked, one API read of each per user', async () => {
    const t = setup();
    const [a, b, c] = t.ids();
    const answer = await t.read({ userIds: [c, 'no-such-user', a, b] });
    const users = t.sim.customer(CUSTOMER)?.users ?? [];
    const names = users.map((u) => u.resource.displayName);
    expect(answer.users.map((u) => u.userId)).toEqual([c, 'no-such-user', a, b]);
    expect(answer.users.map((u) => u.displayName)).toEqual([names[2], null, names[0], names[1]]);
    for (const user of [answer.users[0], answer.users[2], answer.users[3]]) {
      expect(user?.error).toBeNull();
      const held = users.find((u) => u.resource.id === user?.userId)?.licenses.map((l) => l.skuId);
      expect(user?.licenses?.map((l) => licenseSchema.parse(l).productSku.id)).toEqual(held);
      expect(held).toContain(KAIZALA_PRO_SKU_ID);
    }
    // An unknown user is that user's failure, with the API's own code; the others are unaffected.
    expect(answer.users[1]).toMatchObject({ licenses: null, error: { status: 404, code: 1000 } });

    const reads = t.sim.log.filter((e) => e.method === 'GET');
    expect(reads).toHaveLength(8);
    expect(reads.filter((e) => e.path.endsWith('/licenses'))).toHaveLength(4);
    // Each call has its own request id, derived from the page's; none is the page's own.
    const requestIds = new Set(reads.map((e) => e.requestId));
    expect(requestIds.size).toBe(8);
    expect(requestIds.has(REQUEST_ID)).toBe(false);
  });

  it('reads only the licenses when the page already has the names', async () => {
    const t = setup();
    const answer = await t.read({ userIds: t.ids().slice(0, 3), displayNames: false });
    expect(answer.users.map((u) => u.displayName)).toEqual([null, null, null]);
    expect(answer.users.every((u) => u.error === null && (u.licenses?.length ?? 0) > 0)).toBe(true);
    expect(t.sim.log.map((e) => e.path.split('/').at(-1))).toEqual(['licenses', 'licenses', 'licenses']);
  });

  it('passes the page’s token on: without it every user is refused (401), and faults apply per call', async () => {
    const t = setup();
    const ids = t.ids().slice(0, 2);
    const anonymous = await t.read({ userIds: ids }, { Authorization: '' });
    expect(anonymous.users.map((u) => u.error?.status)).toEqual([401, 401]);
    expect(t.sim.log.every((e) => e.status === 401)).toBe(true);

    t.sim.setFaults({
      throttle: [{ match: { path: '/customers/*/users/*/licenses' }, count: 1, retryAfterSeconds: 3 }],
    });
    const throttled = await t.read({ userIds: ids });
    expect(throttled.users[0]?.error).toEqual({
      status: 429,
      code: null,
      description: 'Rate limit is exceeded. Try again in 3 seconds.',
    });
    expect(throttled.users[1]?.error).toBeNull();
    expect(t.sim.log.filter((e) => e.fault === 'throttle')).toHaveLength(1);
  });

  it('rejects a malformed body with 400 and other methods with 405', async () => {
    const t = setup();
    for (const body of ['not json', '', '[]', { userIds: 'a,b' }, { userIds: [1] }, { userIds: [''] }, { ids: [] }]) {
      const response = await t.post('/users/licenses', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(JSON.parse(response.body).description).toMatch(/request body is not valid/);
    }
    const get = await handleBff(t.sim, {
      method: 'GET',
      pathname: `/_sim/bff/customers/${CUSTOMER}/users/licenses`,
      headers: {},
      body: null,
    });
    expect(get.status).toBe(405);
    expect(get.headers.Allow).toBe('POST');
    expect((await t.post('/users/nothing', { userIds: [] })).status).toBe(404);
    expect(t.sim.log).toHaveLength(0);
  });
});

describe('POST /_sim/bff/customers/{tenant}/users/licenseupdates', () => {
  it('applies each user’s update in order and answers per user, out of seats (60012) included', async () => {
    const t = setup();
    const api = client(t.sim);
    const lineItems = [{ offerId: FIXTURE_OFFER.businessEssentials, quantity: 3 }];
    await api.post(`/customers/${CUSTOMER}/orders`, { lineItems });
    await api.get(`/customers/${CUSTOMER}/orders`); // provisioning happens on the next read (delay 0)
    const five = t.ids().slice(0, 5);
    const moves = five.map((userId) => ({ ...swap(userId), licensesToRemove: [KAIZALA_PRO_SKU_ID] }));
    const before = t.sim.log.length;

    const { results } = await t.save({ updates: moves });
    expect(results.map((r) => r.userId)).toEqual(five);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 400, 400]);
    for (const ok of results.slice(0, 3)) {
      expect(ok.error).toBeNull();
      expect(licenseUpdateSchema.parse(ok.body)).toMatchObject({
        licensesToAssign: [{ skuId: SKU.businessBasic }],
        licensesToRemove: [KAIZALA_PRO_SKU_ID],
      });
    }
    for (const refused of results.slice(3)) {
      expect(errorSchema.parse(refused.body).code).toBe(60012);
      expect(refused.error).toMatchObject({ status: 400, code: 60012 });
    }
    // One licenseupdates call per user, the removal and the assignment together.
    const calls = t.sim.log.slice(before);
    expect(calls.map((e) => `${e.method} ${e.path.split('/')[4]} ${e.status}`)).toEqual(
      five.map((id, i) => `POST ${id} ${i < 3 ? 201 : 400}`),
    );
    const users = t.sim.customer(CUSTOMER)?.users ?? [];
    const held = (id: string) => users.find((u) => u.resource.id === id)?.licenses.map((l) => l.skuId.toLowerCase());
    expect(held(five[0] ?? '')).toContain(SKU.businessBasic);
    expect(held(five[0] ?? '')).not.toContain(KAIZALA_PRO_SKU_ID);
    expect(held(five[4] ?? '')).not.toContain(SKU.businessBasic);
    expect(held(five[4] ?? '')).toContain(KAIZALA_PRO_SKU_ID);
  });

  it('gives a Sales agent a 403 (900309) for each user and changes nothing', async () => {
    const t = setup('sales-agent');
    const two = t.ids().slice(0, 2);
    const before = await t.read({ userIds: two });
    const { results } = await t.save({
      updates: two.map((userId) => ({ userId, licensesToAssign: [], licensesToRemove: [KAIZALA_PRO_SKU_ID] })),
    });
    expect(results.map((r) => [r.userId, r.status, r.error?.code])).toEqual(two.map((id) => [id, 403, 900309]));
    expect(errorSchema.parse(results[0]?.body).code).toBe(900309);
    expect(await t.read({ userIds: two })).toEqual(before);
  });

  it('replays a repeated save (same MS-RequestId) instead of applying it twice', async () => {
    const t = setup();
    const [one] = t.ids();
    const body = { updates: [{ userId: one ?? '', licensesToAssign: [], licensesToRemove: [KAIZALA_PRO_SKU_ID] }] };
    expect((await t.save(body)).results[0]?.status).toBe(201);
    // Without the replay the second removal would fail: the user no longer holds the license.
    expect((await t.save(body)).results[0]?.status).toBe(201);
    expect(t.sim.log.at(-1)?.replayed).toBe(true);
  });

  it('rejects a malformed body with 400 and calls nothing', async () => {
    const t = setup();
    const [one] = t.ids();
    for (const body of [
      '{"updates": [',
      {},
      { updates: {} },
      { updates: [{ licensesToAssign: [], licensesToRemove: [] }] },
      { updates: [{ userId: one, licensesToAssign: 'x', licensesToRemove: [] }] },
      { updates: [{ userId: one, licensesToAssign: [] }] },
      { updates: [], extra: true },
    ]) {
      const response = await t.post('/users/licenseupdates', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect(t.sim.log).toHaveLength(0);
  });
});

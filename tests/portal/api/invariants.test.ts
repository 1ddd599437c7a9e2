// The migration invariants, driven through the simulated API as a run would: clean runs (a swap, a
// covered customer's clean-up, E5 holders left alone, a pooled SKU) show nothing, and each way of
// losing money or licenses is named.
import { describe, expect, it } from 'vitest';
import { type SimulatedPartnerCenterOptions, SimulatedPartnerCenter } from './handler';
import { type Expectation, invariantViolations } from './invariants';
import { FIXTURE_OFFER } from './offers';
import { scenarioCustomerId, scenarioSubscriptionId, type SingleCustomerScenario } from './scenarios';
import { KAIZALA_PRO_SKU_ID, SKU } from './skus';
import { client } from './testing';
import type { UserRecord } from './types';

type Options = Partial<SimulatedPartnerCenterOptions>;

function start(scenario: SingleCustomerScenario | 'demo', tenantOf: SingleCustomerScenario, options: Options = {}) {
  const sim = new SimulatedPartnerCenter({ scenario, provisioningDelayMs: 0, ...options });
  const api = client(sim);
  const tenant = scenarioCustomerId(tenantOf);
  const base = `/customers/${tenant}`;
  const retiring = scenarioSubscriptionId(tenantOf, 'retiring');
  return {
    sim,
    tenant,
    retiring,
    users: (): UserRecord[] => sim.customer(tenant)?.users ?? [],
    holders: (sku: string) =>
      (sim.customer(tenant)?.users ?? []).filter((u) => u.licenses.some((l) => l.skuId === sku)),
    buy: (lines: Array<[string, number]>, requestId?: string) => {
      const lineItems = lines.map(([offerId, quantity], i) => ({ lineItemNumber: i, offerId, quantity }));
      const headers: Record<string, string> = requestId ? { 'MS-RequestId': requestId } : {};
      return api.post(`${base}/orders`, { referenceCustomerId: tenant, lineItems }, { headers });
    },
    update: (user: UserRecord, assign: string[], remove: string[], customer = base) =>
      api.post(`${customer}/users/${user.resource.id}/licenseupdates`, {
        licensesToAssign: assign.map((skuId) => ({ skuId, excludedPlans: null })),
        licensesToRemove: remove,
      }),
    suspend: async () => {
      const sub = (await api.get(`${base}/subscriptions/${retiring}`)).json;
      const headers = { 'If-Match': sub.attributes.etag };
      return api.patch(`${base}/subscriptions/${retiring}`, { ...sub, status: 'suspended' }, { headers });
    },
  };
}

type Run = ReturnType<typeof start>;

/** Buys `quantity` of the offer, swaps `count` holders of the retiring SKU onto `newSku`, suspends. */
async function migrate(run: Run, offer: string, quantity: number, newSku: string, count = quantity): Promise<void> {
  expect((await run.buy([[offer, quantity]])).status).toBe(201);
  for (const user of run.holders(KAIZALA_PRO_SKU_ID).slice(0, count)) {
    expect((await run.update(user, [newSku], [KAIZALA_PRO_SKU_ID])).status).toBe(201);
  }
  expect((await run.suspend()).status).toBe(200);
}

const small = (run: Run, extra: Partial<Expectation> = {}): Expectation => ({
  tenantId: run.tenant,
  retiringSubscriptionId: run.retiring,
  retiringSkuId: KAIZALA_PRO_SKU_ID,
  replacementOfferId: FIXTURE_OFFER.businessEssentials,
  quantity: 25,
  complete: true,
  ...extra,
});

describe('clean runs', () => {
  it('small business: one order, 25 swaps in one request each, then the suspension', async () => {
    const run = start('small-business-kaizala', 'small-business-kaizala');
    expect(invariantViolations(run.sim, small(run, { complete: false }))).toEqual([]);
    expect(invariantViolations(run.sim, small(run))).toHaveLength(2);
    await migrate(run, FIXTURE_OFFER.businessEssentials, 25, SKU.businessBasic);
    // Ids in any case.
    const anyCase = small(run, { replacementOfferId: FIXTURE_OFFER.businessEssentials.toLowerCase() });
    expect(invariantViolations(run.sim, anyCase)).toEqual([]);
  });

  it('covered by Office 365 E3: nothing bought, Kaizala Pro removed alone (E3 carries Kaizala)', async () => {
    const run = start('covered-by-o365-e3', 'covered-by-o365-e3');
    for (const user of run.holders(KAIZALA_PRO_SKU_ID)) {
      expect((await run.update(user, [], [KAIZALA_PRO_SKU_ID])).status).toBe(201);
    }
    await run.suspend();
    const { replacementOfferId: _none, quantity: _q, ...expected } = small(run);
    expect(invariantViolations(run.sim, expected)).toEqual([]);
  });

  it('Kaizala with E5: only the 25 Kaizala Pro holders move; the 40 E5 holders keep E5', async () => {
    const run = start('kaizala-with-e5', 'kaizala-with-e5');
    await migrate(run, FIXTURE_OFFER.businessEssentials, 25, SKU.businessBasic);
    expect(run.holders(SKU.o365E5)).toHaveLength(40);
    expect(invariantViolations(run.sim, small(run))).toEqual([]);
  });

  it('pooled SKU: 7 of 22 holders move, 15 seats stay', async () => {
    const run = start('dynamics-shared-sku', 'dynamics-shared-sku');
    expect((await run.buy([[FIXTURE_OFFER.salesProfessional, 7]])).status).toBe(201);
    for (const user of run.holders(SKU.salesEnterprise).slice(0, 7)) {
      expect((await run.update(user, [SKU.salesProfessional], [SKU.salesEnterprise])).status).toBe(201);
    }
    await run.suspend();
    const expected = {
      ...small(run, { retiringSkuId: SKU.salesEnterprise, replacementOfferId: FIXTURE_OFFER.salesProfessional }),
      quantity: 7,
      pooledStayingSeats: 15,
    };
    expect(invariantViolations(run.sim, expected)).toEqual([]);
  });
});

describe('violations', () => {
  it('a second order of the replacement (a 5xx after the first one took effect); a replay is not one', async () => {
    const run = start('small-business-kaizala', 'small-business-kaizala', {
      faults: {
        serverError: [{ match: { method: 'POST', path: '/customers/*/orders' }, count: 1, afterCommit: true }],
      },
    });
    expect((await run.buy([[FIXTURE_OFFER.businessEssentials, 25]], 'first')).status).toBe(500);
    expect((await run.buy([[FIXTURE_OFFER.businessEssentials, 25]], 'first')).status).toBe(201);
    expect(invariantViolations(run.sim, small(run, { complete: false }))).toEqual([]);
    expect((await run.buy([[FIXTURE_OFFER.businessEssentials, 25]], 'second')).status).toBe(201);
    expect(invariantViolations(run.sim, small(run, { complete: false }))).toEqual([
      `The replacement ${FIXTURE_OFFER.businessEssentials} was bought 2 times; once is enough.`,
    ]);
  });

  it('an order line of another offer, a wrong quantity, or a purchase where none was expected', async () => {
    const run = start('small-business-kaizala', 'small-business-kaizala');
    await run.buy([
      [FIXTURE_OFFER.businessEssentials, 24],
      [FIXTURE_OFFER.exchangePlan1, 1],
    ]);
    const found = invariantViolations(run.sim, small(run, { complete: false }));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^The replacement was ordered with quantity 24, not 25: POST \/customers\/.*\/orders/);
    expect(found[1]).toMatch(new RegExp(`^An order bought 1 × offer ${FIXTURE_OFFER.exchangePlan1}, but only`));
    const { replacementOfferId: _none, ...nothingToBuy } = small(run, { complete: false });
    const unexpected = invariantViolations(run.sim, nothingToBuy).filter((v) => v.includes('no purchase was expected'));
    expect(unexpected).toHaveLength(2);
  });

  it('E5 taken from an E5 holder, and Kaizala Pro taken with nothing in its place', async () => {
    const run = start('kaizala-with-e5', 'kaizala-with-e5');
    const [e5Holder] = run.holders(SKU.o365E5);
    const [kaizalaHolder] = run.holders(KAIZALA_PRO_SKU_ID);
    if (!e5Holder || !kaizalaHolder) throw new Error('scenario changed');
    await run.update(e5Holder, [], [SKU.o365E5]);
    await run.update(kaizalaHolder, [], [KAIZALA_PRO_SKU_ID]);
    const found = invariantViolations(run.sim, small(run, { complete: false }));
    expect(found).toHaveLength(2);
    expect(found[0]).toContain(`${e5Holder.resource.displayName} was to lose license ${SKU.o365E5}, which is not`);
    expect(found[1]).toContain(`${kaizalaHolder.resource.displayName} was to lose the retiring SKU with nothing`);
  });

  it('pooled SKU: more holders stripped than must move', async () => {
    const run = start('dynamics-shared-sku', 'dynamics-shared-sku');
    await run.buy([[FIXTURE_OFFER.salesProfessional, 8]]);
    for (const user of run.holders(SKU.salesEnterprise).slice(0, 8)) {
      await run.update(user, [SKU.salesProfessional], [SKU.salesEnterprise]);
    }
    const expected = {
      ...small(run, { retiringSkuId: SKU.salesEnterprise, replacementOfferId: FIXTURE_OFFER.salesProfessional }),
      quantity: 8,
      complete: false,
      pooledStayingSeats: 15,
    };
    expect(invariantViolations(run.sim, expected)).toEqual([
      '8 users lost the retiring SKU, but only 7 had to move (22 holders, 15 seats stay).',
    ]);
  });

  it('a suspension while users still hold the SKU, and before the last license update', async () => {
    const run = start('small-business-kaizala', 'small-business-kaizala');
    await run.buy([[FIXTURE_OFFER.businessEssentials, 25]]);
    const holders = run.holders(KAIZALA_PRO_SKU_ID);
    for (const user of holders.slice(0, 24)) await run.update(user, [SKU.businessBasic], [KAIZALA_PRO_SKU_ID]);
    await run.suspend();
    const last = holders[24];
    if (!last) throw new Error('scenario changed');
    // Seats of a suspended subscription cannot be assigned, but removing the old one still works.
    expect((await run.update(last, [SKU.businessBasic], [KAIZALA_PRO_SKU_ID])).status).toBe(201);
    const found = invariantViolations(run.sim, small(run));
    expect(found).toEqual([
      expect.stringMatching(/^The retiring subscription was suspended while 1 users still held its SKU \(0 may stay\)/),
      expect.stringMatching(/^The retiring subscription was suspended before the last license update/),
    ]);
  });

  it('a finished run that left holders and did not suspend', async () => {
    const run = start('small-business-kaizala', 'small-business-kaizala');
    await run.buy([[FIXTURE_OFFER.businessEssentials, 25]]);
    for (const user of run.holders(KAIZALA_PRO_SKU_ID).slice(0, 22)) {
      await run.update(user, [SKU.businessBasic], [KAIZALA_PRO_SKU_ID]);
    }
    const found = invariantViolations(run.sim, small(run));
    expect(found).toEqual([
      expect.stringMatching(/^3 users still hold the retiring SKU \(0 may\): /),
      `The retiring subscription ${run.retiring} is active, not suspended.`,
    ]);
  });

  it('a write to another customer', async () => {
    const run = start('demo', 'small-business-kaizala');
    const other = run.sim.customerOf('korean-customer');
    const user = other?.users[0];
    if (!other || !user) throw new Error('scenario changed');
    await run.update(user, [], [KAIZALA_PRO_SKU_ID], `/customers/${other.customer.id}`);
    const found = invariantViolations(run.sim, small(run, { complete: false }));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`A write outside customer ${run.tenant}: POST /customers/${other.customer.id}/users/`);
  });
});

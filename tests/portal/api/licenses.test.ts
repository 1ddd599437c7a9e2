// License updates: pooled seats (60012 when none are free), mutually exclusive Dynamics plans
// (900316) and the one-request swap, removal of a license the user lacks, and the Sales agent's 403.
import { describe, expect, it } from 'vitest';
import { SimulatedPartnerCenter } from './handler';
import { ADDED_OFFER, FIXTURE_OFFER } from './offers';
import { scenarioCustomerId } from './scenarios';
import { KAIZALA_PRO_SKU_ID, SKU, servicePlanId } from './skus';
import {
  client,
  collectionSchema,
  errorSchema,
  licenseSchema,
  licenseUpdateSchema,
  subscribedSkuSchema,
} from './testing';

function setup(
  scenario: Parameters<typeof scenarioCustomerId>[0],
  role: 'admin-agent' | 'sales-agent' = 'admin-agent',
) {
  const sim = new SimulatedPartnerCenter({ scenario, role, provisioningDelayMs: 0 });
  const customerId = scenarioCustomerId(scenario);
  const api = client(sim);
  const users = () => sim.customer(customerId)?.users ?? [];
  const update = (userId: string, body: unknown) =>
    api.post(`/customers/${customerId}/users/${userId}/licenseupdates`, body);
  const skus = async () =>
    collectionSchema(subscribedSkuSchema).parse((await api.get(`/customers/${customerId}/subscribedskus`)).json).items;
  const buy = (offerId: string, quantity: number) =>
    api.post(`/customers/${customerId}/orders`, { lineItems: [{ offerId, quantity }] });
  return { sim, api, customerId, users, update, skus, buy };
}

const userId = (list: ReturnType<ReturnType<typeof setup>['users']>, index: number): string => {
  const id = list[index]?.resource.id;
  if (!id) throw new Error(`no user ${index}`);
  return id;
};

describe('seats', () => {
  it('refuses to assign a SKU with no free seats (60012) and assigns once seats are bought', async () => {
    const t = setup('small-business-kaizala');
    const target = userId(t.users(), 0);
    const assignBasic = { licensesToAssign: [{ skuId: SKU.businessBasic, excludedPlans: null }], licensesToRemove: [] };
    const none = await t.update(target, assignBasic);
    expect(none.status).toBe(400);
    expect(errorSchema.parse(none.json).code).toBe(60012);

    await t.buy(FIXTURE_OFFER.businessEssentials, 1);
    await t.api.get(`/customers/${t.customerId}/orders`); // provisioning happens on the next read (delay 0)
    const ok = await t.update(target, assignBasic);
    expect(ok.status).toBe(201);
    expect(licenseUpdateSchema.parse(ok.json).licensesToAssign[0]?.skuId).toBe(SKU.businessBasic);

    // The one seat is now used: a second user is refused.
    const second = await t.update(userId(t.users(), 1), assignBasic);
    expect(second.json.code).toBe(60012);
    const basic = (await t.skus()).find((s) => s.productSku.id === SKU.businessBasic);
    expect(basic).toMatchObject({ totalUnits: 1, consumedUnits: 1, availableUnits: 0 });
  });

  it('pools seats of one SKU across subscriptions of different offers', async () => {
    const t = setup('dynamics-shared-sku');
    const sales = (await t.skus()).find((s) => s.productSku.id === SKU.salesEnterprise);
    // 10 retiring + 15 staying seats, 22 assigned.
    expect(sales).toMatchObject({ totalUnits: 25, consumedUnits: 22, availableUnits: 3 });
    const free = t.users().filter((u) => u.licenses.length === 0);
    expect(free).toHaveLength(3);
    for (const u of free) {
      expect(
        (await t.update(u.resource.id, { licensesToAssign: [{ skuId: SKU.salesEnterprise.toUpperCase() }] })).status,
      ).toBe(201);
    }
    expect((await t.skus()).find((s) => s.productSku.id === SKU.salesEnterprise)?.availableUnits).toBe(0);
  });

  it('counts no seats of a suspended subscription as assignable', async () => {
    const t = setup('small-business-kaizala');
    const sid = t.sim
      .customer(t.customerId)
      ?.subscriptions.find(
        (s) => s.resource.offerId === ADDED_OFFER.kaizalaPro && s.resource.status === 'active',
      )?.resource;
    if (!sid) throw new Error('no Kaizala subscription');
    const current = (await t.api.get(`/customers/${t.customerId}/subscriptions/${sid.id}`)).json;
    await t.api.patch(
      `/customers/${t.customerId}/subscriptions/${sid.id}`,
      { ...current, status: 'suspended' },
      { headers: { 'If-Match': current.attributes.etag } },
    );
    const kaizala = (await t.skus()).find((s) => s.productSku.id === KAIZALA_PRO_SKU_ID);
    expect(kaizala).toMatchObject({
      totalUnits: 0,
      suspendedUnits: 25,
      consumedUnits: 25,
      availableUnits: 0,
      capabilityStatus: 'Suspended',
    });
  });
});

describe('mutually exclusive Dynamics plans', () => {
  it('refuses adding Sales Professional while the user keeps Sales Enterprise (900316), and changes nothing', async () => {
    const t = setup('dynamics-sales-crmol-basic');
    await t.buy(FIXTURE_OFFER.salesProfessional, 18);
    await t.api.get(`/customers/${t.customerId}`);
    const target = userId(t.users(), 0);
    const before = JSON.stringify(t.users()[0]?.licenses);
    const res = await t.update(target, {
      licensesToAssign: [{ skuId: SKU.salesProfessional, excludedPlans: null }],
      licensesToRemove: [],
    });
    expect(res.status).toBe(400);
    const error = errorSchema.parse(res.json);
    expect(error.code).toBe(900316);
    expect(error.description).toMatch(/DYN365_ENTERPRISE_SALES/);
    expect(error.description).toMatch(/D365_SALES_PRO/);
    expect(JSON.stringify(t.users()[0]?.licenses)).toBe(before);
  });

  it('swaps in one request: remove the old SKU and assign the new one together', async () => {
    const t = setup('dynamics-sales-crmol-basic');
    await t.buy(FIXTURE_OFFER.salesProfessional, 18);
    await t.api.get(`/customers/${t.customerId}`);
    const target = userId(t.users(), 0);
    const res = await t.update(target, {
      licensesToAssign: [{ skuId: SKU.salesProfessional, excludedPlans: null }],
      licensesToRemove: [SKU.salesEnterprise],
    });
    expect(res.status).toBe(201);
    expect(licenseUpdateSchema.parse(res.json).licensesToRemove).toEqual([SKU.salesEnterprise]);
    const licenses = collectionSchema(licenseSchema).parse(
      (await t.api.get(`/customers/${t.customerId}/users/${target}/licenses`)).json,
    );
    expect(licenses.items.map((l) => l.productSku.skuPartNumber).sort()).toEqual(['D365_SALES_PRO', 'ENTERPRISEPACK']);
    const skus = await t.skus();
    expect(skus.find((s) => s.productSku.id === SKU.salesEnterprise)).toMatchObject({
      consumedUnits: 17,
      availableUnits: 3,
    });
    expect(skus.find((s) => s.productSku.id === SKU.salesProfessional)).toMatchObject({
      consumedUnits: 1,
      availableUnits: 17,
    });
  });

  it('allows both when the conflicting plan is excluded, and the license shows it disabled', async () => {
    const t = setup('dynamics-sales-crmol-basic');
    await t.buy(FIXTURE_OFFER.salesProfessional, 1);
    await t.api.get(`/customers/${t.customerId}`);
    const target = userId(t.users(), 0);
    const res = await t.update(target, {
      licensesToAssign: [{ skuId: SKU.salesProfessional, excludedPlans: [servicePlanId('D365_SALES_PRO')] }],
    });
    expect(res.status).toBe(201);
    const licenses = collectionSchema(licenseSchema).parse(
      (await t.api.get(`/customers/${t.customerId}/users/${target}/licenses`)).json,
    );
    const pro = licenses.items.find((l) => l.productSku.id === SKU.salesProfessional);
    expect(pro?.servicePlans.find((p) => p.serviceName === 'D365_SALES_PRO')?.capabilityStatus).toBe('Disabled');
  });

  it('does not treat Kaizala plans as exclusive: Kaizala Pro and Office 365 E5 sit together', async () => {
    const t = setup('small-business-kaizala');
    await t.buy(FIXTURE_OFFER.o365E5, 1);
    await t.api.get(`/customers/${t.customerId}`);
    expect((await t.update(userId(t.users(), 0), { licensesToAssign: [{ skuId: SKU.o365E5 }] })).status).toBe(201);
  });
});

describe('other refusals', () => {
  it('refuses removing a license the user does not hold (60013) and malformed updates', async () => {
    const t = setup('small-business-kaizala');
    const target = userId(t.users(), 0);
    expect((await t.update(target, { licensesToRemove: [SKU.o365E3] })).json.code).toBe(60013);
    expect((await t.update(target, {})).json.code).toBe(3000);
    expect(
      (
        await t.update(target, {
          licensesToAssign: [{ skuId: KAIZALA_PRO_SKU_ID }],
          licensesToRemove: [KAIZALA_PRO_SKU_ID],
        })
      ).status,
    ).toBe(400);
    expect(
      (await t.update(target, { licensesToAssign: [{ skuId: KAIZALA_PRO_SKU_ID, excludedPlans: ['NOT_A_PLAN'] }] }))
        .json.code,
    ).toBe(3000);
    expect(
      (await t.update('00000000-0000-4000-8000-000000000000', { licensesToRemove: [KAIZALA_PRO_SKU_ID] })).status,
    ).toBe(404);
  });

  it('lets an Admin agent remove a license; the seat is freed', async () => {
    const t = setup('small-business-kaizala');
    const res = await t.update(userId(t.users(), 3), { licensesToAssign: [], licensesToRemove: [KAIZALA_PRO_SKU_ID] });
    expect(res.status).toBe(201);
    expect((await t.skus()).find((s) => s.productSku.id === KAIZALA_PRO_SKU_ID)).toMatchObject({
      consumedUnits: 24,
      availableUnits: 1,
    });
  });
});

describe('Sales agent', () => {
  it('gets 403 (900309) on license updates and changes nothing, but may buy and suspend', async () => {
    const t = setup('small-business-kaizala', 'sales-agent');
    const before = JSON.stringify(t.sim.state);
    const res = await t.update(userId(t.users(), 0), { licensesToAssign: [], licensesToRemove: [KAIZALA_PRO_SKU_ID] });
    expect(res.status).toBe(403);
    expect(errorSchema.parse(res.json).code).toBe(900309);
    expect(JSON.stringify(t.sim.state)).toBe(before);

    expect((await t.buy(FIXTURE_OFFER.businessEssentials, 25)).status).toBe(201);
    const sid = t.sim.state.customers[0]?.subscriptions[0]?.resource.id;
    const sub = (await t.api.get(`/customers/${t.customerId}/subscriptions/${sid}`)).json;
    const suspended = await t.api.patch(
      `/customers/${t.customerId}/subscriptions/${sid}`,
      { ...sub, status: 'suspended' },
      {
        headers: { 'If-Match': sub.attributes.etag },
      },
    );
    expect(suspended.status).toBe(200);

    // Switching the role (e.g. an Admin agent finishing the job) lifts the refusal.
    t.sim.setRole('admin-agent');
    expect((await t.update(userId(t.users(), 0), { licensesToRemove: [KAIZALA_PRO_SKU_ID] })).status).toBe(201);
  });
});

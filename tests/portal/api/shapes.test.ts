// Every endpoint of the contract's table answers with the contract's shapes (validated with zod).
import { describe, expect, it } from 'vitest';
import { SimulatedPartnerCenter } from './handler';
import { ADDED_OFFER, ADDED_OFFERS, FIXTURE_OFFER, fixtureCollection } from './offers';
import { scenarioCustomerId, scenarioSubscriptionId } from './scenarios';
import {
  client,
  collectionSchema,
  customerSchema,
  errorSchema,
  licenseSchema,
  offerSchema,
  orderSchema,
  qualificationSchema,
  subscribedSkuSchema,
  subscriptionSchema,
  userSchema,
} from './testing';

const sim = new SimulatedPartnerCenter({ scenario: 'demo', provisioningDelayMs: 0 });
const api = client(sim);
const small = scenarioCustomerId('small-business-kaizala');

describe('resource shapes', () => {
  it('lists customers as a Collection of Customer', async () => {
    const res = await api.get('/customers?size=300');
    expect(res.status).toBe(200);
    const body = collectionSchema(customerSchema).parse(res.json);
    expect(body.items).toHaveLength(15);
    expect(body.links.self.uri).toBe('/customers?size=300');
    expect(body.links.next).toBeUndefined();
    for (const c of body.items) expect(c.companyProfile.tenantId).toBe(c.id);
  });

  it('serves one customer, its qualifications and subscriptions', async () => {
    expect(customerSchema.parse((await api.get(`/customers/${small}`)).json).companyProfile.companyName).toBe(
      'Alpine Ski House',
    );
    const edu = scenarioCustomerId('education-kaizala');
    const quals = qualificationSchema.array().parse((await api.get(`/customers/${edu}/qualifications`)).json);
    expect(quals).toEqual([{ qualification: 'Education', vettingStatus: 'Approved' }]);
    const subs = collectionSchema(subscriptionSchema).parse((await api.get(`/customers/${small}/subscriptions`)).json);
    expect(subs.totalCount).toBe(subs.items.length);
    expect(subs.items.map((s) => s.offerName)).toContain('Kaizala Pro');
  });

  it('serves a subscription with its etag in the body and the ETag header', async () => {
    const sid = scenarioSubscriptionId('small-business-kaizala', 'retiring');
    const res = await api.get(`/customers/${small}/subscriptions/${sid}`);
    const sub = subscriptionSchema.parse(res.json);
    expect(res.headers.ETag).toBe(sub.attributes.etag);
    expect(sub).toMatchObject({ id: sid, offerId: ADDED_OFFER.kaizalaPro, quantity: 25, autoRenewEnabled: false });
  });

  it('serves the recorded offers unchanged, then the added ones', async () => {
    const res = await api.get('/offers?country=US');
    const body = collectionSchema(offerSchema).parse(res.json);
    const fixture = fixtureCollection();
    expect(fixture.items).toHaveLength(274);
    // Compare the raw JSON: zod strips keys it does not name.
    expect(res.json.items.slice(0, 274)).toEqual(fixture.items);
    expect(body.items.slice(274).map((o) => o.id)).toEqual(ADDED_OFFERS.map((o) => o.id));
    expect(body.links.self.uri).toBe('/offers?country=US');
    // Same keys in the same order as the recording: the added offers are indistinguishable in shape.
    const recordedKeys = Object.keys(fixture.items[0] ?? {});
    for (const o of ADDED_OFFERS) expect(Object.keys(o)).toEqual(recordedKeys);
  });

  it('serves a single offer and needs a country', async () => {
    const res = await api.get(`/offers/${FIXTURE_OFFER.salesProfessional.toLowerCase()}?country=US`);
    expect(offerSchema.parse(res.json).product.id).toBe('BE9F9771-1C64-4618-9907-244325141096');
    const missing = await api.get('/offers');
    expect(missing.status).toBe(400);
    expect(errorSchema.parse(missing.json).code).toBe(400056);
  });

  it('writes SKU ids upper case in offers and lower case in licenses and subscribed SKUs', async () => {
    const offer = offerSchema.parse((await api.get(`/offers/${ADDED_OFFER.kaizalaPro}?country=US`)).json);
    expect(offer.product.id).toBe(offer.product.id.toUpperCase());
    const skus = collectionSchema(subscribedSkuSchema).parse(
      (await api.get(`/customers/${small}/subscribedskus`)).json,
    );
    const kaizala = skus.items.find((s) => s.productSku.id === offer.product.id.toLowerCase());
    expect(kaizala).toMatchObject({ totalUnits: 25, consumedUnits: 25, availableUnits: 0 });
    expect(kaizala?.servicePlans.map((p) => p.serviceName)).toEqual(['KAIZALA_STANDALONE']);
  });

  it('serves users, one user, and a user’s licenses', async () => {
    const users = collectionSchema(userSchema).parse((await api.get(`/customers/${small}/users?size=50`)).json);
    expect(users.items).toHaveLength(25);
    const first = users.items[0];
    if (!first) throw new Error('no user');
    expect(userSchema.parse((await api.get(`/customers/${small}/users/${first.id}`)).json).id).toBe(first.id);
    const licenses = collectionSchema(licenseSchema).parse(
      (await api.get(`/customers/${small}/users/${first.id}/licenses`)).json,
    );
    expect(licenses.items.map((l) => l.productSku.skuPartNumber).sort()).toEqual(['EXCHANGESTANDARD', 'KAIZALA_PRO']);
  });

  it('answers POST /orders with 201 and serves the order', async () => {
    const created = await api.post(`/customers/${small}/orders`, {
      referenceCustomerId: small,
      billingCycle: 'monthly',
      lineItems: [{ lineItemNumber: 0, offerId: FIXTURE_OFFER.businessEssentials, quantity: 25 }],
    });
    expect(created.status).toBe(201);
    const order = orderSchema.parse(created.json);
    expect(order.lineItems[0]?.subscriptionId).toBeUndefined();
    expect(orderSchema.parse((await api.get(`/customers/${small}/orders/${order.id}`)).json).id).toBe(order.id);
    const list = collectionSchema(orderSchema).parse((await api.get(`/customers/${small}/orders`)).json);
    expect(list.items.map((o) => o.id)).toContain(order.id);
  });

  it('answers errors with {code, description, data, source}', async () => {
    const unknownCustomer = await api.get('/customers/00000000-0000-4000-8000-000000000000');
    expect(unknownCustomer.status).toBe(404);
    expect(errorSchema.parse(unknownCustomer.json).code).toBe(1000);
    const unknownPath = await api.get('/nothing-here');
    expect(unknownPath.status).toBe(404);
    const wrongMethod = await api.call('DELETE', `/customers/${small}`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.Allow).toBe('GET');
    const badJson = await api.post(`/customers/${small}/orders`, '{not json');
    expect(badJson.status).toBe(400);
    expect(errorSchema.parse(badJson.json).code).toBe(400056);
  });

  it('returns JSON with MS-RequestId, echoing the client’s ids', async () => {
    const res = await api.get('/customers', {
      headers: { 'MS-RequestId': 'b4f0b5a4-3c62-4a8e-9c38-2d8b1f6b1e11', 'MS-CorrelationId': 'corr-1' },
    });
    expect(res.headers['Content-Type']).toMatch(/^application\/json/);
    expect(res.headers['MS-RequestId']).toBe('b4f0b5a4-3c62-4a8e-9c38-2d8b1f6b1e11');
    expect(res.headers['MS-CorrelationId']).toBe('corr-1');
    const generated = await api.get('/customers');
    expect(generated.headers['MS-RequestId']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

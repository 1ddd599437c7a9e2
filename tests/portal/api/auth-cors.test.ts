// The session token guards every endpoint; the portal's origin may call the API cross-origin.
import { describe, expect, it } from 'vitest';
import { API_BASE, CORS_ALLOWED_HEADERS, PORTAL_ORIGIN, SimulatedPartnerCenter } from './handler';
import { client, errorSchema } from './testing';

describe('authentication', () => {
  const sim = new SimulatedPartnerCenter({ scenario: 'small-business-kaizala' });
  const api = client(sim);

  it('has a JWT-shaped bearer token, the same for the same scenario', () => {
    expect(sim.token.split('.')).toHaveLength(3);
    expect(new SimulatedPartnerCenter({ scenario: 'small-business-kaizala' }).token).toBe(sim.token);
    expect(new SimulatedPartnerCenter({ scenario: 'korean-customer' }).token).not.toBe(sim.token);
  });

  it('answers 401 without the token, with another token, or with another scheme', async () => {
    const attempts = [
      await api.get('/customers', { anonymous: true }),
      await api.get('/customers', { anonymous: true, headers: { Authorization: 'Bearer not-the-token' } }),
      await api.get('/customers', { anonymous: true, headers: { Authorization: `Basic ${sim.token}` } }),
      await api.get('/offers?country=US', { anonymous: true }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(401);
      expect(errorSchema.parse(res.json).source).toBe('PartnerCenter');
      expect(res.headers['Access-Control-Allow-Origin']).toBe(PORTAL_ORIGIN);
    }
    expect(
      (await api.get('/customers', { anonymous: true, headers: { authorization: `bearer ${sim.token}` } })).status,
    ).toBe(200);
  });

  it('changes nothing on an unauthenticated write', async () => {
    const customerId = sim.state.customers[0]?.customer.id;
    const before = JSON.stringify(sim.state);
    const res = await api.post(
      `/customers/${customerId}/orders`,
      { lineItems: [{ offerId: '91FD106F-4B2C-4938-95AC-F54F74E9A239', quantity: 1 }] },
      { anonymous: true },
    );
    expect(res.status).toBe(401);
    expect(JSON.stringify(sim.state)).toBe(before);
  });
});

describe('CORS for https://partner.microsoft.com', () => {
  const sim = new SimulatedPartnerCenter({ scenario: 'small-business-kaizala' });

  it('answers preflights with 204 without needing the token', async () => {
    const res = await sim.handle({
      method: 'OPTIONS',
      url: `${API_BASE}/customers?size=300`,
      headers: {
        Origin: PORTAL_ORIGIN,
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers':
          'authorization,if-match,ms-requestid,ms-correlationid,ms-continuationtoken,content-type',
      },
      body: null,
    });
    expect(res.status).toBe(204);
    expect(res.body).toBe('');
    expect(res.headers['Access-Control-Allow-Origin']).toBe(PORTAL_ORIGIN);
    expect(res.headers['Access-Control-Allow-Methods']?.split(/,\s*/)).toEqual(['GET', 'POST', 'PATCH']);
    const allowed = res.headers['Access-Control-Allow-Headers']?.toLowerCase().split(/,\s*/) ?? [];
    for (const h of CORS_ALLOWED_HEADERS) expect(allowed).toContain(h.toLowerCase());
  });

  it('exposes ETag, Retry-After and MS-RequestId on every response', async () => {
    const api = client(sim);
    for (const res of [
      await api.get('/customers'),
      await api.get('/nope'),
      await api.get('/customers', { anonymous: true }),
    ]) {
      expect(res.headers['Access-Control-Allow-Origin']).toBe(PORTAL_ORIGIN);
      expect(res.headers['Access-Control-Expose-Headers']?.split(/,\s*/)).toEqual([
        'ETag',
        'Retry-After',
        'MS-RequestId',
      ]);
    }
  });
});

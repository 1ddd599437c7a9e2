// Seek-based paging: follow `links.next` (uri relative to /v1 + MS-ContinuationToken header).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SimulatedPartnerCenter } from './handler';
import { scenarioCustomerId } from './scenarios';
import { client, collectionSchema, errorSchema, userSchema } from './testing';

const enterprise = scenarioCustomerId('enterprise-kaizala-1200');

/** Reads every page of a collection the way a client must: by `links.next`, never by counting. */
async function readAll(api: ReturnType<typeof client>, firstPath: string) {
  const pages: Array<{ path: string; token?: string; count: number }> = [];
  const items: Array<{ id: string }> = [];
  let path: string | undefined = firstPath;
  let token: string | undefined;
  while (path) {
    const res = await api.get(path, token ? { headers: { 'MS-ContinuationToken': token } } : {});
    expect(res.status).toBe(200);
    collectionSchema(z.looseObject({ id: z.string() })).parse(res.json);
    pages.push({ path, ...(token ? { token } : {}), count: res.json.items.length });
    items.push(...res.json.items);
    const next = res.json.links.next;
    path = next?.uri;
    token = next?.headers.find((h: { key: string }) => h.key === 'MS-ContinuationToken')?.value;
    if (next) {
      expect(next.method).toBe('GET');
      expect(next.uri).toMatch(/seekOperation=Next/);
      expect(token).toBeTruthy();
    }
  }
  return { pages, items };
}

describe('paging', () => {
  it('pages 1,200 users in twelve pages of 100 with continuation tokens', async () => {
    const sim = new SimulatedPartnerCenter({ scenario: 'enterprise-kaizala-1200' });
    const api = client(sim);
    const { pages, items } = await readAll(api, `/customers/${enterprise}/users?size=100`);
    expect(pages).toHaveLength(12);
    expect(pages.every((p) => p.count === 100)).toBe(true);
    expect(items).toHaveLength(1200);
    expect(new Set(items.map((u) => u.id)).size).toBe(1200);
    // Same users, same order as the state holds them.
    expect(items.map((u) => u.id)).toEqual(sim.state.customers[0]?.users.map((u) => u.resource.id));
    // Every follow-up request went to the `next` uri with seekOperation=Next.
    const userRequests = sim.log.filter((e) => e.path.endsWith('/users'));
    expect(userRequests.slice(1).every((e) => e.query === 'size=100&seekOperation=Next')).toBe(true);
  });

  it('reports totalCount per page and ends with a page without links.next', async () => {
    const api = client(new SimulatedPartnerCenter({ scenario: 'enterprise-kaizala-1200' }));
    const first = await api.get(`/customers/${enterprise}/users?size=500`);
    const page = collectionSchema(userSchema).parse(first.json);
    expect(page.totalCount).toBe(500);
    const { pages } = await readAll(api, `/customers/${enterprise}/users?size=500`);
    expect(pages.map((p) => p.count)).toEqual([500, 500, 200]);
  });

  it('pages the 2,000 customers of a large partner (the portal asks size=300)', async () => {
    const sim = new SimulatedPartnerCenter({ scenario: 'partner-2000' });
    const { pages, items } = await readAll(client(sim), '/customers?size=300');
    expect(pages.map((p) => p.count)).toEqual([300, 300, 300, 300, 300, 300, 200]);
    expect(new Set(items.map((c) => c.id)).size).toBe(2000);
  });

  it('refuses Next without a token, with a mangled token, or with another collection’s token', async () => {
    const sim = new SimulatedPartnerCenter({ scenario: 'demo' });
    const api = client(sim);
    const first = await api.get(`/customers/${enterprise}/users?size=10`);
    const token = first.json.links.next.headers[0].value as string;

    const noToken = await api.get(`/customers/${enterprise}/users?size=10&seekOperation=Next`);
    expect(noToken.status).toBe(400);
    expect(errorSchema.parse(noToken.json).code).toBe(400056);

    const mangled = await api.get(`/customers/${enterprise}/users?seekOperation=Next`, {
      headers: { 'MS-ContinuationToken': `${token}x!` },
    });
    expect(mangled.status).toBe(400);

    const otherCollection = await api.get('/customers?seekOperation=Next', {
      headers: { 'MS-ContinuationToken': token },
    });
    expect(otherCollection.status).toBe(400);

    const otherCustomer = scenarioCustomerId('small-business-kaizala');
    const crossCustomer = await api.get(`/customers/${otherCustomer}/users?seekOperation=Next`, {
      headers: { 'MS-ContinuationToken': token },
    });
    expect(crossCustomer.status).toBe(400);

    const good = await api.get(`/customers/${enterprise}/users?seekOperation=Next`, {
      headers: { 'MS-ContinuationToken': token },
    });
    expect(good.status).toBe(200);
    expect(good.json.items[0].id).toBe(sim.customerOf('enterprise-kaizala-1200')?.users[10]?.resource.id);
  });

  it('rejects sizes outside 1..1000', async () => {
    const api = client(new SimulatedPartnerCenter({ scenario: 'small-business-kaizala' }));
    for (const size of ['0', '-5', 'abc', '1001', '2.5']) {
      const res = await api.get(`/customers?size=${size}`);
      expect(res.status, size).toBe(400);
    }
  });

  it('searches customers and users with a starts_with filter, carried across pages', async () => {
    const sim = new SimulatedPartnerCenter({ scenario: 'demo' });
    const api = client(sim);
    const filter = encodeURIComponent(
      JSON.stringify({ Field: 'CompanyName', Value: 'dynamics', Operator: 'starts_with' }),
    );
    expect((await api.get(`/customers?size=10&filter=${filter}`)).json.items).toHaveLength(0);
    const woodgrove = encodeURIComponent(
      JSON.stringify({ Field: 'CompanyName', Value: 'wood', Operator: 'starts_with' }),
    );
    const found = await api.get(`/customers?size=10&filter=${woodgrove}`);
    expect(
      found.json.items.map((c: { companyProfile: { companyName: string } }) => c.companyProfile.companyName),
    ).toEqual(['Woodgrove County Government']);

    const users = sim.customerOf('enterprise-kaizala-1200')?.users ?? [];
    const initial = users[0]?.resource.displayName.slice(0, 1) ?? 'A';
    const expected = users.filter((u) => u.resource.displayName.startsWith(initial)).map((u) => u.resource.id);
    const byName = encodeURIComponent(
      JSON.stringify({ Field: 'DisplayName', Value: initial, Operator: 'starts_with' }),
    );
    const { items } = await readAll(api, `/customers/${enterprise}/users?size=7&filter=${byName}`);
    expect(items.map((u) => u.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(7);

    const bad = await api.get(`/customers?filter=${encodeURIComponent('{"Field":"Nope"}')}`);
    expect(bad.status).toBe(400);
  });
});

import { describe, expect, it } from 'vitest';
import { type CachedReads, createCustomerCache } from './cache';
import { createSessionClient } from './client';
import { type ApiResult, fail, ok } from './errors';
import { collection, customer, fakeFetch, json, sequentialIds, subscription } from './test-support';

const A = '0b3e0b6a-1f3c-4e8e-9b1a-6f1f5c2d7e10';
const B = '7d2c1e9f-aaaa-4bbb-8ccc-0123456789ab';

interface Call {
  method: keyof CachedReads;
  arg: string;
  signal: AbortSignal | undefined;
  resolve: (result: ApiResult<unknown>) => void;
}

/** A client whose answers the test hands out one by one, or at once with `auto`. */
function scriptedClient(auto?: (call: Omit<Call, 'resolve'>) => ApiResult<unknown>) {
  const calls: Call[] = [];
  const make =
    (method: keyof CachedReads) =>
    (arg: string, options?: { signal?: AbortSignal }): Promise<ApiResult<never>> =>
      new Promise((resolve) => {
        const call = { method, arg, signal: options?.signal };
        calls.push({ ...call, resolve: resolve as (r: ApiResult<unknown>) => void });
        if (auto) resolve(auto(call) as ApiResult<never>);
      });
  const client: CachedReads = {
    getCustomer: make('getCustomer'),
    getQualifications: make('getQualifications'),
    listSubscriptions: make('listSubscriptions'),
    listSubscribedSkus: make('listSubscribedSkus'),
    listUsers: make('listUsers'),
    listOffers: make('listOffers'),
  };
  return { client, calls };
}

const answer = (call: { method: string; arg: string }) => ok({ method: call.method, arg: call.arg });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createCustomerCache', () => {
  it("reads each of a customer's resources once while moving between its pages", async () => {
    const { client, calls } = scriptedClient(answer);
    const cache = createCustomerCache(client);
    for (let visit = 0; visit < 3; visit += 1) {
      expect((await cache.getCustomer(A)).ok).toBe(true);
      expect((await cache.getQualifications(A)).ok).toBe(true);
      expect((await cache.listSubscriptions(A)).ok).toBe(true);
      expect((await cache.listSubscribedSkus(A)).ok).toBe(true);
      expect((await cache.listUsers(A)).ok).toBe(true);
      expect((await cache.listOffers('US')).ok).toBe(true);
    }
    expect(calls.map((c) => c.method)).toEqual([
      'getCustomer',
      'getQualifications',
      'listSubscriptions',
      'listSubscribedSkus',
      'listUsers',
      'listOffers',
    ]);
    // Ids are GUIDs compared without regard to case; countries likewise.
    expect(await cache.getCustomer(A.toUpperCase())).toEqual(ok({ method: 'getCustomer', arg: A }));
    await cache.listOffers('us');
    expect(calls).toHaveLength(6);
    // Another customer is another entry.
    expect(await cache.getCustomer(B)).toEqual(ok({ method: 'getCustomer', arg: B }));
    expect(calls).toHaveLength(7);
  });

  it('shares one request between concurrent identical reads', async () => {
    const { client, calls } = scriptedClient();
    const cache = createCustomerCache(client);
    const first = cache.listSubscriptions(A);
    const second = cache.listSubscriptions(A);
    await flush();
    expect(calls).toHaveLength(1);
    calls[0]?.resolve(ok(['s1']));
    expect(await first).toEqual(ok(['s1']));
    expect(await second).toEqual(ok(['s1']));
    expect(await cache.listSubscriptions(A)).toEqual(ok(['s1']));
    expect(calls).toHaveLength(1);
  });

  it('reads again after the TTL', async () => {
    let clock = 1_000;
    const { client, calls } = scriptedClient(answer);
    const cache = createCustomerCache(client, { ttlMs: 5_000, now: () => clock });
    await cache.getCustomer(A);
    clock += 4_999;
    await cache.getCustomer(A);
    expect(calls).toHaveLength(1);
    clock += 1;
    await cache.getCustomer(A);
    expect(calls).toHaveLength(2);
    clock += 4_999;
    await cache.getCustomer(A);
    expect(calls).toHaveLength(2);
  });

  it('does not keep failures', async () => {
    let failNext = true;
    const { client, calls } = scriptedClient((call) => {
      if (!failNext) return answer(call);
      failNext = false;
      return fail('server', '/customers/x', { status: 503 });
    });
    const cache = createCustomerCache(client);
    expect((await cache.getCustomer(A)).ok).toBe(false);
    expect((await cache.getCustomer(A)).ok).toBe(true);
    expect((await cache.getCustomer(A)).ok).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('forgets one customer on invalidate, and keeps the rest', async () => {
    const { client, calls } = scriptedClient(answer);
    const cache = createCustomerCache(client);
    await Promise.all([cache.getCustomer(A), cache.listSubscriptions(A), cache.getCustomer(B), cache.listOffers('US')]);
    expect(calls).toHaveLength(4);
    cache.invalidate(A.toUpperCase());
    await Promise.all([cache.getCustomer(A), cache.listSubscriptions(A), cache.getCustomer(B), cache.listOffers('US')]);
    expect(calls.slice(4).map((c) => `${c.method}:${c.arg}`)).toEqual([`getCustomer:${A}`, `listSubscriptions:${A}`]);
    cache.clear();
    await cache.getCustomer(B);
    expect(calls).toHaveLength(7);
  });

  it('does not keep a read that was in flight when the customer was invalidated', async () => {
    const { client, calls } = scriptedClient();
    const cache = createCustomerCache(client);
    const before = cache.listSubscriptions(A);
    await flush();
    cache.invalidate(A);
    calls[0]?.resolve(ok(['before the write']));
    expect(await before).toEqual(ok(['before the write']));
    const after = cache.listSubscriptions(A);
    await flush();
    expect(calls).toHaveLength(2);
    calls[1]?.resolve(ok(['after the write']));
    expect(await after).toEqual(ok(['after the write']));
  });

  it('does not let a stale read that fails drop the fresh read that replaced it', async () => {
    const { client, calls } = scriptedClient();
    const cache = createCustomerCache(client);
    const stale = cache.getCustomer(A);
    await flush();
    cache.invalidate(A);
    const fresh = cache.getCustomer(A);
    await flush();
    calls[0]?.resolve(fail('server', '/customers/x', { status: 500 }));
    expect((await stale).ok).toBe(false);
    calls[1]?.resolve(ok('fresh'));
    expect(await fresh).toEqual(ok('fresh'));
    expect(await cache.getCustomer(A)).toEqual(ok('fresh'));
    expect(calls).toHaveLength(2);
  });

  it('lets one waiter abort without cancelling the read for the others', async () => {
    const { client, calls } = scriptedClient();
    const cache = createCustomerCache(client);
    const leaving = new AbortController();
    const a = cache.getCustomer(A, { signal: leaving.signal });
    const b = cache.getCustomer(A);
    await flush();
    leaving.abort();
    expect(await a).toEqual({ ok: false, error: { kind: 'aborted', path: '/customers/{customerId}' } });
    expect(calls[0]?.signal?.aborted).toBe(false);
    calls[0]?.resolve(ok('customer'));
    expect(await b).toEqual(ok('customer'));
  });

  it('cancels the read when every waiter has aborted, and reads afresh next time', async () => {
    const { client, calls } = scriptedClient();
    const cache = createCustomerCache(client);
    const one = new AbortController();
    const two = new AbortController();
    const a = cache.listUsers(A, { signal: one.signal });
    const b = cache.listUsers(A, { signal: two.signal });
    await flush();
    one.abort();
    expect(calls[0]?.signal?.aborted).toBe(false);
    two.abort();
    expect(calls[0]?.signal?.aborted).toBe(true);
    expect((await a).ok || (await b).ok).toBe(false);
    calls[0]?.resolve(fail('aborted', '/x'));
    const again = cache.listUsers(A);
    await flush();
    expect(calls).toHaveLength(2);
    calls[1]?.resolve(ok(['u1']));
    expect(await again).toEqual(ok(['u1']));
    expect(await cache.listUsers(A, { signal: AbortSignal.abort() })).toEqual({
      ok: false,
      error: { kind: 'aborted', path: '/customers/{customerId}/users' },
    });
  });

  it('recovers from a reader that rejects instead of returning a result', async () => {
    let first = true;
    const client = scriptedClient(answer).client;
    const cache = createCustomerCache({
      ...client,
      getCustomer: (id, o) => {
        if (!first) return client.getCustomer(id, o);
        first = false;
        return Promise.reject(new Error('bug'));
      },
    });
    expect((await cache.getCustomer(A)).ok).toBe(false);
    expect((await cache.getCustomer(A)).ok).toBe(true);
  });

  it('saves real requests in front of the session client', async () => {
    const fake = fakeFetch((request) =>
      json(request.url.endsWith('/subscriptions') ? collection([subscription()]) : { ...customer(1), id: A }),
    );
    const client = createSessionClient({ getToken: () => 'token', fetch: fake.fetch, newId: sequentialIds() });
    const cache = createCustomerCache(client);
    const [one, two] = await Promise.all([cache.listSubscriptions(A), cache.listSubscriptions(A)]);
    expect(one.ok && one.data[0]?.status).toBe('active');
    expect(two).toBe(one);
    await cache.getCustomer(A);
    await cache.getCustomer(A);
    await cache.listSubscriptions(A);
    expect(fake.requests).toHaveLength(2);
  });
});

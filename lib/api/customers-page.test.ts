import { describe, expect, it } from 'vitest';
import { createSessionClient } from './client';
import { createLimiter, type Limiter } from './limit';
import { collection, customer, fakeFetch, json, recordingSleep, sequentialIds } from './test-support';

const client = (responder: Parameters<typeof fakeFetch>[0], limiter?: Limiter) => {
  const fake = fakeFetch(responder);
  const { sleep } = recordingSleep();
  const c = createSessionClient({
    getToken: () => 'token',
    fetch: fake.fetch,
    sleep,
    random: () => 0.5,
    newId: sequentialIds(),
    ...(limiter ? { limiter } : {}),
  });
  return { c, fake };
};

describe('getCustomersPage', () => {
  it('reads one page and hands back the next request as plain data, continuation token included', async () => {
    const { c, fake } = client((request) =>
      request.headers['ms-continuationtoken'] === 'tok-2'
        ? json(collection([customer(2)]))
        : json(collection([customer(1)], { uri: '/customers?size=300&seekOperation=Next', token: 'tok-2' })),
    );
    const first = await c.getCustomersPage();
    if (!first.ok) throw new Error('first page failed');
    expect(first.data.items.map((x) => x.id)).toEqual([customer(1).id]);
    const next = JSON.parse(JSON.stringify(first.data.next)) as typeof first.data.next;
    expect(next).toEqual({
      path: '/customers?size=300&seekOperation=Next',
      headers: [{ key: 'MS-ContinuationToken', value: 'tok-2' }],
    });
    const second = await c.getCustomersPage(next);
    expect(second.ok && second.data).toMatchObject({ items: [{ id: customer(2).id }], next: null });
    expect(fake.requests).toHaveLength(2);
  });

  it('refuses a stored page request that leads anywhere but the customers collection', async () => {
    const { c, fake } = client(() => json(collection([])));
    const result = await c.getCustomersPage({ path: '/customers/x/users?size=500' });
    expect(result.ok).toBe(false);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('a shared limiter', () => {
  it('is told of every 429 with the wait Retry-After asked for', async () => {
    const pauses: number[] = [];
    const limiter: Limiter = Object.assign(createLimiter(2), { pause: (ms: number) => pauses.push(ms) });
    let n = 0;
    const { c, fake } = client(() => {
      n += 1;
      if (n > 1) return json(collection([]));
      return json({ statusCode: 429, message: 'Try again in 7 seconds.' }, 429, { 'Retry-After': '7' });
    }, limiter);
    const result = await c.getCustomersPage();
    expect(result.ok).toBe(true);
    expect(pauses).toEqual([7000]);
    expect(fake.requests).toHaveLength(2);
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openStore, type StoreDb } from './db';
import { handleStoreMessage, isTrustedSender, type StoreContext } from './handle';
import { createLeaseTable } from './leases';
import { StoreResponse } from './messages';

const T = '3c5a1f0e-1b2c-4d3e-8f90-a1b2c3d4e5f6';
let n = 0;
const freshDb = () => {
  const p = openStore(`test-${n++}`);
  return () => p;
};
/** The handler's context with a fixed clock; the sending tab is the third argument. */
const at = (db: () => Promise<StoreDb>, time: number): StoreContext => ({
  db,
  now: () => time,
  leases: createLeaseTable(() => time),
});
const TAB = 7;

describe('store messages', () => {
  it('records a visit and reads it back', async () => {
    const db = freshDb();
    const first = await handleStoreMessage(
      at(db, 10),
      { type: 'customer.visit', tenantId: T, page: 'subscriptions' },
      TAB,
    );
    const second = await handleStoreMessage(at(db, 20), { type: 'customer.visit', tenantId: T, page: 'users' }, TAB);
    expect(StoreResponse.safeParse(second).success).toBe(true);
    expect(first).toEqual({
      ok: true,
      customer: { tenantId: T, lastPage: 'subscriptions', firstSeenAt: 10, lastSeenAt: 10, visits: 1 },
    });
    const got = await handleStoreMessage(at(db, 30), { type: 'customer.get', tenantId: T }, TAB);
    expect(got).toEqual({
      ok: true,
      customer: { tenantId: T, lastPage: 'users', firstSeenAt: 10, lastSeenAt: 20, visits: 2 },
    });
  });

  it('answers null for an unknown customer', async () => {
    expect(await handleStoreMessage(at(freshDb(), 0), { type: 'customer.get', tenantId: T }, TAB)).toEqual({
      ok: true,
      customer: null,
    });
  });

  it.each([
    null,
    'customer.get',
    { type: 'customer.drop', tenantId: T },
    { type: 'customer.get', tenantId: 'not-a-guid' },
    { type: 'customer.get', tenantId: T.toUpperCase() },
    { type: 'customer.visit', tenantId: T, page: '<script>' },
  ])('refuses a malformed request %j and stores nothing', async (raw) => {
    const db = freshDb();
    expect(await handleStoreMessage(at(db, 0), raw, TAB)).toEqual({ ok: false, error: 'bad-request' });
    expect(await (await db()).count('customers')).toBe(0);
  });

  it('reports a store failure instead of throwing', async () => {
    const broken = () => Promise.reject(new Error('disk full'));
    expect(await handleStoreMessage(at(broken, 0), { type: 'customer.get', tenantId: T }, TAB)).toEqual({
      ok: false,
      error: 'store-failed',
    });
  });
});

describe('isTrustedSender', () => {
  const id = 'abcdefghijklmnop';
  const origin = `chrome-extension://${id}`;
  it.each([
    [{ id, url: 'https://partner.microsoft.com/dashboard/v2/customers/list' }, true],
    [{ id, url: `${origin}/sidepanel.html` }, true],
    [{ id: 'other-extension', url: 'https://partner.microsoft.com/' }, false],
    [{ id, url: 'https://evil.example/partner.microsoft.com' }, false],
    [{ id, url: 'https://partner.microsoft.com.evil.example/' }, false],
    [{ id }, false],
    [{ id, url: 'not a url' }, false],
  ])('%j → %s', (sender, trusted) => {
    expect(isTrustedSender(sender, id, origin)).toBe(trusted);
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sampleInput, SUBSCRIPTION, TENANT } from '@/lib/migration/test-fixtures';
import { customerPage } from '@/lib/overlay/messages';
import { openStore } from './db';
import { handleStoreMessage, type StoreContext } from './handle';
import { createLeaseTable } from './leases';

const ID = `${TENANT}:${SUBSCRIPTION.toLowerCase()}`;

/** The banners' script asks with its own small schemas; the background answers with the full store. */
function background() {
  const db = openStore(`interrupted-${Math.random()}`);
  const ctx: StoreContext = { db: () => db, now: () => 1_000, leases: createLeaseTable(() => 1_000) };
  const send = (message: unknown) => handleStoreMessage(ctx, message, 7);
  const ids = async (tenantId: string) => {
    const answer = await send({ type: 'migration.interrupted', tenantId });
    return answer.ok && 'subscriptionIds' in answer ? answer.subscriptionIds : null;
  };
  return { send, ids };
}

describe('migration.interrupted (the banners script asks before loading the panel)', () => {
  it('names a subscription only while its migration stands mid-step', async () => {
    const bg = background();
    expect(await bg.ids(TENANT)).toEqual([]);
    await bg.send({ type: 'migration.create', migration: sampleInput() });
    expect(await bg.ids(TENANT)).toEqual([]);
    const intent = { type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] };
    await bg.send({ type: 'migration.apply', id: ID, event: intent });
    expect(await bg.ids(TENANT)).toEqual([SUBSCRIPTION.toLowerCase()]);
    expect(await bg.ids('ffffffff-ffff-ffff-ffff-ffffffffffff')).toEqual([]);
  });

  it("the banners' script hears nothing waits when the background fails, refuses or answers something else", async () => {
    const none = { ok: true, interrupted: [], open: null };
    expect(await customerPage(() => Promise.reject(new Error('gone')), TENANT, 'subscriptions')).toEqual(none);
    expect(await customerPage(async () => ({ ok: false, error: 'store-failed' }), TENANT, 'subscriptions')).toEqual(none);
    expect(await customerPage(async () => ({ ok: true, interrupted: [3], open: null }), TENANT, 'subscriptions')).toEqual(none);
    const waiting = { ok: true, interrupted: ['sub-1'], open: 'sub-2' };
    expect(await customerPage(async () => waiting, TENANT, 'subscriptions')).toEqual(waiting);
    const bg = background();
    // A malformed tenant is refused by the background's full schema.
    expect(await bg.send({ type: 'migration.interrupted', tenantId: 'NOT-A-TENANT' })).toEqual({ ok: false, error: 'bad-request' });
  });
});

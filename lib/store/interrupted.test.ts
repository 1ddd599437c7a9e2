import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sampleInput, SUBSCRIPTION, TENANT } from '@/lib/migration/test-fixtures';
import { interruptedSubscriptions } from '@/lib/overlay/messages';
import { openStore } from './db';
import { handleStoreMessage, type StoreContext } from './handle';
import { createLeaseTable } from './leases';

const ID = `${TENANT}:${SUBSCRIPTION.toLowerCase()}`;

/** The banners' script asks with its own small schemas; the background answers with the full store. */
function background() {
  const db = openStore(`interrupted-${Math.random()}`);
  const ctx: StoreContext = { db: () => db, now: () => 1_000, leases: createLeaseTable(() => 1_000) };
  const send = (message: unknown) => handleStoreMessage(ctx, message, 7);
  return { send };
}

describe('migration.interrupted (the banners script asks before loading the panel)', () => {
  it('names a subscription only while its migration stands mid-step', async () => {
    const bg = background();
    expect(await interruptedSubscriptions(bg.send, TENANT)).toEqual([]);
    await bg.send({ type: 'migration.create', migration: sampleInput() });
    expect(await interruptedSubscriptions(bg.send, TENANT)).toEqual([]);
    const intent = { type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] };
    await bg.send({ type: 'migration.apply', id: ID, event: intent });
    expect(await interruptedSubscriptions(bg.send, TENANT)).toEqual([SUBSCRIPTION.toLowerCase()]);
    expect(await interruptedSubscriptions(bg.send, 'ffffffff-ffff-ffff-ffff-ffffffffffff')).toEqual([]);
  });

  it('says none when the store fails, refuses or answers something else', async () => {
    expect(await interruptedSubscriptions(() => Promise.reject(new Error('gone')), TENANT)).toEqual([]);
    expect(await interruptedSubscriptions(async () => ({ ok: false, error: 'store-failed' }), TENANT)).toEqual([]);
    expect(await interruptedSubscriptions(async () => ({ ok: true, subscriptionIds: [3] }), TENANT)).toEqual([]);
    const bg = background();
    // A malformed tenant is refused by the background's full schema.
    expect(await bg.send({ type: 'migration.interrupted', tenantId: 'NOT-A-TENANT' })).toEqual({ ok: false, error: 'bad-request' });
  });
});

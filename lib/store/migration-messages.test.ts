import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { sampleInput, SUBSCRIPTION, TENANT, USERS } from '@/lib/migration/test-fixtures';
import { askStore } from './client';
import { openStore, type StoreDb } from './db';
import { handleStoreMessage, type StoreContext } from './handle';
import { createLeaseTable, LEASE_MS } from './leases';
import { RESPONSES, type StoreRequest } from './messages';

const ID = `${TENANT}:${SUBSCRIPTION.toLowerCase()}`;
const TAB_A = 11;
const TAB_B = 12;
const INTENT = { type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] } as const;
let n = 0;

/** A background with its own database, leases and a clock the test moves. */
function background() {
  const clock = { t: 1_000 };
  const db = openStore(`messages-${n++}`);
  const ctx: StoreContext = { db: () => db, now: () => clock.t, leases: createLeaseTable(() => clock.t) };
  /** Sends as a content script in `tab` would (null: outside a tab); checks the answer with the client's schema. */
  const send = async (request: unknown, tab: number | null = TAB_A) => {
    const answer = await handleStoreMessage(ctx, request, tab ?? undefined);
    const type = (request as { type?: keyof typeof RESPONSES } | null)?.type;
    if (type && type in RESPONSES) expect(RESPONSES[type].safeParse(answer).success).toBe(true);
    return answer;
  };
  return { clock, ctx, send, db: () => db };
}

async function counts(db: () => Promise<StoreDb>) {
  const store = await db();
  return { migrations: await store.count('migrations'), audit: await store.count('audit') };
}

describe('migration messages', () => {
  it('creates, reads, lists and audits a migration', async () => {
    const bg = background();
    const created = await bg.send({ type: 'migration.create', migration: sampleInput() });
    expect(created).toMatchObject({ ok: true, created: true, migration: { id: ID } });
    const again = await bg.send({ type: 'migration.create', migration: sampleInput() });
    expect(again).toMatchObject({ ok: true, created: false });
    const got = await bg.send({ type: 'migration.get', id: ID });
    expect(got).toMatchObject({ ok: true, migration: { id: ID }, lock: 'none' });
    expect(await bg.send({ type: 'migration.get', id: `${TENANT}:nothing-here` })).toEqual({
      ok: true,
      migration: null,
      lock: 'none',
    });
    const list = await bg.send({ type: 'migration.list', tenantId: TENANT });
    expect(list.ok && 'migrations' in list && list.migrations.map((m) => m.id)).toEqual([ID]);
    const audit = await bg.send({ type: 'migration.audit', id: ID });
    expect(audit.ok && 'entries' in audit && audit.entries.map((e) => e.action)).toEqual(['created']);
  });

  it('applies events and reports refusals and unknown migrations', async () => {
    const bg = background();
    await bg.send({ type: 'migration.create', migration: sampleInput() });
    bg.clock.t = 2_000;
    const applied = await bg.send({ type: 'migration.apply', id: ID, event: { type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] } });
    expect(applied).toMatchObject({
      ok: true,
      migration: { steps: { purchase: { state: 'intent', intentAt: 2_000 } } },
      audit: [{ seq: 2, action: 'intent', at: 2_000 }],
    });
    const early = await bg.send({ type: 'migration.apply', id: ID, event: { type: 'reassign.started', users: USERS } });
    expect(early).toEqual({
      ok: false,
      error: 'refused',
      reason: 'out-of-order',
      message: 'reassign.started: the purchase (step A) is not done or skipped yet',
    });
    expect(
      await bg.send({ type: 'migration.apply', id: `${TENANT}:missing`, event: { type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] } }),
    ).toEqual({ ok: false, error: 'not-found' });
    expect(await counts(bg.db)).toEqual({ migrations: 1, audit: 2 });
  });

  it.each([
    ['no type', { id: ID }],
    ['an unknown type', { type: 'migration.delete', id: ID }],
    ['an id in upper case', { type: 'migration.get', id: ID.toUpperCase() }],
    ['an id with a path', { type: 'migration.get', id: `${TENANT}:../x` }],
    ['an id without subscription', { type: 'migration.audit', id: `${TENANT}:` }],
    ['a list without tenant', { type: 'migration.list' }],
    ['a create without input', { type: 'migration.create' }],
    ['a create with a bad tenant', { type: 'migration.create', migration: { ...sampleInput(), tenantId: 'x' } }],
    [
      'a create with a name too long',
      { type: 'migration.create', migration: { ...sampleInput(), customerName: 'x'.repeat(501) } },
    ],
    [
      'a create missing a flag',
      { type: 'migration.create', migration: { ...sampleInput(), purchaseNeeded: undefined } },
    ],
    ['an apply without event', { type: 'migration.apply', id: ID }],
    ['an apply of an unknown event', { type: 'migration.apply', id: ID, event: { type: 'purchase.refund' } }],
    [
      'an apply of a malformed event',
      { type: 'migration.apply', id: ID, event: { type: 'quantity.changed', quantity: '9' } },
    ],
    ['a lock with an unknown action', { type: 'migration.lock', id: ID, action: 'steal' }],
  ])('refuses %s and writes nothing', async (_name, raw) => {
    const bg = background();
    await bg.send({ type: 'migration.create', migration: sampleInput() });
    const before = await bg.send({ type: 'migration.get', id: ID });
    expect(await handleStoreMessage(bg.ctx, raw, TAB_A)).toEqual({ ok: false, error: 'bad-request' });
    expect(await counts(bg.db)).toEqual({ migrations: 1, audit: 1 });
    expect(await bg.send({ type: 'migration.get', id: ID })).toEqual(before);
  });

  it('answers store-failed when the database cannot open', async () => {
    const ctx: StoreContext = {
      db: () => Promise.reject(new Error('disk full')),
      now: () => 0,
      leases: createLeaseTable(() => 0),
    };
    expect(await handleStoreMessage(ctx, { type: 'migration.get', id: ID }, TAB_A)).toEqual({
      ok: false,
      error: 'store-failed',
    });
  });
});

describe('migration locks through messages', () => {
  const lock = (action: 'acquire' | 'renew' | 'release') => ({ type: 'migration.lock', id: ID, action });

  it('lets one tab run while the other only watches', async () => {
    const bg = background();
    await bg.send({ type: 'migration.create', migration: sampleInput() });
    expect(await bg.send(lock('acquire'), TAB_A)).toEqual({
      ok: true,
      granted: true,
      holder: TAB_A,
      expiresAt: 1_000 + LEASE_MS,
    });
    expect(await bg.send(lock('acquire'), TAB_B)).toMatchObject({ ok: true, granted: false, holder: TAB_A });
    expect(await bg.send({ type: 'migration.get', id: ID }, TAB_A)).toMatchObject({ lock: 'mine' });
    expect(await bg.send({ type: 'migration.get', id: ID }, TAB_B)).toMatchObject({ lock: 'other' });

    // The watching tab cannot change the migration while the other runs a step.
    expect(await bg.send({ type: 'migration.apply', id: ID, event: INTENT }, TAB_B)).toEqual({
      ok: false,
      error: 'locked',
      holder: TAB_A,
    });
    expect(await bg.send({ type: 'migration.apply', id: ID, event: INTENT }, null)).toMatchObject({
      error: 'locked',
    });
    expect(await counts(bg.db)).toEqual({ migrations: 1, audit: 1 });
    expect(await bg.send({ type: 'migration.apply', id: ID, event: INTENT }, TAB_A)).toMatchObject({
      ok: true,
    });

    expect(await bg.send(lock('release'), TAB_A)).toEqual({ ok: true, granted: false });
    expect(await bg.send({ type: 'migration.get', id: ID }, TAB_B)).toMatchObject({ lock: 'none' });
    expect(await bg.send(lock('acquire'), TAB_B)).toMatchObject({ ok: true, granted: true, holder: TAB_B });
  });

  it('hands the migration to another tab once the holder stops renewing', async () => {
    const bg = background();
    await bg.send({ type: 'migration.create', migration: sampleInput() });
    await bg.send(lock('acquire'), TAB_A);
    bg.clock.t += LEASE_MS / 2;
    expect(await bg.send(lock('renew'), TAB_A)).toMatchObject({ granted: true, expiresAt: bg.clock.t + LEASE_MS });
    bg.clock.t += LEASE_MS - 1;
    expect(await bg.send(lock('acquire'), TAB_B)).toMatchObject({ granted: false, holder: TAB_A });
    bg.clock.t += 1;
    expect(await bg.send(lock('acquire'), TAB_B)).toMatchObject({ granted: true, holder: TAB_B });
    expect(await bg.send(lock('renew'), TAB_A)).toMatchObject({ granted: false, holder: TAB_B });
    expect(await bg.send({ type: 'migration.apply', id: ID, event: INTENT }, TAB_A)).toMatchObject({
      error: 'locked',
      holder: TAB_B,
    });
  });

  it('needs a tab: an extension page or a sender without one cannot hold a lease', async () => {
    const bg = background();
    expect(await bg.send(lock('acquire'), null)).toEqual({ ok: false, error: 'no-tab' });
    expect(await bg.send(lock('acquire'), -1)).toEqual({ ok: false, error: 'no-tab' });
  });

  it('takes the tab from the sender, never from the message', async () => {
    const bg = background();
    const forged = { ...lock('acquire'), tabId: TAB_B, holder: TAB_B };
    expect(await bg.send(forged, TAB_A)).toMatchObject({ ok: true, granted: true, holder: TAB_A });
    expect(await bg.send(lock('acquire'), TAB_B)).toMatchObject({ granted: false, holder: TAB_A });
  });
});

describe('askStore', () => {
  it('returns the answer when it has the shape its request can get', async () => {
    const bg = background();
    const send = (m: unknown) => handleStoreMessage(bg.ctx, m, TAB_A);
    const created = await askStore(send, { type: 'migration.create', migration: sampleInput() });
    expect(created.ok && created.migration.id).toBe(ID);
    const answer = await askStore(send, { type: 'migration.lock', id: ID, action: 'acquire' });
    expect(answer).toMatchObject({ ok: true, granted: true });
  });

  it('turns an answer of the wrong shape into store-failed', async () => {
    const wrong = async () => ({ ok: true, customer: null });
    expect(await askStore(wrong, { type: 'migration.get', id: ID })).toEqual({ ok: false, error: 'store-failed' });
    const corrupt = async () => ({ ok: true, migration: { id: ID }, lock: 'none' });
    expect(await askStore(corrupt, { type: 'migration.get', id: ID })).toEqual({ ok: false, error: 'store-failed' });
    const thrown = async () => Promise.reject(new Error('Extension context invalidated'));
    expect(await askStore(thrown, { type: 'migration.list', tenantId: TENANT })).toEqual({
      ok: false,
      error: 'store-failed',
    });
  });

  it('does not send a malformed request', async () => {
    const send = vi.fn(async () => ({ ok: true, migrations: [] }));
    const bad = { type: 'migration.list', tenantId: 'NOT-A-TENANT' } as StoreRequest;
    expect(await askStore(send, bad)).toEqual({ ok: false, error: 'bad-request' });
    expect(send).not.toHaveBeenCalled();
  });

  it('still answers the customer requests as before', async () => {
    const bg = background();
    const answer = await askStore((m) => handleStoreMessage(bg.ctx, m, TAB_A), {
      type: 'customer.visit',
      tenantId: TENANT,
      page: 'subscriptions',
    });
    expect(answer).toEqual({
      ok: true,
      customer: { tenantId: TENANT, lastPage: 'subscriptions', firstSeenAt: 1_000, lastSeenAt: 1_000, visits: 1 },
    });
  });
});

describe('a damaged record', () => {
  /** Writes a record that fails its schema straight into the database (an old version's bug, a disk error). */
  async function damage(db: () => Promise<StoreDb>) {
    const store = await db();
    const raw = (await store.get('migrations', ID)) as unknown as Record<string, unknown>;
    await store.put('migrations', { ...raw, steps: { purchase: { state: 'bought?' } } } as never);
  }

  it('is reported with what is wrong, never used, and never silently dropped', async () => {
    const bg = background();
    await bg.send({ type: 'migration.create', migration: sampleInput() });
    await damage(bg.db);
    for (const request of [
      { type: 'migration.create', migration: sampleInput() },
      { type: 'migration.get', id: ID },
      { type: 'migration.apply', id: ID, event: INTENT },
    ]) {
      const answer = await bg.send(request);
      expect(answer).toMatchObject({ ok: false, error: 'corrupt' });
      expect((answer as { problem: string }).problem).toMatch(/^steps\./);
    }
    // A customer's list leaves it out instead of failing as a whole.
    expect(await bg.send({ type: 'migration.list', tenantId: TENANT })).toEqual({ ok: true, migrations: [] });
    expect(await counts(bg.db)).toEqual({ migrations: 1, audit: 1 });
  });

  it('starts again from a new record on request, keeping the log and saying what the stored value held', async () => {
    const bg = background();
    await bg.send({ type: 'migration.create', migration: sampleInput() });
    await damage(bg.db);
    const restarted = await bg.send({ type: 'migration.restart', migration: sampleInput({ purchaseNeeded: false }) });
    expect(restarted).toMatchObject({ ok: true, created: true, migration: { steps: { purchase: { state: 'skipped' } } } });
    const audit = await bg.send({ type: 'migration.audit', id: ID });
    const actions = (audit as { entries: Array<{ action: string; detail: string }> }).entries.map((e) => e.action);
    expect(actions).toEqual(['created', 'record-damaged', 'created']);
    const note = (audit as { entries: Array<{ action: string; detail: string }> }).entries[1]?.detail ?? '';
    expect(note).toContain('bought?');
  });

  it('a restart never replaces a sound record: its progress is returned as stored', async () => {
    const bg = background();
    await bg.send({ type: 'migration.create', migration: sampleInput() });
    await bg.send({ type: 'migration.apply', id: ID, event: INTENT });
    const again = await bg.send({ type: 'migration.restart', migration: sampleInput({ purchaseNeeded: false }) });
    expect(again).toMatchObject({ ok: true, created: false, migration: { steps: { purchase: { state: 'intent' } } } });
    expect(await counts(bg.db)).toEqual({ migrations: 1, audit: 2 });
  });
});

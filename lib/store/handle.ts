import { isInterrupted } from '@/lib/migration/progress';
import { getCustomerVisit, recordCustomerVisit, type StoreDb } from './db';
import type { LeaseTable } from './leases';
import { type AnyStoreResponse, StoreRequest, type StoreResponseTo } from './messages';
import {
  applyMigrationEvent,
  CorruptRecord,
  createMigration,
  getAudit,
  getMigration,
  listMigrations,
  restartMigration,
} from './migration-records';

/** Where a message may come from: our own pages, or a content script on the portal (in a tab). */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export function isTrustedSender(sender: MessageSender, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId || !sender.url) return false;
  // Compare prefixes, not URL.origin: non-web schemes such as chrome-extension:// have an opaque origin.
  return sender.url.startsWith('https://partner.microsoft.com/') || sender.url.startsWith(`${extensionOrigin}/`);
}

/** What the background gives the handler: the database, its clock, and the migrations' leases. */
export interface StoreContext {
  db: () => Promise<StoreDb>;
  now: () => number;
  leases: LeaseTable;
}

/**
 * Validates and answers one store request. Never throws: every failure is an answer.
 * `tabId` is the sending tab as the browser reports it (`sender.tab.id`), never a value taken from
 * the message, so a script cannot act under another tab's lease; undefined outside a tab.
 */
export async function handleStoreMessage(
  ctx: StoreContext,
  raw: unknown,
  tabId: number | undefined,
): Promise<AnyStoreResponse> {
  const parsed = StoreRequest.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'bad-request' };
  const request = parsed.data;
  // Browsers use -1 (TAB_ID_NONE) for senders outside a tab.
  const tab = tabId !== undefined && tabId >= 0 ? tabId : undefined;
  try {
    switch (request.type) {
      case 'customer.visit':
        return {
          ok: true,
          customer: await recordCustomerVisit(await ctx.db(), request.tenantId, request.page, ctx.now()),
        };
      case 'customer.get':
        return { ok: true, customer: (await getCustomerVisit(await ctx.db(), request.tenantId)) ?? null };
      case 'migration.create': {
        const { record, created } = await createMigration(await ctx.db(), request.migration, ctx.now());
        return { ok: true, migration: record, created };
      }
      case 'migration.restart': {
        const { record, created } = await restartMigration(await ctx.db(), request.migration, ctx.now());
        return { ok: true, migration: record, created };
      }
      case 'migration.get': {
        const holder = ctx.leases.holder(request.id);
        const lock = holder === undefined ? 'none' : holder === tab ? 'mine' : 'other';
        return { ok: true, migration: (await getMigration(await ctx.db(), request.id)) ?? null, lock };
      }
      case 'migration.list':
        return { ok: true, migrations: await listMigrations(await ctx.db(), request.tenantId) };
      case 'migration.interrupted': {
        const list = await listMigrations(await ctx.db(), request.tenantId);
        return { ok: true, subscriptionIds: list.filter(isInterrupted).map((m) => m.subscriptionId) };
      }
      case 'migration.apply':
        return await apply(ctx, request.id, request.event, tab);
      case 'migration.audit':
        return { ok: true, entries: await getAudit(await ctx.db(), request.id) };
      case 'migration.lock':
        if (tab === undefined) return { ok: false, error: 'no-tab' };
        return { ok: true, ...ctx.leases.act(request.id, tab, request.action) };
    }
  } catch (error) {
    if (error instanceof CorruptRecord) return { ok: false, error: 'corrupt', problem: error.problem };
    return { ok: false, error: 'store-failed' };
  }
}

async function apply(
  ctx: StoreContext,
  id: string,
  event: Extract<StoreRequest, { type: 'migration.apply' }>['event'],
  tab: number | undefined,
): Promise<StoreResponseTo<'migration.apply'>> {
  // While a tab runs a step, only that tab changes the migration: the other shows its progress.
  const holder = ctx.leases.holder(id);
  if (holder !== undefined && holder !== tab) return { ok: false, error: 'locked', holder };
  const result = await applyMigrationEvent(await ctx.db(), id, event, ctx.now());
  if (result.ok) return { ok: true, migration: result.record, audit: result.audit };
  if (result.reason === 'not-found') return { ok: false, error: 'not-found' };
  return { ok: false, error: 'refused', reason: result.reason, message: result.message };
}

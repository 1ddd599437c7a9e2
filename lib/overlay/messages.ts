import * as z from 'zod/mini';

/**
 * What the banners' script (every portal page) asks of the background. It carries none of the
 * store's record schemas, which only the Migrate panel's script needs: the requests are store
 * requests the background checks in full (lib/store/messages.ts), and the answers are checked here
 * against the little each one must hold.
 */

type Send = (message: unknown) => Promise<unknown>;

/** The background asks an open portal tab for the signed-in session's token, to hold in memory only. */
export const TOKEN_REQUEST = 'session.token';

/** Asks the background to inject one of the extension's own scripts into the sending tab and frame. */
export const SCRIPT_LOAD = 'overlay.load-script';

/** The scripts injected on demand (entrypoints/assess, entrypoints/migrate-panel): the background injects no other. */
export const LAZY_SCRIPTS = ['assess', 'migrate-panel'] as const;
export type LazyScript = (typeof LAZY_SCRIPTS)[number];

export const ScriptLoad = z.object({ type: z.literal(SCRIPT_LOAD), script: z.enum(LAZY_SCRIPTS) });

/** Asks whether a worklist row was opened into this tab with the panel of one of this customer's subscriptions. */
export const PENDING_OPEN = 'overlay.pending-open';

export const PendingOpenRequest = z.object({ type: z.literal(PENDING_OPEN), tenantId: z.string().check(z.maxLength(100)) });

const Loaded = z.object({ ok: z.literal(true) });
const Pending = z.object({ ok: z.literal(true), subscriptionId: z.nullable(z.string()) });
const Interrupted = z.object({ ok: z.literal(true), subscriptionIds: z.array(z.string()) });

const ask = (send: Send, message: unknown): Promise<unknown> => send(message).catch(() => null);

/** True once the background says the script ran in this tab. */
export async function loadLazyScript(send: Send, script: LazyScript): Promise<boolean> {
  return Loaded.safeParse(await ask(send, { type: SCRIPT_LOAD, script })).success;
}

/** The customer's subscriptions whose migration stopped mid-step; none when the store cannot say. */
export async function interruptedSubscriptions(send: Send, tenantId: string): Promise<string[]> {
  const answer = Interrupted.safeParse(await ask(send, { type: 'migration.interrupted', tenantId }));
  return answer.success ? answer.data.subscriptionIds : [];
}

/** The subscription whose panel the worklist asked to open on this customer's page, once; null otherwise. */
export async function pendingOpen(send: Send, tenantId: string): Promise<string | null> {
  const answer = Pending.safeParse(await ask(send, { type: PENDING_OPEN, tenantId }));
  return answer.success ? answer.data.subscriptionId : null;
}

/** Records a visit to the customer's page in the background store (nothing is shown for it). */
export async function recordVisit(send: Send, tenantId: string, page: string): Promise<void> {
  await ask(send, { type: 'customer.visit', tenantId, page });
}

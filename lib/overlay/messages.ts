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

/** The scripts injected on demand (entrypoints/assess, migrate-panel, customer-badges): the background injects no other. */
export const LAZY_SCRIPTS = ['assess', 'migrate-panel', 'customer-badges'] as const;
export type LazyScript = (typeof LAZY_SCRIPTS)[number];

export const ScriptLoad = z.object({ type: z.literal(SCRIPT_LOAD), script: z.enum(LAZY_SCRIPTS) });

/**
 * On a customer's page, what waits for the Migrate panel there: the subscriptions whose migration
 * stopped mid-step (the store), and the one a worklist row or "Next" opened into this tab, once.
 * The background records the visit (customer and page) in the store as it answers.
 */
export const CUSTOMER_PAGE = 'overlay.customer-page';

const short = z.string().check(z.maxLength(100));
export const CustomerPageRequest = z.object({ type: z.literal(CUSTOMER_PAGE), tenantId: short, page: short });
const CustomerPage = z.object({ ok: z.literal(true), interrupted: z.array(z.string()), open: z.nullable(z.string()) });
export type CustomerPageAnswer = z.infer<typeof CustomerPage>;

const Loaded = z.object({ ok: z.literal(true) });

const ask = (send: Send, message: unknown): Promise<unknown> => send(message).catch(() => null);

/** True once the background says the script ran in this tab. */
export async function loadLazyScript(send: Send, script: LazyScript): Promise<boolean> {
  return Loaded.safeParse(await ask(send, { type: SCRIPT_LOAD, script })).success;
}

/** What waits for the panel on this customer's page; nothing when the background cannot say. */
export async function customerPage(send: Send, tenantId: string, page: string): Promise<CustomerPageAnswer> {
  const answer = CustomerPage.safeParse(await ask(send, { type: CUSTOMER_PAGE, tenantId, page }));
  return answer.success ? answer.data : { ok: true, interrupted: [], open: null };
}

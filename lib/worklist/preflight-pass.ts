import { checkCustomer, type PreflightApi, type PreflightContext } from './preflight-read';
import type { CustomerPreflight } from './preflight-state';
import type { RetiringSubscription, ScanState } from './state';

/** Customers checked at once; each check makes about six requests, which the scan's scheduler paces. */
export const PREFLIGHT_CONCURRENCY = 3;

export interface PreflightTodo {
  id: string;
  retiring: readonly RetiringSubscription[];
}

/** Every customer of the list with a retiring subscription: what a pass checks. */
function withRetiring(state: ScanState): PreflightTodo[] {
  const list = state.listed || state.customers.length > 0 ? state.customers : state.listing;
  return list.flatMap((c) => {
    const retiring = state.results[c.id]?.retiring ?? [];
    return retiring.length > 0 ? [{ id: c.id, retiring }] : [];
  });
}

/** A check is current when it succeeded at or after `since`. */
const checkedSince = (state: ScanState, id: string, since: number): boolean => {
  const p = state.preflight[id];
  return p !== undefined && p.failure === null && p.checkedAt >= since;
};

/**
 * From when a check counts for the pass under way: the agent's pass wants every customer checked
 * since it began; the pass after a scan wants each check no older than the subscriptions it judged.
 * Without a pass, any successful check counts.
 */
function sinceOf(state: ScanState, id: string): number {
  const pass = state.preflightPass;
  if (!pass) return 0;
  return pass.scope === 'stale' ? (state.results[id]?.readAt ?? 0) : pass.startedAt;
}

/** The customers the pass under way still has to check (without a pass: those never checked, or whose check failed). */
export function preflightDue(state: ScanState): PreflightTodo[] {
  return withRetiring(state).filter((c) => !checkedSince(state, c.id, sinceOf(state, c.id)));
}

/** How far the pass is: customers checked of those with a retiring subscription. */
export function preflightProgress(state: ScanState): { checked: number; total: number } {
  const all = withRetiring(state);
  return { checked: all.filter((c) => checkedSince(state, c.id, sinceOf(state, c.id))).length, total: all.length };
}

/**
 * Checks every due customer, a few at a time, handing each result to `onResult` as it lands (the
 * caller stores it, so a stopped pass continues where it stopped). Ends when all are checked or the
 * signal stops it; a customer whose check fails is stored with the reason and the pass goes on.
 */
export async function runPreflightPass(
  api: PreflightApi,
  todo: readonly PreflightTodo[],
  ctx: PreflightContext,
  onResult: (customerId: string, result: CustomerPreflight) => void,
): Promise<'done' | 'stopped'> {
  let next = 0;
  const worker = async () => {
    for (let c = todo[next++]; c && !ctx.signal?.aborted; c = todo[next++]) {
      const result = await checkCustomer(api, c.id, c.retiring, ctx);
      if (result) onResult(c.id, result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(PREFLIGHT_CONCURRENCY, todo.length)) }, worker));
  return ctx.signal?.aborted ? 'stopped' : 'done';
}

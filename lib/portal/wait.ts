/**
 * Waiting on the portal's pages: until something shows, until a page has stopped repainting, or a
 * moment for its framework to re-render; each stops as soon as the run is cancelled or the portal
 * has left the page it is meant for.
 */
import { ActError, type ActContext } from './act-error';
import { observeDeep, WaitTimeout, waitFor } from './observe';
import { rootOf } from './query';

/**
 * Waits re-check on every DOM change and also on this interval: a checkbox's `checked`, an input's
 * `value` and the URL change without any mutation an observer would see.
 */
const POLL_MS = 100;
/** How often a quiet wait looks at the clock between changes (its quiet spell is counted from the last one). */
const QUIET_POLL_MS = 25;
/** Time a framework gets to re-render after our events before we read the result back. */
export const SETTLE_MS = 50;

/** Throws when the run was cancelled or the portal has moved to another page. */
export function guard(ctx: ActContext, target: string): void {
  if (ctx.signal.aborted) throw new ActError('aborted', target);
  if (!ctx.onPage()) throw new ActError('left-page', target);
}

export interface WaitOptions {
  /** What is waited for, for the error. */
  target: string;
  /** The error when time runs out. */
  kind?: 'not-found' | 'not-applied';
  message?: () => string;
  /** Where changes are watched; the whole document by default. */
  scope?: ParentNode;
  timeoutMs?: number;
  /** The wait is for leaving the page (a link was followed): do not treat that as an error. */
  leavesPage?: boolean;
}

/**
 * Resolves with the first value `find` returns (neither null nor undefined), checking now, on every
 * change under the scope (open shadow roots included) and on a short interval. Leaving the page ends
 * the wait with `left-page` (unless that is what is awaited), cancelling with `aborted`, time with
 * `options.kind`; an ActError thrown by `find` ends it with that error.
 */
export async function waitUntil<T>(find: () => T | null | undefined, ctx: ActContext, options: WaitOptions): Promise<T> {
  const { target } = options;
  if (ctx.signal.aborted) throw new ActError('aborted', target);
  try {
    return await waitFor(
      () => {
        if (!options.leavesPage && !ctx.onPage()) throw new ActError('left-page', target);
        return find();
      },
      {
        signal: ctx.signal,
        timeoutMs: options.timeoutMs ?? ctx.timeoutMs,
        what: target,
        root: rootOf(options.scope ?? document),
        pollMs: POLL_MS,
      },
    );
  } catch (error) {
    if (error instanceof ActError) throw error;
    if (error instanceof WaitTimeout) throw new ActError(options.kind ?? 'not-found', target, options.message?.());
    if (ctx.signal.aborted) throw new ActError('aborted', target);
    throw error;
  }
}

/** Gives the page's framework a moment to re-render; rejects when the run is cancelled meanwhile. */
export function pause(ctx: ActContext, target: string, ms = SETTLE_MS): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (ctx.signal.aborted) {
      reject(new ActError('aborted', target));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ActError('aborted', target));
    };
    const timer = setTimeout(() => {
      ctx.signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    ctx.signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Resolves once nothing under the scope has changed for `quietMs` (a search or a page turn has
 * finished repainting), or after `maxMs` in any case: a page with a clock or a spinner never rests.
 */
export async function quiet(
  ctx: ActContext,
  target: string,
  scope: ParentNode = document,
  quietMs = 200,
  maxMs = 2000,
): Promise<void> {
  if (ctx.signal.aborted) throw new ActError('aborted', target);
  const root = rootOf(scope);
  const cap = Math.max(quietMs, maxMs);
  const start = Date.now();
  let last = start;
  // Registered before waitFor's own observer, so a change moves `last` before the check runs.
  const local = new AbortController();
  observeDeep(root, () => (last = Date.now()), local.signal);
  try {
    await waitFor(
      () => {
        const now = Date.now();
        return now - last >= quietMs || now - start >= cap ? true : null;
      },
      { signal: ctx.signal, timeoutMs: cap + 1000, what: target, root, pollMs: QUIET_POLL_MS },
    );
  } catch (error) {
    if (ctx.signal.aborted) throw new ActError('aborted', target);
    throw error;
  } finally {
    local.abort();
  }
}

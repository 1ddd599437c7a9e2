import type { ApiError, ApiResult } from '@/lib/api';
import type { Catalog } from '@/lib/catalog';
import { findRetiring, type ScannedSubscription } from './retiring';
import { SCAN_MAX_IN_FLIGHT } from './scheduler';
import {
  type CustomerEntry,
  type CustomerFailure,
  needsRead,
  type PageLink,
  progressOf,
  type ScanProgress,
  type ScanState,
} from './state';

/**
 * The worklist scan: every customer page, then each customer's subscriptions, each customer judged
 * by the banners' rule. It works on a copy of the given state and reports the copy after every page
 * and every customer, so the caller can store it and resume from it after a reload. Requests are
 * paced by the API's limiter (the session client is built with a scheduler from ./scheduler), not here.
 */

export interface CustomersPageLike {
  items: ReadonlyArray<{ id: string; companyProfile?: { companyName?: string | null } | null }>;
  next: { path: string; headers?: ReadonlyArray<{ key: string; value: string }> } | null;
}

/** The two reads the scan makes; lib/api's SessionClient provides both. */
export interface ScanApi {
  getCustomersPage(page: PageLink | null, options: { signal?: AbortSignal }): Promise<ApiResult<CustomersPageLike>>;
  listSubscriptions(
    customerId: string,
    options: { signal?: AbortSignal },
  ): Promise<ApiResult<readonly ScannedSubscription[]>>;
}

export interface ScanOptions {
  catalog: Catalog;
  /** Stops the scan: no further request starts, and the state reported last is where it resumes. */
  signal?: AbortSignal;
  /** Customers read at once (default SCAN_MAX_IN_FLIGHT); the scheduler bounds the requests themselves. */
  concurrency?: number;
  now?: () => number;
  /**
   * After every page and every customer. `state` is the scan's live copy: store it at once (IndexedDB's
   * put clones it synchronously) or clone it; it changes after the next read.
   */
  onProgress?: (progress: ScanProgress, state: ScanState) => void;
}

export interface ScanOutcome {
  state: ScanState;
  progress: ScanProgress;
}

/** Far beyond any tenant (300,000 customers at 300 a page); stops paging that never ends. */
const MAX_PAGES = 1000;

const failureOf = (error: ApiError, at: number): CustomerFailure => ({
  failedAt: at,
  reason: error.kind,
  ...(error.status !== undefined ? { status: error.status } : {}),
  ...(error.description !== undefined ? { description: error.description } : {}),
});

const isAborted = (r: ApiResult<unknown>, signal?: AbortSignal) =>
  signal?.aborted === true || (!r.ok && r.error.kind === 'aborted');

/** The listing is done: its customers become the list, and customers gone from it leave the worklist. */
function finishListing(state: ScanState): void {
  const byId = new Map<string, CustomerEntry>();
  for (const c of state.listing) byId.set(c.id, c);
  state.customers = [...byId.values()];
  for (const id of Object.keys(state.results)) if (!byId.has(id)) delete state.results[id];
  for (const id of Object.keys(state.failures)) if (!byId.has(id)) delete state.failures[id];
  for (const id of Object.keys(state.preflight)) if (!byId.has(id)) delete state.preflight[id];
  state.listing = [];
  state.next = null;
  state.listed = true;
}

async function listCustomers(api: ScanApi, state: ScanState, o: ScanOptions, report: () => void): Promise<void> {
  const now = o.now ?? Date.now;
  let restarted = false;
  for (let pages = 0; !state.listed; pages += 1) {
    const current = state.next;
    const r = await api.getCustomersPage(current, { signal: o.signal });
    if (isAborted(r, o.signal)) return;
    if (!r.ok) {
      // A stored continuation token may have expired while the browser was closed: start over once.
      if (current !== null && !restarted) {
        restarted = true;
        state.next = null;
        state.listing = [];
        continue;
      }
      state.listFailure = failureOf(r.error, now());
      return;
    }
    for (const c of r.data.items) state.listing.push({ id: c.id, name: c.companyProfile?.companyName ?? '' });
    const next = r.data.next;
    const key = (l: CustomersPageLike['next']) => l && JSON.stringify([l.path, l.headers ?? []]);
    const repeats = next !== null && key(next) === key(current);
    if (next && (repeats || pages >= MAX_PAGES)) {
      state.listFailure = { failedAt: now(), reason: 'malformed', description: 'paging does not end' };
      return;
    }
    if (next) state.next = { path: next.path, headers: (next.headers ?? []).map(({ key, value }) => ({ key, value })) };
    else finishListing(state);
    report();
  }
}

/**
 * Runs (or resumes, or refreshes: see refreshScan) a scan from `saved` and resolves with where it
 * ended. A customer whose read fails is recorded with the reason and the scan goes on; a customer
 * list that cannot be read ends the scan with `listFailure` (after using the last complete list).
 */
export async function runScan(api: ScanApi, saved: ScanState, options: ScanOptions): Promise<ScanOutcome> {
  const state = structuredClone(saved);
  const now = options.now ?? Date.now;
  const { signal } = options;
  let phase: ScanProgress['phase'] = 'listing';
  const report = () => options.onProgress?.(progressOf(state, phase), state);
  const end = (final: ScanProgress['phase']): ScanOutcome => {
    phase = final;
    report();
    return { state, progress: progressOf(state, final) };
  };

  state.listFailure = null;
  await listCustomers(api, state, options, report);
  if (signal?.aborted) return end('stopped');

  phase = 'reading';
  const todo = state.customers.filter((c) => needsRead(state, c.id));
  let nextIndex = 0;
  const worker = async () => {
    for (let c = todo[nextIndex++]; c && !signal?.aborted; c = todo[nextIndex++]) {
      const r = await api.listSubscriptions(c.id, { signal });
      if (isAborted(r, signal)) return;
      if (r.ok) {
        state.results[c.id] = { readAt: now(), retiring: findRetiring(options.catalog, r.data) };
        delete state.failures[c.id];
      } else {
        // An older result stays beside the failure: still worth showing, and the failure says it is not fresh.
        state.failures[c.id] = failureOf(r.error, now());
      }
      report();
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? SCAN_MAX_IN_FLIGHT, todo.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (signal?.aborted) return end('stopped');
  // Every customer was read or failed in this run; only a listing that failed leaves work behind.
  if (state.listed) state.redo = null;
  return end('done');
}

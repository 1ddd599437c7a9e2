import * as z from 'zod/mini';
import { CustomerPreflight } from './preflight-state';

/**
 * The scan's whole state as plain data: the background stores it in IndexedDB after every step and
 * checks it with `ScanState` when reading it back (a record written by an older version, a disk
 * error), so a reload or a browser restart continues where the scan stopped instead of starting again.
 */

const text = z.string().check(z.minLength(1));
const time = z.number().check(z.minimum(0));

/** A page request to come: the path and the MS-ContinuationToken the API handed out (lib/api Target). */
export const PageLink = z.object({
  path: text,
  headers: z.optional(z.array(z.object({ key: text, value: z.string() }))),
});

export const CustomerEntry = z.object({ id: text, name: z.string() });

/** What the worklist keeps of one retiring subscription (days left are counted when shown). */
export const RetiringSubscription = z.object({
  subscriptionId: text,
  offerId: text,
  offerName: z.string(),
  quantity: z.number(),
  /** YYYY-MM-DD, inclusive; null when the API gave none. */
  endDate: z.nullable(z.string()),
  autoRenew: z.nullable(z.boolean()),
  /** The catalog's retirement and retired offer it matched. */
  retirementId: text,
  retiredOfferKey: text,
});

export const CustomerResult = z.object({
  /** When the subscriptions were read: a refresh re-reads results older than its limit. */
  readAt: time,
  retiring: z.array(RetiringSubscription),
});

/** A read that failed after the client's own retries: listed with why, and read again on refresh. */
export const CustomerFailure = z.object({
  failedAt: time,
  /** lib/api's ApiErrorKind ('throttled', 'forbidden', 'server', ...). */
  reason: text,
  status: z.optional(z.number()),
  description: z.optional(z.string()),
});

/** The scan as version 1 stored it (before pre-flight): still read, and upgraded by `upgradeScan`. */
export const ScanStateV1 = z.object({
  version: z.literal(1),
  startedAt: time,
  /** Customer listing: the next page to read, or null to read the first (again). */
  next: z.nullable(PageLink),
  /** The customers read so far by the listing under way; they replace `customers` when it ends. */
  listing: z.array(CustomerEntry),
  /** False while customer pages remain to be read. */
  listed: z.boolean(),
  /** Every customer of the last complete listing, in the API's order. */
  customers: z.array(CustomerEntry),
  results: z.record(z.string(), CustomerResult),
  failures: z.record(z.string(), CustomerFailure),
  /** Why the customer list itself could not be read, if it could not. */
  listFailure: z.nullable(CustomerFailure),
  /** Set by a refresh: results read before `resultsBefore`, failures before `failuresBefore`, are read again. */
  redo: z.nullable(z.object({ resultsBefore: time, failuresBefore: time })),
});

export const ScanState = z.extend(ScanStateV1, {
  version: z.literal(2),
  /** Each customer's last pre-flight check, with its time. */
  preflight: z.record(z.string(), CustomerPreflight),
  /**
   * A pre-flight pass over the whole list under way or stopped. The agent's pass ('all', the default
   * of older records) checks again every customer checked before `startedAt`; the one that follows a
   * scan ('stale') only those whose check is missing, failed or older than their subscriptions' read.
   */
  preflightPass: z.nullable(z.object({ startedAt: time, scope: z.optional(z.enum(['all', 'stale'])) })),
});

export type PageLink = z.infer<typeof PageLink>;
export type CustomerEntry = z.infer<typeof CustomerEntry>;
export type RetiringSubscription = z.infer<typeof RetiringSubscription>;
export type CustomerResult = z.infer<typeof CustomerResult>;
export type CustomerFailure = z.infer<typeof CustomerFailure>;
export type ScanState = z.infer<typeof ScanState>;

export function newScan(now: number): ScanState {
  return {
    version: 2,
    preflight: {},
    preflightPass: null,
    startedAt: now,
    next: null,
    listing: [],
    listed: false,
    customers: [],
    results: {},
    failures: {},
    listFailure: null,
    redo: null,
  };
}

/**
 * A stored scan of either version, or null when it fits neither. A version 1 scan keeps every result
 * and gains an empty pre-flight: its customers show as not checked until the agent checks them.
 */
export function upgradeScan(stored: unknown): ScanState | null {
  const current = ScanState.safeParse(stored);
  if (current.success) return current.data;
  const old = ScanStateV1.safeParse(stored);
  return old.success ? { ...old.data, version: 2, preflight: {}, preflightPass: null } : null;
}

/**
 * A refresh of a finished (or stopped) scan: the customer list is read again (new customers join,
 * gone ones leave), and only results older than `maxAgeMs` and failed customers are read again.
 * Old results stay visible until their new read lands.
 */
export function refreshScan(state: ScanState, now: number, maxAgeMs: number): ScanState {
  return {
    ...state,
    next: null,
    listing: [],
    listed: false,
    listFailure: null,
    redo: { resultsBefore: now - maxAgeMs, failuresBefore: now },
  };
}

/** Whether the scan still has to read this customer's subscriptions. */
export function needsRead(state: ScanState, customerId: string): boolean {
  const result = state.results[customerId];
  const failure = state.failures[customerId];
  if (!result && !failure) return true;
  if (!state.redo) return false;
  if (failure) return failure.failedAt < state.redo.failuresBefore;
  return result !== undefined && result.readAt < state.redo.resultsBefore;
}

/**
 * Whether nothing is left to read: the listing finished and every listed customer read (or failed)
 * in this run. A first scan stopped after its listing has no `redo` yet still customers to read.
 */
export function isFinished(state: ScanState): boolean {
  return state.listed && state.customers.every((c) => !needsRead(state, c.id));
}

/** When the stored reads were answered (each one request at least): what a restarted scheduler counts as spent. */
export function readTimes(state: ScanState): number[] {
  return [...Object.values(state.results).map((r) => r.readAt), ...Object.values(state.failures).map((f) => f.failedAt)];
}

/** Where the scan stands: what the progress bar and its counts show. */
export interface ScanProgress {
  phase: 'listing' | 'reading' | 'done' | 'stopped';
  /** Customers whose subscriptions are read (or failed) and need no read in this run. */
  customersRead: number;
  /** Customers known: those listed so far while the first listing runs, then the last complete list. */
  customersTotal: number;
  /** Retiring subscriptions found so far, and the customers that have any. */
  retiringFound: number;
  customersWithRetiring: number;
  failed: number;
}

export function progressOf(state: ScanState, phase: ScanProgress['phase']): ScanProgress {
  const list = state.listed ? state.customers : state.customers.length > 0 ? state.customers : state.listing;
  let customersRead = 0;
  let retiringFound = 0;
  let customersWithRetiring = 0;
  for (const c of list) {
    if (!needsRead(state, c.id)) customersRead += 1;
    const n = state.results[c.id]?.retiring.length ?? 0;
    retiringFound += n;
    if (n > 0) customersWithRetiring += 1;
  }
  const failed = list.filter((c) => state.failures[c.id]).length;
  return { phase, customersRead, customersTotal: list.length, retiringFound, customersWithRetiring, failed };
}

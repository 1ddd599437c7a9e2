import { joinQueue, type Limiter } from '@/lib/api';

/**
 * The scan's request scheduler: one gate that every HTTP request of the scan passes (it is the
 * session client's `limiter`, so paging, retries and each customer's reads all count). It admits a
 * request only when
 * - fewer than `maxInFlight` are in flight (a tenant of 2,000 customers must not open 2,000 sockets),
 * - fewer than `perWindow` were sent in the last `windowMs` (a sliding window: Partner Center allows
 *   about 500 requests a minute per tenant for customers, subscriptions and orders, and the agent's
 *   own portal tab spends from the same budget, so the scan stays below it in every window), and
 * - no 429 asked everyone to wait: `pause(ms)` holds every request until the Retry-After has passed,
 *   one shared pause, so a throttled tenant gets silence instead of a burst of retries. Only the
 *   throttled request is tried again (lib/api/request.ts does that after its own wait).
 * Waiters are served first in, first out. Time comes from `timers`, so tests drive it with fake timers.
 */

export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerOptions {
  maxInFlight: number;
  perWindow: number;
  /** Length of the rolling window (default one minute). */
  windowMs?: number;
  timers?: Timers;
}

export interface Scheduler extends Limiter {
  /** Holds every request not yet sent until `ms` from now (a later end wins; pauses never add up). */
  pause(ms: number): void;
  /** The time (per `timers.now`) until which requests are held; in the past when not paused. */
  readonly pausedUntil: number;
  /** Requests sent within the current window. */
  readonly sentInWindow: number;
  /**
   * Counts requests sent before this scheduler existed (a restarted worker's predecessor, as its
   * stored scan recorded them) against the window, so a restart does not spend the budget twice.
   */
  spent(times: readonly number[]): void;
}

/** The scan's defaults: 90 % of the contract's 500 a minute leaves room for the agent's own portal tab. */
export const SCAN_MAX_IN_FLIGHT = 6;
export const SCAN_PER_MINUTE = 450;
export const MINUTE_MS = 60_000;

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function wholeAtLeastOne(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name} must be a whole number of at least 1`);
  return n;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const max = wholeAtLeastOne(options.maxInFlight, 'maxInFlight');
  const budget = wholeAtLeastOne(options.perWindow, 'perWindow');
  const windowMs = options.windowMs ?? MINUTE_MS;
  const timers = options.timers ?? realTimers;
  let active = 0;
  let pausedUntil = -Infinity;
  // Send times of the window, oldest first; never longer than `budget`.
  const sent: number[] = [];
  const queue: Array<() => void> = [];
  let wake: { handle: unknown; at: number } | null = null;

  const dropExpired = (now: number) => {
    while (sent.length > 0 && (sent[0] ?? 0) <= now - windowMs) sent.shift();
  };

  // One timer at most: the earliest moment a blocked waiter could go.
  const wakeAt = (at: number, now: number) => {
    if (wake && wake.at <= at) return;
    if (wake) timers.clearTimeout(wake.handle);
    const handle = timers.setTimeout(() => {
      wake = null;
      pump();
    }, Math.max(0, at - now));
    wake = { handle, at };
  };

  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      active -= 1;
      pump();
    };
  };

  function pump(): void {
    const now = timers.now();
    dropExpired(now);
    while (queue.length > 0 && active < max) {
      if (now < pausedUntil) return wakeAt(pausedUntil, now);
      if (sent.length >= budget) return wakeAt((sent[0] ?? now) + windowMs, now);
      const grant = queue.shift();
      active += 1;
      sent.push(now);
      grant?.();
    }
  }

  return {
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    get pausedUntil() {
      return pausedUntil;
    },
    get sentInWindow() {
      dropExpired(timers.now());
      return sent.length;
    },
    spent(times) {
      const now = timers.now();
      const earlier = times.filter((t) => t > now - windowMs && t <= now);
      // Only the newest `budget` sends matter: they hold the window longest.
      const merged = [...sent, ...earlier].sort((a, b) => a - b).slice(-budget);
      sent.splice(0, sent.length, ...merged);
      pump();
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, timers.now() + Math.max(0, ms));
    },
    acquire(signal) {
      if (signal?.aborted) return Promise.resolve(null);
      const waiting = joinQueue(queue, signal, releaser);
      pump();
      return waiting;
    },
  };
}

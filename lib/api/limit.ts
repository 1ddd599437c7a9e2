/**
 * A first-in first-out gate that lets at most `max` requests be in flight at once across one
 * client. The portal's own calls share the tenant's rate limit (about 500 requests a minute), so
 * a page that fans out over many users must queue rather than burst.
 */

export interface Limiter {
  /**
   * Waits for a free slot. Resolves with the function that frees it (call it exactly once; later
   * calls are ignored), or with null when `signal` aborts first; an aborted waiter leaves the queue.
   */
  acquire(signal?: AbortSignal): Promise<(() => void) | null>;
  /** Requests holding a slot now. */
  readonly active: number;
  /** Requests waiting for a slot now. */
  readonly waiting: number;
  /**
   * Told when a request was throttled (429) and waits `ms` before its retry. A limiter shared by many
   * requests (the worklist's scheduler) holds them all for that long; this one ignores it.
   */
  pause?(ms: number): void;
}

/**
 * Waits in `queue` (first in, first out) until its owner serves the entry, then resolves with a fresh
 * `release()`; resolves with null when `signal` aborts first, and the entry leaves the queue.
 * Shared by this limiter and the worklist's scheduler.
 */
export function joinQueue(
  queue: Array<() => void>,
  signal: AbortSignal | undefined,
  release: () => () => void,
): Promise<(() => void) | null> {
  return new Promise((resolve) => {
    const onAbort = () => {
      const at = queue.indexOf(grant);
      if (at >= 0) queue.splice(at, 1);
      resolve(null);
    };
    const grant = () => {
      signal?.removeEventListener('abort', onAbort);
      resolve(release());
    };
    queue.push(grant);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1) throw new RangeError('maxInFlight must be a whole number of at least 1');
  let active = 0;
  const queue: Array<() => void> = [];

  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queue.shift();
      // Hand the slot straight to the next waiter so the count never dips and lets a newcomer jump the queue.
      if (next) next();
      else active -= 1;
    };
  };

  return {
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    acquire(signal) {
      if (signal?.aborted) return Promise.resolve(null);
      if (active < max) {
        active += 1;
        return Promise.resolve(releaser());
      }
      return joinQueue(queue, signal, releaser);
    },
  };
}

/**
 * `inner` with one shared pause: after a 429 asks one request to wait, no request of this limiter is
 * sent until that time has passed (a slot already granted is held through the rest of the pause), so
 * a throttled endpoint gets silence rather than every other request bouncing off it too.
 */
export function withSharedPause(
  inner: Limiter,
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
  now: () => number = Date.now,
): Limiter {
  let pausedUntil = 0;
  return {
    get active() {
      return inner.active;
    },
    get waiting() {
      return inner.waiting;
    },
    async acquire(signal) {
      const release = await inner.acquire(signal);
      if (!release) return null;
      // Waited once, not in a loop: an injected sleep need not advance the clock.
      const left = pausedUntil - now();
      if (left > 0) await sleep(left, signal);
      if (signal?.aborted) {
        release();
        return null;
      }
      return release;
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, now() + Math.max(0, ms));
    },
  };
}

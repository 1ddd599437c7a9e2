/**
 * How long to wait before the next attempt. Throttling (429) says how long itself; server errors
 * and network failures back off exponentially with full jitter, so that many tabs retrying after
 * the same outage do not come back in lockstep.
 */

/** First backoff window; doubles per attempt. */
export const BACKOFF_BASE_MS = 500;
/** Largest backoff window. */
export const BACKOFF_CAP_MS = 16_000;
/** Longest wait a 429 may impose; a longer Retry-After is cut down to this (the limit is per minute). */
export const RETRY_AFTER_CAP_MS = 60_000;

/**
 * Full jitter: a uniform wait in [0, min(cap, base * 2^(attempt-1))). `attempt` counts from 1 (the
 * attempt that just failed); `random` returns [0, 1).
 */
export function backoffDelay(attempt: number, random: () => number): number {
  const window = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(window * r);
}

const TRY_AGAIN = /try again in (\d+(?:\.\d+)?) seconds?/i;

/**
 * The wait a 429 asks for, in ms: the `Retry-After` header (seconds or an HTTP date), else the
 * "Try again in N seconds" of the throttling body's message, capped at RETRY_AFTER_CAP_MS.
 * Undefined when neither says, so the caller falls back to backoff.
 */
export function retryAfterMs(header: string | null, message: string | undefined, now: number): number | undefined {
  const fromHeader = parseRetryAfter(header, now);
  if (fromHeader !== undefined) return Math.min(fromHeader, RETRY_AFTER_CAP_MS);
  const match = message ? TRY_AGAIN.exec(message) : null;
  if (match?.[1] !== undefined) return Math.min(Math.ceil(Number(match[1]) * 1000), RETRY_AFTER_CAP_MS);
  return undefined;
}

function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Resolves after `ms`, or early (without error) when `signal` aborts; the caller checks the signal. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffDelay, RETRY_AFTER_CAP_MS, retryAfterMs } from './retry';

describe('backoffDelay (full jitter)', () => {
  it('spans [0, base * 2^(n-1)) and stays under the cap', () => {
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const window = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
      expect(backoffDelay(attempt, () => 0)).toBe(0);
      expect(backoffDelay(attempt, () => 0.5)).toBe(Math.floor(window / 2));
      expect(backoffDelay(attempt, () => 0.999_999)).toBeLessThan(window);
      expect(backoffDelay(attempt, () => 0.999_999)).toBeGreaterThanOrEqual(window - 1);
    }
    expect(backoffDelay(30, () => 0.999_999)).toBeLessThan(BACKOFF_CAP_MS);
  });

  it('clamps a misbehaving random', () => {
    expect(backoffDelay(1, () => -5)).toBe(0);
    expect(backoffDelay(1, () => 7)).toBe(BACKOFF_BASE_MS);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-11-21T00:00:00Z');

  it('prefers the Retry-After header in seconds', () => {
    expect(retryAfterMs('7', 'Try again in 30 seconds.', now)).toBe(7000);
    expect(retryAfterMs(' 0 ', undefined, now)).toBe(0);
  });

  it('accepts an HTTP date', () => {
    expect(retryAfterMs('Sat, 21 Nov 2026 00:00:05 GMT', undefined, now)).toBe(5000);
    expect(retryAfterMs('Fri, 20 Nov 2026 00:00:05 GMT', undefined, now)).toBe(0);
  });

  it('falls back to the throttling message, then to nothing', () => {
    expect(retryAfterMs(null, 'Rate limit is exceeded. Try again in 12 seconds.', now)).toBe(12_000);
    expect(retryAfterMs('soon', 'Rate limit is exceeded. Try again in 1 second.', now)).toBe(1000);
    expect(retryAfterMs(null, 'Rate limit is exceeded.', now)).toBeUndefined();
    expect(retryAfterMs(null, undefined, now)).toBeUndefined();
  });

  it('caps long waits', () => {
    expect(retryAfterMs('3600', undefined, now)).toBe(RETRY_AFTER_CAP_MS);
    expect(retryAfterMs(null, 'Try again in 600 seconds.', now)).toBe(RETRY_AFTER_CAP_MS);
  });
});

import { describe, expect, it } from 'vitest';
import { createdSince, poll } from './verify';

describe('createdSince', () => {
  const intent = Date.parse('2026-11-21T10:00:00Z');
  it.each([
    ['2026-11-21T10:05:00Z', true],
    ['2026-11-21T09:59:00Z', true], // within two minutes of clock skew
    ['2026-11-21T09:50:00Z', false],
    ['2026-11-21', true], // a date without time counts from the intent's day
    ['2026-11-20', false],
    [null, false],
  ] as const)('%s → %s', (created, expected) => {
    expect(createdSince(created, intent)).toBe(expected);
  });
});

describe('poll', () => {
  it('returns the first value found', async () => {
    let n = 0;
    const value = await poll(async () => (++n === 3 ? 'ok' : null), {
      signal: new AbortController().signal,
      everyMs: 1,
      timeoutMs: 1000,
    });
    expect(value).toBe('ok');
    expect(n).toBe(3);
  });
  it('gives up with null when time runs out', async () => {
    const value = await poll(async () => null, { signal: new AbortController().signal, everyMs: 5, timeoutMs: 20 });
    expect(value).toBeNull();
  });
});

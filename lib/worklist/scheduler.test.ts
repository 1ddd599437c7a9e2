import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScheduler, type Timers } from './scheduler';
import { mostInAnyWindow } from './test-tenant';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Runs `count` jobs through the scheduler, each holding its slot for `holdMs`; records start times. */
function runJobs(scheduler: ReturnType<typeof createScheduler>, count: number, holdMs: number) {
  const starts: number[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const jobs = Array.from({ length: count }, async () => {
    const release = await scheduler.acquire();
    starts.push(Date.now());
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, holdMs));
    inFlight -= 1;
    release?.();
  });
  return { starts, done: Promise.all(jobs), mostInFlight: () => mostInFlight };
}

describe('createScheduler', () => {
  it('never sends more than the budget in any rolling window, and no faster than needed', async () => {
    const scheduler = createScheduler({ maxInFlight: 4, perWindow: 10 });
    const t0 = Date.now();
    const run = runJobs(scheduler, 35, 50);
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    await run.done;
    expect(run.starts).toHaveLength(35);
    expect(mostInAnyWindow(run.starts)).toBe(10);
    // 35 requests at 10 a minute: the last goes out early in the fourth minute (slots free every 50 ms).
    const last = (run.starts.at(-1) ?? 0) - t0;
    expect(last).toBeGreaterThanOrEqual(3 * 60_000);
    expect(last).toBeLessThanOrEqual(3 * 60_000 + 100);
  });

  it('never has more than maxInFlight requests in flight', async () => {
    const scheduler = createScheduler({ maxInFlight: 3, perWindow: 1000 });
    const run = runJobs(scheduler, 40, 120);
    await vi.advanceTimersByTimeAsync(10_000);
    await run.done;
    expect(run.mostInFlight()).toBe(3);
    expect(scheduler.active).toBe(0);
  });

  it('holds every request for a pause; a later 429 extends it, pauses never add up', async () => {
    const scheduler = createScheduler({ maxInFlight: 2, perWindow: 1000 });
    const t0 = Date.now();
    scheduler.pause(5_000);
    scheduler.pause(2_000);
    const run = runJobs(scheduler, 3, 10);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(run.starts).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    await run.done;
    expect(run.starts.map((t) => t - t0)).toEqual([5_000, 5_000, 5_010]);
  });

  it('serves the next waiter, not one aborted during a pause', async () => {
    const scheduler = createScheduler({ maxInFlight: 1, perWindow: 10 });
    scheduler.pause(1_000);
    const controller = new AbortController();
    const gone = scheduler.acquire(controller.signal);
    const kept = scheduler.acquire();
    controller.abort();
    expect(await gone).toBeNull();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(typeof (await kept)).toBe('function');
    expect({ active: scheduler.active, waiting: scheduler.waiting }).toEqual({ active: 1, waiting: 0 });
  });

  it('takes its time from injected timers', async () => {
    let now = 1_000;
    const pending: Array<{ at: number; run: () => void }> = [];
    const timers: Timers = {
      now: () => now,
      setTimeout: (run, ms) => pending.push({ at: now + ms, run }),
      clearTimeout: () => undefined,
    };
    const scheduler = createScheduler({ maxInFlight: 5, perWindow: 1, windowMs: 1_000, timers });
    (await scheduler.acquire())?.();
    let second = false;
    void scheduler.acquire().then(() => (second = true));
    await Promise.resolve();
    expect(second).toBe(false);
    expect(pending.map((p) => p.at)).toEqual([2_000]);
    now = 2_000;
    pending.shift()?.run();
    await Promise.resolve();
    expect(second).toBe(true);
  });

  it('counts the sends of a restarted predecessor against the window', async () => {
    const scheduler = createScheduler({ maxInFlight: 4, perWindow: 10 });
    const t0 = Date.now();
    // Eight reads in the last 30 s, two older than the window: only eight count.
    scheduler.spent([t0 - 70_000, t0 - 61_000, ...Array.from({ length: 8 }, (_, i) => t0 - 30_000 + i)]);
    expect(scheduler.sentInWindow).toBe(8);
    const run = runJobs(scheduler, 4, 10);
    await vi.advanceTimersByTimeAsync(1_000);
    // Two fit in the budget now; the next two wait until the predecessor's first reads leave the window.
    expect(run.starts.map((t) => t - t0)).toEqual([0, 0]);
    await vi.advanceTimersByTimeAsync(30_000);
    await run.done;
    expect(run.starts.map((t) => t - t0)).toEqual([0, 0, 30_000, 30_001]);
  });

  it('refuses a nonsensical size or budget', () => {
    expect(() => createScheduler({ maxInFlight: 0, perWindow: 1 })).toThrow(RangeError);
    expect(() => createScheduler({ maxInFlight: 1, perWindow: 0.5 })).toThrow(RangeError);
  });
});

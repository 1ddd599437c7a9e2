import { describe, expect, it } from 'vitest';
import { createLimiter, withSharedPause } from './limit';

describe('createLimiter', () => {
  it('admits up to max and then queues first in, first out', async () => {
    const limiter = createLimiter(2);
    const a = await limiter.acquire();
    const b = await limiter.acquire();
    expect(limiter.active).toBe(2);
    const order: string[] = [];
    const c = limiter.acquire().then((r) => (order.push('c'), r));
    const d = limiter.acquire().then((r) => (order.push('d'), r));
    expect(limiter.waiting).toBe(2);
    a?.();
    a?.(); // a second release of the same slot is ignored
    const releaseC = await c;
    expect(order).toEqual(['c']);
    expect(limiter.active).toBe(2);
    b?.();
    const releaseD = await d;
    expect(order).toEqual(['c', 'd']);
    releaseC?.();
    releaseD?.();
    expect(limiter.active).toBe(0);
  });

  it('drops a waiter whose signal aborts', async () => {
    const limiter = createLimiter(1);
    const held = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort();
    expect(await waiting).toBeNull();
    expect(limiter.waiting).toBe(0);
    held?.();
    expect(limiter.active).toBe(0);
    expect(await limiter.acquire(controller.signal)).toBeNull();
  });

  it('refuses a nonsensical size', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
  });
});

describe('withSharedPause', () => {
  it('holds every later acquisition until the pause ends, once, and lets an abort out', async () => {
    let now = 1000;
    const waits: number[] = [];
    const limiter = withSharedPause(
      createLimiter(2),
      async (ms) => {
        waits.push(ms);
        now += ms;
      },
      () => now,
    );
    (await limiter.acquire())?.();
    expect(waits).toEqual([]);
    limiter.pause?.(3000);
    limiter.pause?.(1000); // a shorter pause never cuts a longer one
    const release = await limiter.acquire();
    expect(waits).toEqual([3000]);
    release?.();
    expect(limiter.active).toBe(0);
    limiter.pause?.(500);
    const controller = new AbortController();
    controller.abort();
    expect(await limiter.acquire(controller.signal)).toBeNull();
    expect(limiter.active).toBe(0);
  });
});

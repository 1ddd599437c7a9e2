import { describe, expect, it } from 'vitest';
import { createLimiter } from './limit';

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

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimeLimitError, timeLimit } from './time-limit';

describe('timeLimit', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes on a value that arrives in time', async () => {
    const onLate = vi.fn();
    const answer = timeLimit(Promise.resolve(7), 1000, onLate);
    await expect(answer).resolves.toBe(7);
    await vi.advanceTimersByTimeAsync(2000);
    expect(onLate).not.toHaveBeenCalled();
  });

  it('passes on an error that arrives in time', async () => {
    const answer = timeLimit(Promise.reject(new Error('refused')), 1000);
    await expect(answer).rejects.toThrow('refused');
  });

  it('rejects once the time has passed with no answer', async () => {
    const answer = timeLimit(new Promise<number>(() => undefined), 1000);
    const outcome = answer.then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(999);
    let settled = false;
    void outcome.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBeInstanceOf(TimeLimitError);
  });

  it('hands a value that arrives too late to onLate, never to the caller', async () => {
    let arrive: (value: string) => void = () => undefined;
    const onLate = vi.fn();
    const answer = timeLimit(new Promise<string>((resolve) => (arrive = resolve)), 500, onLate);
    const caught = answer.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(500);
    arrive('connection');
    await vi.advanceTimersByTimeAsync(0);
    expect(await caught).toBeInstanceOf(TimeLimitError);
    expect(onLate).toHaveBeenCalledWith('connection');
  });
});

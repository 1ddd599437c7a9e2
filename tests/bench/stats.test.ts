import { describe, expect, it } from 'vitest';
import { summary } from './stats';

describe('bench summary', () => {
  it('takes the nearest-rank median and 95th percentile', () => {
    const values = Array.from({ length: 40 }, (_, i) => 40 - i);
    expect(summary(values)).toEqual({ median: 20, p95: 38, n: 40 });
    expect(summary([5])).toEqual({ median: 5, p95: 5, n: 1 });
  });
});

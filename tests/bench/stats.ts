/** Median and 95th percentile of a sample (nearest rank), rounded to 0.1 ms. */
export function summary(values: readonly number[]): { median: number; p95: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { median: round(rank(0.5)), p95: round(rank(0.95)), n: sorted.length };
}

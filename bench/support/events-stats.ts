/** Latency figures of `bench/events.bench.ts`, in ms. */

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Rounded to 0.01 (ms, ratios). */
export const round2 = (value: number): number => Math.round(value * 100) / 100;

/** Nearest-rank percentiles, rounded to 0.01 ms. */
export function percentiles(values: readonly number[]): LatencySummary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number): number =>
    round2(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!);
  return { p50: rank(50), p95: rank(95), p99: rank(99), max: round2(sorted[sorted.length - 1]!) };
}

/** a / b, rounded; null when either is missing or b is not positive. */
export const ratioOf = (a: number | undefined, b: number | undefined): number | null =>
  a === undefined || b === undefined || b <= 0 ? null : round2(a / b);

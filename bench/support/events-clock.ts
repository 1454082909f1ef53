/**
 * The clock every timestamp of `bench/events.bench.ts` uses, in every process: wall-clock epoch milliseconds with
 * sub-millisecond resolution (`performance.timeOrigin + performance.now()`). Processes on one machine agree on it
 * to a few microseconds ({@link wallClockSkewMs} measures this process's agreement with `Date.now()`), so a stamp
 * taken in one process can be subtracted from a stamp taken in another.
 */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * How far {@link wallClockMs} is from the system clock (`Date.now()`), in ms: the largest `Date.now() - now` seen in
 * `sampleMs` of sampling (Date.now() floors to the millisecond, so the maximum is the true offset). Close to 0.
 */
export function wallClockSkewMs(sampleMs = 20): number {
  let best = -Infinity;
  const end = performance.now() + sampleMs;
  while (performance.now() < end) {
    const now = wallClockMs();
    const offset = Date.now() - now;
    if (offset > best) best = offset;
  }
  return Math.round(best * 1000) / 1000;
}

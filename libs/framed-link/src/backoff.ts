export interface BackoffOptions {
  /** First delay. @default 100 */
  readonly initialMs?: number;
  /** Ceiling for any delay. @default 5000 */
  readonly maxMs?: number;
  /** Growth per attempt. @default 2 */
  readonly factor?: number;
  /** Fraction of the delay drawn at random either way, so many clients do not reconnect in step. @default 0.2 */
  readonly jitter?: number;
}

/** Capped exponential backoff with jitter: `attempt` 1 waits about `initialMs`, then `factor` times more each time. */
export function exponentialBackoff(options: BackoffOptions = {}): (attempt: number) => number {
  const { initialMs = 100, maxMs = 5000, factor = 2, jitter = 0.2 } = options;
  return (attempt) => {
    const base = Math.min(maxMs, initialMs * factor ** Math.max(0, attempt - 1));
    const spread = base * jitter * (Math.random() * 2 - 1);
    return Math.max(0, Math.min(maxMs, Math.round(base + spread)));
  };
}

/** What both platform clients retry with by default: about 100, 200, 400, ... ms, capped at 5 s, ±20 % jitter. */
export const DEFAULT_RETRY_STRATEGY = exponentialBackoff({ initialMs: 100, maxMs: 5000, jitter: 0.2 });

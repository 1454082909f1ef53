import { systemClock, type Clock } from '../clock';
import type { LoginAdmission, LoginAttempt, LoginThrottle, LoginThrottleLimits } from './login-throttle';

export interface MemoryLoginThrottleOptions extends LoginThrottleLimits {
  /** Counters kept at most; the least recently used idle ones are dropped first. @default 100000 */
  readonly maxEntries?: number;
}

interface Counter {
  failures: number;
  inFlight: number;
  windowStart: number;
  lockedUntil: number;
}

/** While the logins being checked fill a limit, a new one is asked to come back this soon. */
const IN_FLIGHT_RETRY_MS = 1_000;

/** Counters in this process only: the embedded default. */
export class MemoryLoginThrottle implements LoginThrottle {
  private readonly counters = new Map<string, Counter>();

  constructor(
    private readonly options: MemoryLoginThrottleOptions,
    private readonly now: Clock = systemClock,
  ) {}

  admit(userName: string, address: string): Promise<LoginAdmission> {
    const keys = [userKey(userName), addressKey(address)] as const;
    const limits = [this.options.userFailureLimit, this.options.addressFailureLimit] as const;
    const now = this.now();
    const counters = keys.map((key) => this.counter(key, now));
    const lockedUntil = Math.max(...counters.map((counter) => counter.lockedUntil));
    if (lockedUntil > now)
      return Promise.resolve({ admitted: false, reason: 'locked', retryAfterMs: lockedUntil - now });
    if (counters.some((counter, i) => counter.failures + counter.inFlight >= limits[i]!)) {
      return Promise.resolve({ admitted: false, reason: 'busy', retryAfterMs: IN_FLIGHT_RETRY_MS });
    }
    counters.forEach((counter) => counter.inFlight++);
    return Promise.resolve({ admitted: true, attempt: this.attempt(keys, limits) });
  }

  close(): Promise<void> {
    this.counters.clear();
    return Promise.resolve();
  }

  private attempt(keys: readonly [string, string], limits: readonly [number, number]): LoginAttempt {
    let ended = false;
    const end = (outcome: (counter: Counter, limit: number, isUser: boolean) => void): Promise<void> => {
      if (!ended) {
        ended = true;
        const now = this.now();
        keys.forEach((key, i) => {
          const counter = this.counter(key, now);
          counter.inFlight = Math.max(0, counter.inFlight - 1);
          outcome(counter, limits[i]!, i === 0);
        });
      }
      return Promise.resolve();
    };
    return {
      succeeded: () =>
        end((counter, _limit, isUser) => {
          if (isUser) counter.failures = 0;
        }),
      failed: () =>
        end((counter, limit) => {
          counter.failures++;
          if (counter.failures >= limit) counter.lockedUntil = this.now() + this.options.lockoutMs;
        }),
      abandoned: () => end(() => undefined),
    };
  }

  /** The key's counter, started afresh once its window is over; most recently used last (for eviction). */
  private counter(key: string, now: number): Counter {
    let counter = this.counters.get(key);
    if (counter === undefined) {
      counter = { failures: 0, inFlight: 0, windowStart: now, lockedUntil: 0 };
    } else if (
      counter.lockedUntil === 0 ? now - counter.windowStart > this.options.lockoutMs : counter.lockedUntil <= now
    ) {
      counter.failures = 0;
      counter.lockedUntil = 0;
      counter.windowStart = now;
    }
    this.counters.delete(key);
    this.counters.set(key, counter);
    this.evict();
    return counter;
  }

  private evict(): void {
    const max = this.options.maxEntries ?? 100_000;
    for (const [key, counter] of this.counters) {
      if (this.counters.size <= max) return;
      if (counter.inFlight === 0) this.counters.delete(key);
    }
  }
}

const userKey = (userName: string): string => `user:${userName.toLowerCase()}`;
const addressKey = (address: string): string => `addr:${address}`;

export interface LoginThrottleOptions {
  /** Failures of one user name before it is locked. */
  readonly userFailureLimit: number;
  /** Failures from one client address before it is locked (higher: many agents may share one NAT address). */
  readonly addressFailureLimit: number;
  readonly lockoutMs: number;
  /** Entries kept at most; the oldest are dropped first. @default 100000 */
  readonly maxEntries?: number;
}

interface Entry {
  failures: number;
  firstFailureAt: number;
  lockedUntil: number;
}

/**
 * Counts failed logins per user name and per client address within a lockout window and locks either once it reaches
 * its limit. A locked login is refused before the password is checked, so guessing costs the attacker the wait.
 */
export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly options: LoginThrottleOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until a login for this user from this address may be tried again; 0 when it may now. */
  lockedFor(userName: string, address: string): number {
    const now = this.now();
    const until = Math.max(this.lockedUntil(userKey(userName), now), this.lockedUntil(addressKey(address), now));
    return Math.max(0, until - now);
  }

  recordFailure(userName: string, address: string): void {
    this.fail(userKey(userName), this.options.userFailureLimit);
    this.fail(addressKey(address), this.options.addressFailureLimit);
  }

  /** A good password clears the user's count; the address keeps its own (other users behind it may be guessing). */
  recordSuccess(userName: string): void {
    this.entries.delete(userKey(userName));
  }

  private lockedUntil(key: string, now: number): number {
    const entry = this.entries.get(key);
    if (entry === undefined) return 0;
    if (entry.lockedUntil <= now && now - entry.firstFailureAt > this.options.lockoutMs) {
      this.entries.delete(key);
      return 0;
    }
    return entry.lockedUntil;
  }

  private fail(key: string, limit: number): void {
    const now = this.now();
    let entry = this.entries.get(key);
    if (entry === undefined || (entry.lockedUntil <= now && now - entry.firstFailureAt > this.options.lockoutMs)) {
      entry = { failures: 0, firstFailureAt: now, lockedUntil: 0 };
    }
    entry.failures++;
    if (entry.failures >= limit) entry.lockedUntil = now + this.options.lockoutMs;
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > (this.options.maxEntries ?? 100_000)) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }
}

const userKey = (userName: string): string => `user:${userName.toLowerCase()}`;
const addressKey = (address: string): string => `addr:${address}`;

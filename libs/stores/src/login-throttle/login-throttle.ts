/** Limits of a {@link LoginThrottle}. */
export interface LoginThrottleLimits {
  /** Guesses at one user name (failed or still being checked) before it is locked. */
  readonly userFailureLimit: number;
  /** Guesses from one client address before it is locked (higher: many agents may share one NAT address). */
  readonly addressFailureLimit: number;
  /** How long a lock lasts, and the window in which failures add up. */
  readonly lockoutMs: number;
}

/** The verdict on a login before its password is checked. */
export type LoginAdmission =
  | { readonly admitted: true; readonly attempt: LoginAttempt }
  | {
      readonly admitted: false;
      /** `locked`: the failures reached a limit; `busy`: logins still being checked fill it for now. */
      readonly reason: 'locked' | 'busy';
      /** Milliseconds until a login may be tried again. */
      readonly retryAfterMs: number;
    };

/** One admitted login, counted as a guess from admission until it ends one of three ways. */
export interface LoginAttempt {
  /** The password was right: the user's count is cleared; the address keeps its own (others may guess behind it). */
  succeeded(): Promise<void>;
  /** The password was wrong: the attempt stays counted as a failure, and may lock the user or the address. */
  failed(): Promise<void>;
  /** Nothing was learned (the Configuration Server did not answer): the attempt is not counted. */
  abandoned(): Promise<void>;
}

/**
 * Counts guesses per user name and per client address. A login is admitted only while failures plus logins still
 * being checked stay under both limits, so a burst of parallel guesses gets at most the limit's worth checked; a
 * locked login is refused before its password is checked, so guessing costs the attacker the wait. Shared by every
 * node of a cluster (the Redis implementation), so the limits hold across nodes.
 */
export interface LoginThrottle {
  admit(userName: string, address: string): Promise<LoginAdmission>;
  close(): Promise<void>;
}

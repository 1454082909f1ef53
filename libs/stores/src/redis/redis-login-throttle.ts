import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../clock';
import type {
  LoginAdmission,
  LoginAttempt,
  LoginThrottle,
  LoginThrottleLimits,
} from '../login-throttle/login-throttle';
import { luaScript } from './lua-script';
import type { RedisClient, RedisLink } from './redis-link';

export interface RedisLoginThrottleOptions extends LoginThrottleLimits {
  /**
   * How long an admitted login counts while it is checked at most: the slot of a login whose node died before it
   * ended comes free after this. Longer than any password check. @default 60000
   */
  readonly pendingMs?: number;
}

/** While the logins being checked fill a limit, a new one is asked to come back this soon (as in memory). */
const IN_FLIGHT_RETRY_MS = 1_000;

/** The keys of one counted subject (a user name or a client address); one hash tag, so one script holds them all. */
interface Subject {
  readonly keys: readonly [pending: string, failed: string, locked: string];
  readonly limit: number;
}

type Verdict = { readonly admitted: true } | { readonly admitted: false; readonly lockedUntil: number };

/**
 * Login counting shared by every node. Per subject, `<prefix>{login:user:<name>}` (name lower-cased) or
 * `<prefix>{login:addr:<address>}`, three keys:
 * - `…:pending`, a sorted set of the attempt ids being checked, by when their slot comes free (`pendingMs`);
 * - `…:failed`, a sorted set of failed attempt ids, by when they stop counting (failure time + lockoutMs);
 * - `…:locked`, a string: until when the subject is locked, PEXPIRE at that time.
 * Admission is one script per subject: the user first, then the address, and if the address refuses, the user's new
 * pending entry is removed again. Each script counts and admits in one step, so parallel admissions from any number
 * of nodes never get more than the limit in. Failures add up over a sliding window of lockoutMs.
 */
export class RedisLoginThrottle implements LoginThrottle {
  private readonly client: RedisClient;
  private readonly prefix: string;
  private readonly pendingMs: number;

  constructor(
    link: RedisLink,
    private readonly now: Clock = systemClock,
    private readonly options: RedisLoginThrottleOptions,
  ) {
    this.client = link.client;
    this.prefix = link.prefix;
    this.pendingMs = options.pendingMs ?? 60_000;
  }

  async admit(userName: string, address: string): Promise<LoginAdmission> {
    const user = this.subject(`user:${userName.toLowerCase()}`, this.options.userFailureLimit);
    const client = this.subject(`addr:${address}`, this.options.addressFailureLimit);
    const id = randomUUID();
    const now = this.now();
    const forUser = await this.admitOne(user, id, now);
    if (!forUser.admitted) return refusal(now, forUser.lockedUntil, await this.lockedUntil(client));
    let forAddress: Verdict;
    try {
      forAddress = await this.admitOne(client, id, now);
    } catch (error) {
      await this.end(user, id, 'abandoned').catch(() => undefined);
      throw error;
    }
    if (!forAddress.admitted) {
      await this.end(user, id, 'abandoned');
      return refusal(now, 0, forAddress.lockedUntil);
    }
    return { admitted: true, attempt: this.attempt(user, client, id) };
  }

  close(): Promise<void> {
    // Nothing of its own to close: the link's connections belong to whoever made the link.
    return Promise.resolve();
  }

  private attempt(user: Subject, client: Subject, id: string): LoginAttempt {
    let ended = false;
    const end = async (userOutcome: Outcome, addressOutcome: Outcome): Promise<void> => {
      if (ended) return;
      ended = true;
      await Promise.all([this.end(user, id, userOutcome), this.end(client, id, addressOutcome)]);
    };
    return {
      // The address keeps its count: others may be guessing behind the same address.
      succeeded: () => end('succeeded', 'abandoned'),
      failed: () => end('failed', 'failed'),
      abandoned: () => end('abandoned', 'abandoned'),
    };
  }

  private async admitOne(subject: Subject, id: string, now: number): Promise<Verdict> {
    const reply = await admit(
      this.client,
      ...subject.keys,
      String(now),
      String(subject.limit),
      id,
      String(now + this.pendingMs),
    );
    if (reply === 'admitted') return { admitted: true };
    return { admitted: false, lockedUntil: typeof reply === 'string' ? Number(reply) : 0 };
  }

  private async end(subject: Subject, id: string, outcome: Outcome): Promise<void> {
    const now = this.now();
    await endAttempt(
      this.client,
      ...subject.keys,
      id,
      outcome,
      String(now),
      String(now + this.options.lockoutMs),
      String(this.options.lockoutMs),
      String(subject.limit),
    );
  }

  private async lockedUntil(subject: Subject): Promise<number> {
    return Number((await this.client.get(subject.keys[2])) ?? 0);
  }

  private subject(name: string, limit: number): Subject {
    const base = `${this.prefix}{login:${name}}`;
    return { keys: [`${base}:pending`, `${base}:failed`, `${base}:locked`], limit };
  }
}

type Outcome = 'succeeded' | 'failed' | 'abandoned';

/** As the memory throttle: the later lock wins; with neither locked, logins being checked fill a limit. */
function refusal(now: number, ...lockedUntil: number[]): LoginAdmission {
  const until = Math.max(...lockedUntil);
  if (until > now) return { admitted: false, reason: 'locked', retryAfterMs: until - now };
  return { admitted: false, reason: 'busy', retryAfterMs: IN_FLIGHT_RETRY_MS };
}

/**
 * KEYS: pending, failed, locked. ARGV: now, limit, attempt id, pending until. 'admitted'; else the locked-until time
 * while locked, or 'busy'. Entries whose time is up are dropped first, so the count is of what counts now.
 */
const admit = luaScript<string>(
  `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
local lockedUntil = redis.call('GET', KEYS[3])
if lockedUntil and tonumber(lockedUntil) > tonumber(ARGV[1]) then return lockedUntil end
if redis.call('ZCARD', KEYS[1]) + redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then return 'busy' end
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIRE', KEYS[1], math.max(1, math.floor(tonumber(latest[2]) - tonumber(ARGV[1]))))
return 'admitted'
`,
  3,
);

/**
 * KEYS: pending, failed, locked. ARGV: attempt id, outcome, now, now + lockoutMs, lockoutMs, limit. Frees the
 * attempt's slot; a failure then counts until lockoutMs from now and locks the subject once failures reach the limit;
 * a success clears the failures.
 */
const endAttempt = luaScript<number>(
  `
redis.call('ZREM', KEYS[1], ARGV[1])
if ARGV[2] == 'failed' then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
  redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
  redis.call('PEXPIRE', KEYS[2], ARGV[5])
  if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[6]) then
    redis.call('SET', KEYS[3], ARGV[4], 'PX', ARGV[5])
  end
elseif ARGV[2] == 'succeeded' then
  redis.call('DEL', KEYS[2])
end
return 1
`,
  3,
);

import { systemClock, type Clock } from '../clock';
import type { JsonObject } from '../json';
import type { SessionStore, StoredSession } from '../session-store/session-store';
import { luaScript } from './lua-script';
import type { RedisClient, RedisLink } from './redis-link';

/**
 * Sessions shared by every node. Keys (each script touches one key, so every step is atomic in a Cluster too):
 * - `<prefix>{s:<id>}:session`, a hash (userId, userName, csrfToken, createdAt, expiresAt, data as JSON), PEXPIRE
 *   at its expiry: the session itself, the one source of truth for whether it lives.
 * - `<prefix>{u:<userId>}:sessions`, a sorted set of session ids by expiry, PEXPIRE at its latest: `listByUser`.
 * - `<prefix>sessions:expiry`, a sorted set of `[userId, id]` (JSON) by expiry, no TTL: how `sweepExpired` finds the
 *   expired sessions without visiting every user; `sweepExpired` and `delete` trim it.
 * Expiry is always judged by the injected clock against the stored `expiresAt`; the Redis TTLs (durations from that
 * clock) only free memory of sessions nobody touches again.
 */
export class RedisSessionStore implements SessionStore {
  private readonly prefix: string;
  private readonly client: RedisClient;

  constructor(
    link: RedisLink,
    private readonly now: Clock = systemClock,
  ) {
    this.prefix = link.prefix;
    this.client = link.client;
  }

  async create(session: StoredSession): Promise<void> {
    const now = String(this.now());
    const expiresAt = String(session.expiresAt);
    await Promise.all([
      writeSession(
        this.client,
        this.sessionKey(session.id),
        now,
        session.userId,
        session.userName,
        session.csrfToken,
        String(session.createdAt),
        expiresAt,
        JSON.stringify(session.data),
      ),
      indexSession(this.client, this.userKey(session.userId), now, expiresAt, session.id, 'add'),
      this.client.zadd(this.expiryKey(), expiresAt, expiryMember(session.userId, session.id)),
    ]);
  }

  async get(id: string): Promise<StoredSession | undefined> {
    const session = decode(id, await this.client.hgetall(this.sessionKey(id)));
    return session !== undefined && session.expiresAt > this.now() ? session : undefined;
  }

  async touch(id: string, expiresAt: number): Promise<boolean> {
    const now = String(this.now());
    const userId = await touchSession(this.client, this.sessionKey(id), now, String(expiresAt));
    if (typeof userId !== 'string') return false;
    // Only entries still there move: a concurrent delete or sweep has already removed the session's traces.
    await Promise.all([
      indexSession(this.client, this.userKey(userId), now, String(expiresAt), id, 'move'),
      this.client.zadd(this.expiryKey(), 'XX', String(expiresAt), expiryMember(userId, id)),
    ]);
    return true;
  }

  async update(id: string, data: JsonObject): Promise<boolean> {
    const updated = await updateData(this.client, this.sessionKey(id), String(this.now()), JSON.stringify(data));
    return updated === 1;
  }

  async delete(id: string): Promise<boolean> {
    const userId = await deleteSession(this.client, this.sessionKey(id));
    if (typeof userId !== 'string') return false;
    await this.forget(userId, id);
    return true;
  }

  async listByUser(userId: string): Promise<StoredSession[]> {
    const now = this.now();
    const ids = await this.client.zrangebyscore(this.userKey(userId), `(${now}`, '+inf');
    const found = await Promise.all(ids.map(async (id) => decode(id, await this.client.hgetall(this.sessionKey(id)))));
    return found
      .filter((session): session is StoredSession => session?.userId === userId && session.expiresAt > now)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  async sweepExpired(): Promise<number> {
    const now = String(this.now());
    let removed = 0;
    for (;;) {
      const members = await this.client.zrangebyscore(this.expiryKey(), '-inf', now, 'LIMIT', 0, SWEEP_BATCH);
      const counts = await Promise.all(members.map((member) => this.sweepOne(member, now)));
      removed += counts.reduce((sum, count) => sum + count, 0);
      if (members.length < SWEEP_BATCH) return removed;
    }
  }

  close(): Promise<void> {
    // Nothing of its own to close: the link's connections belong to whoever made the link.
    return Promise.resolve();
  }

  /**
   * Deletes one session found expired in the expiry index, unless a touch has just revived it (then its entry takes
   * the session's real expiry, so the sweep moves on). 1 when this call removed it (two nodes sweeping count it once).
   */
  private async sweepOne(member: string, now: string): Promise<number> {
    const [userId, id] = parseExpiryMember(member);
    const live = await deleteIfExpired(this.client, this.sessionKey(id), now);
    if (typeof live === 'string') {
      await this.client.zadd(this.expiryKey(), 'XX', live, member);
      return 0;
    }
    const [removed] = await Promise.all([
      this.client.zrem(this.expiryKey(), member),
      this.client.zrem(this.userKey(userId), id),
    ]);
    return removed;
  }

  private async forget(userId: string, id: string): Promise<void> {
    await Promise.all([
      this.client.zrem(this.userKey(userId), id),
      this.client.zrem(this.expiryKey(), expiryMember(userId, id)),
    ]);
  }

  private sessionKey(id: string): string {
    return `${this.prefix}{s:${id}}:session`;
  }

  private userKey(userId: string): string {
    return `${this.prefix}{u:${userId}}:sessions`;
  }

  private expiryKey(): string {
    return `${this.prefix}sessions:expiry`;
  }
}

/** Expired sessions a sweep reads from the expiry index at a time. */
const SWEEP_BATCH = 500;

const expiryMember = (userId: string, id: string): string => JSON.stringify([userId, id]);

function parseExpiryMember(member: string): [string, string] {
  const parsed: unknown = JSON.parse(member);
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') {
    throw new Error(`malformed session expiry entry: ${member}`);
  }
  return [parsed[0], parsed[1]];
}

function decode(id: string, fields: Record<string, string>): StoredSession | undefined {
  const { userId, userName, csrfToken, createdAt, expiresAt, data } = fields;
  if (userId === undefined || userName === undefined || csrfToken === undefined || data === undefined) {
    return undefined;
  }
  return {
    id,
    userId,
    userName,
    csrfToken,
    createdAt: Number(createdAt),
    expiresAt: Number(expiresAt),
    data: JSON.parse(data) as JsonObject,
  };
}

// Scripts take `now` (the injected clock) as ARGV[1]. A TTL is never below 1 ms: PEXPIRE 0 would delete at once,
// which the stored expiry already says more exactly.

/** KEYS: session. ARGV: now, userId, userName, csrfToken, createdAt, expiresAt, data. */
const writeSession = luaScript<null>(
  `
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'userId', ARGV[2], 'userName', ARGV[3], 'csrfToken', ARGV[4],
  'createdAt', ARGV[5], 'expiresAt', ARGV[6], 'data', ARGV[7])
redis.call('PEXPIRE', KEYS[1], math.max(1, math.floor(tonumber(ARGV[6]) - tonumber(ARGV[1]))))
`,
  1,
);

/** KEYS: session. ARGV: now, expiresAt. The session's userId, or nil when it is gone or expired. */
const touchSession = luaScript<string | null>(
  `
local expiresAt = redis.call('HGET', KEYS[1], 'expiresAt')
if not expiresAt or tonumber(expiresAt) <= tonumber(ARGV[1]) then return false end
redis.call('HSET', KEYS[1], 'expiresAt', ARGV[2])
redis.call('PEXPIRE', KEYS[1], math.max(1, math.floor(tonumber(ARGV[2]) - tonumber(ARGV[1]))))
return redis.call('HGET', KEYS[1], 'userId')
`,
  1,
);

/** KEYS: session. ARGV: now, data. 1 when replaced, 0 when the session is gone or expired. */
const updateData = luaScript<number>(
  `
local expiresAt = redis.call('HGET', KEYS[1], 'expiresAt')
if not expiresAt or tonumber(expiresAt) <= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'data', ARGV[2])
return 1
`,
  1,
);

/** KEYS: session. The deleted session's userId, or nil when there was none. */
const deleteSession = luaScript<string | null>(
  `
local userId = redis.call('HGET', KEYS[1], 'userId')
if userId then redis.call('DEL', KEYS[1]) end
return userId
`,
  1,
);

/** KEYS: session. ARGV: now. Deletes it if expired; nil when it is gone now, else its (later) expiresAt. */
const deleteIfExpired = luaScript<string | null>(
  `
local expiresAt = redis.call('HGET', KEYS[1], 'expiresAt')
if expiresAt and tonumber(expiresAt) > tonumber(ARGV[1]) then return expiresAt end
redis.call('DEL', KEYS[1])
return false
`,
  1,
);

/**
 * KEYS: user index. ARGV: now, expiresAt, id, 'add' | 'move' (only an entry still there). Keeps the index's TTL at
 * its latest expiry.
 */
const indexSession = luaScript<number>(
  `
if ARGV[4] == 'move' and not redis.call('ZSCORE', KEYS[1], ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIRE', KEYS[1], math.max(1, math.floor(tonumber(latest[2]) - tonumber(ARGV[1]))))
return 1
`,
  1,
);

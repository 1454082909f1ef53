import { systemClock, type Clock } from '../clock';
import type {
  PushSessionProgress,
  PushSessionRecord,
  PushSessionStore,
} from '../push-session-store/push-session-store';
import { luaScript } from './lua-script';
import type { RedisLink } from './redis-link';

/**
 * Every script gets the time as ARGV[1], the new expiry time as ARGV[2] and the Redis TTL as ARGV[3]; a record whose
 * `expiresAt` is not after ARGV[1] counts as gone (the clock is the caller's, so Redis may not have dropped it yet).
 */
const LIVE = `
local expiresAt = redis.call('HGET', KEYS[1], 'expiresAt')
local live = expiresAt and tonumber(expiresAt) > tonumber(ARGV[1])
local function restart()
  redis.call('HSET', KEYS[1], 'updatedAt', ARGV[1], 'expiresAt', ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
`;

/** Replaces the record with the field/value pairs from ARGV[4]. */
const createSession = luaScript<number>(
  `${LIVE}
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
restart()
return 1`,
  1,
);

/**
 * If ARGV[4] holds the session, raises confirmedSeq to ARGV[5] and sentSeq to ARGV[6] where those are higher
 * (an empty string: not reported).
 */
const progressSession = luaScript<number>(
  `${LIVE}
if not live or redis.call('HGET', KEYS[1], 'nodeId') ~= ARGV[4] then return 0 end
local seqs = redis.call('HMGET', KEYS[1], 'confirmedSeq', 'sentSeq')
if ARGV[5] ~= '' and tonumber(ARGV[5]) > tonumber(seqs[1]) then redis.call('HSET', KEYS[1], 'confirmedSeq', ARGV[5]) end
if ARGV[6] ~= '' and tonumber(ARGV[6]) > tonumber(seqs[2]) then redis.call('HSET', KEYS[1], 'sentSeq', ARGV[6]) end
restart()
return 1`,
  1,
);

/** Makes ARGV[4] the holder; answers the record as it was. */
const claimSession = luaScript<string[] | null>(
  `${LIVE}
if not live then return false end
local before = redis.call('HGETALL', KEYS[1])
redis.call('HSET', KEYS[1], 'nodeId', ARGV[4])
restart()
return before`,
  1,
);

/** Deletes the record if it is live and ARGV[2] holds it (ARGV[1] is the time, as above); 1 if it did. */
const deleteSession = luaScript<number>(
  `${LIVE}
if not live or redis.call('HGET', KEYS[1], 'nodeId') ~= ARGV[2] then return 0 end
redis.call('DEL', KEYS[1])
return 1`,
  1,
);

/**
 * Bayeux sessions in Redis: the hash `<prefix>{c:<clientId>}:push-session` holds the record's fields and its
 * `expiresAt`, with a Redis TTL of `ttlMs` that `create`, `progress` and `claim` restart. Each change is one script
 * on that key, so `progress` compares the holder and raises the numbers in one step.
 */
export class RedisPushSessionStore implements PushSessionStore {
  constructor(
    private readonly link: RedisLink,
    private readonly now: Clock = systemClock,
  ) {}

  async create(record: Omit<PushSessionRecord, 'updatedAt'>, ttlMs: number): Promise<void> {
    const fields = [
      ['clientId', record.clientId],
      ['userId', record.userId],
      ['userName', record.userName],
      ['httpSessionId', record.httpSessionId],
      ['nodeId', record.nodeId],
      ['confirmedSeq', String(record.confirmedSeq)],
      ['sentSeq', String(record.sentSeq)],
      ['acknowledging', record.acknowledging ? '1' : '0'],
    ].flat();
    await createSession(this.link.client, this.key(record.clientId), ...this.times(ttlMs), ...fields);
  }

  async get(clientId: string): Promise<PushSessionRecord | undefined> {
    const fields = await this.link.client.hgetall(this.key(clientId));
    return Number(fields.expiresAt) > this.now() ? parse(fields) : undefined;
  }

  async holder(clientId: string): Promise<string | undefined> {
    const [nodeId, expiresAt] = await this.link.client.hmget(this.key(clientId), 'nodeId', 'expiresAt');
    return nodeId !== null && Number(expiresAt) > this.now() ? nodeId : undefined;
  }

  async progress(clientId: string, nodeId: string, progress: PushSessionProgress, ttlMs: number): Promise<boolean> {
    const reported = (seq: number | undefined): string => (seq === undefined ? '' : String(seq));
    const done = await progressSession(
      this.link.client,
      this.key(clientId),
      ...this.times(ttlMs),
      nodeId,
      reported(progress.confirmedSeq),
      reported(progress.sentSeq),
    );
    return done === 1;
  }

  async claim(clientId: string, nodeId: string, ttlMs: number): Promise<PushSessionRecord | undefined> {
    const before = await claimSession(this.link.client, this.key(clientId), ...this.times(ttlMs), nodeId);
    if (before === null) return undefined;
    const fields: Record<string, string> = {};
    for (let i = 0; i + 1 < before.length; i += 2) fields[before[i]!] = before[i + 1]!;
    return parse(fields);
  }

  async delete(clientId: string, nodeId: string): Promise<boolean> {
    return (await deleteSession(this.link.client, this.key(clientId), this.now(), nodeId)) === 1;
  }

  /** Nothing to close: the store made no connection of its own. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  /** now, the expiry time `ttlMs` from now, and the Redis TTL (a whole number of ms, at least 1). */
  private times(ttlMs: number): [number, number, number] {
    const now = this.now();
    return [now, now + ttlMs, Math.max(1, Math.ceil(ttlMs))];
  }

  private key(clientId: string): string {
    return `${this.link.prefix}{c:${clientId}}:push-session`;
  }
}

function parse(fields: Record<string, string>): PushSessionRecord {
  return {
    clientId: fields.clientId ?? '',
    userId: fields.userId ?? '',
    userName: fields.userName ?? '',
    httpSessionId: fields.httpSessionId ?? '',
    nodeId: fields.nodeId ?? '',
    confirmedSeq: Number(fields.confirmedSeq),
    sentSeq: Number(fields.sentSeq),
    acknowledging: fields.acknowledging === '1',
    updatedAt: Number(fields.updatedAt),
  };
}

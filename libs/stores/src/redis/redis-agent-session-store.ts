import type {
  AgentSessionCreateResult,
  AgentSessionRecord,
  AgentSessionStore,
} from '../agent-session-store/agent-session-store';
import { systemClock, type Clock } from '../clock';
import { luaScript } from './lua-script';
import type { RedisLink } from './redis-link';

/** What a record's `body` field holds: everything but the holder and the time, which change on their own. */
type Body = Omit<AgentSessionRecord, 'nodeId' | 'updatedAt'>;

/** `nodeId`, `updatedAt`, `body` of a record hash, as HMGET answers them. */
type Fields = [nodeId: string | null, updatedAt: string | null, body: string | null];

/** Stores the record unless there is one; answers the fields of the one there is. */
const createSession = luaScript<Fields | null>(
  `
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('HMGET', KEYS[1], 'nodeId', 'updatedAt', 'body') end
redis.call('HSET', KEYS[1], 'nodeId', ARGV[1], 'updatedAt', ARGV[2], 'body', ARGV[3])
return false`,
  1,
);

/** Moves the record from ARGV[1] to ARGV[2] if ARGV[1] holds it; answers its body, or nil. */
const claimSession = luaScript<string | null>(
  `
if redis.call('HGET', KEYS[1], 'nodeId') ~= ARGV[1] then return false end
redis.call('HSET', KEYS[1], 'nodeId', ARGV[2], 'updatedAt', ARGV[3])
return redis.call('HGET', KEYS[1], 'body')`,
  1,
);

/** Deletes the record if ARGV[1] holds it. */
const deleteSession = luaScript<number>(
  `
if redis.call('HGET', KEYS[1], 'nodeId') ~= ARGV[1] then return 0 end
return redis.call('DEL', KEYS[1])`,
  1,
);

/**
 * Agent sessions in Redis:
 * - `<prefix>{u:<userId>}:agent-session`, a hash (`nodeId`, `updatedAt`, `body`), no TTL, changed only by the
 *   scripts above: ownership moves by compare-and-set.
 * - `<prefix>node:<nodeId>:agent-sessions`, a set of user ids, no TTL: the records a node holds, for `listByNode`.
 * The set lies in another Redis Cluster slot, so it is updated in steps apart from the script, ordered so that the
 * holder's set always lists the user: the user is added to a node's set before the script names the node (a node
 * that dies in between still leaves its set complete) and again after (undoing a concurrent `unindex`); it is removed
 * only by `unindex`, which puts it back if the record names the node after all. A set may so list users its node no
 * longer holds; `listByNode` skips them and removes them.
 */
export class RedisAgentSessionStore implements AgentSessionStore {
  constructor(
    private readonly link: RedisLink,
    private readonly now: Clock = systemClock,
  ) {}

  async create(record: Omit<AgentSessionRecord, 'updatedAt'>): Promise<AgentSessionCreateResult> {
    const { nodeId, ...body } = record;
    await this.index(record.userId, nodeId);
    const existing = await createSession(
      this.link.client,
      this.key(record.userId),
      nodeId,
      this.now(),
      JSON.stringify(body),
    );
    if (existing === null) {
      await this.index(record.userId, nodeId);
      return { ok: true };
    }
    await this.unindex(record.userId, nodeId);
    const current = parse(existing);
    if (current === undefined) throw new Error(`agent session of ${record.userId}: record hash lacks fields`);
    return { ok: false, existing: current };
  }

  async get(userId: string): Promise<AgentSessionRecord | undefined> {
    return parse(await this.read(userId));
  }

  async claim(userId: string, fromNodeId: string, toNodeId: string): Promise<AgentSessionRecord | undefined> {
    await this.index(userId, toNodeId);
    const updatedAt = this.now();
    const body = await claimSession(this.link.client, this.key(userId), fromNodeId, toNodeId, updatedAt);
    if (body === null) {
      await this.unindex(userId, toNodeId);
      return undefined;
    }
    await this.index(userId, toNodeId);
    if (fromNodeId !== toNodeId) await this.unindex(userId, fromNodeId);
    return { ...(JSON.parse(body) as Body), nodeId: toNodeId, updatedAt };
  }

  async delete(userId: string, nodeId: string): Promise<boolean> {
    const deleted = (await deleteSession(this.link.client, this.key(userId), nodeId)) === 1;
    if (deleted) await this.unindex(userId, nodeId);
    return deleted;
  }

  async listByNode(nodeId: string): Promise<AgentSessionRecord[]> {
    const userIds = await this.link.client.smembers(this.indexKey(nodeId));
    const records = await Promise.all(userIds.map(async (userId) => parse(await this.read(userId))));
    const held = records.flatMap((record) => (record?.nodeId === nodeId ? [record] : []));
    const stale = userIds.filter((_userId, i) => records[i]?.nodeId !== nodeId);
    await Promise.all(stale.map((userId) => this.unindex(userId, nodeId)));
    return held;
  }

  /** Nothing to close: the store made no connection of its own. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  private read(userId: string): Promise<Fields> {
    return this.link.client.hmget(this.key(userId), 'nodeId', 'updatedAt', 'body') as Promise<Fields>;
  }

  private async index(userId: string, nodeId: string): Promise<void> {
    await this.link.client.sadd(this.indexKey(nodeId), userId);
  }

  /** Removes the user from the node's set unless the record names the node (checked after removing, see above). */
  private async unindex(userId: string, nodeId: string): Promise<void> {
    await this.link.client.srem(this.indexKey(nodeId), userId);
    if ((await this.link.client.hget(this.key(userId), 'nodeId')) === nodeId) await this.index(userId, nodeId);
  }

  private key(userId: string): string {
    return `${this.link.prefix}{u:${userId}}:agent-session`;
  }

  private indexKey(nodeId: string): string {
    return `${this.link.prefix}node:${nodeId}:agent-sessions`;
  }
}

function parse([nodeId, updatedAt, body]: Fields): AgentSessionRecord | undefined {
  if (nodeId === null || updatedAt === null || body === null) return undefined;
  return { ...(JSON.parse(body) as Body), nodeId, updatedAt: Number(updatedAt) };
}

import { systemClock, type Clock } from '../clock';
import type { NodeInfo, NodeRegistry } from '../node-registry/node-registry';
import { luaScript } from './lua-script';
import type { RedisLink } from './redis-link';

/** Deletes KEYS[1] (a node's entry) only while it is the incarnation started at ARGV[1]; returns 1 if it did. */
const leaveIncarnation = luaScript<number>(
  `local stored = redis.call('GET', KEYS[1])
if not stored then return 0 end
local ok, entry = pcall(cjson.decode, stored)
if not ok or type(entry.info) ~= 'table' or entry.info.startedAt ~= tonumber(ARGV[1]) then return 0 end
redis.call('DEL', KEYS[1])
return 1`,
  1,
);

/** What `<prefix>node:<nodeId>` holds. */
interface StoredNode {
  readonly info: NodeInfo;
  readonly expiresAt: number;
}

/**
 * Node entries in Redis: `<prefix>node:<nodeId>` (JSON of the info and its expiry time, PX the ttl) and
 * `<prefix>nodes` (sorted set nodeId -> expiry time), which `alive` trims of expired members and reads the entries
 * of, one GET each (they lie in different Redis Cluster slots). Expiry is judged by the stored time against the
 * injected clock; the Redis TTL only frees the memory.
 */
export class RedisNodeRegistry implements NodeRegistry {
  private readonly indexKey: string;

  constructor(
    private readonly link: RedisLink,
    private readonly now: Clock = systemClock,
  ) {
    this.indexKey = `${link.prefix}nodes`;
  }

  async heartbeat(info: NodeInfo, ttlMs: number): Promise<void> {
    const expiresAt = this.now() + ttlMs;
    const stored: StoredNode = { info, expiresAt };
    // Entry first: a member of `nodes` whose entry is not written yet is simply not listed.
    await this.link.client.set(this.key(info.nodeId), JSON.stringify(stored), 'PX', Math.max(1, Math.ceil(ttlMs)));
    await this.link.client.zadd(this.indexKey, expiresAt, info.nodeId);
  }

  async leave(nodeId: string, startedAt?: number): Promise<boolean> {
    const removed =
      startedAt === undefined
        ? (await this.link.client.del(this.key(nodeId))) > 0
        : (await leaveIncarnation(this.link.client, this.key(nodeId), startedAt)) === 1;
    // The member goes either way: one whose entry is gone is not listed, and `alive` would trim it at its expiry.
    if (removed || startedAt === undefined) await this.link.client.zrem(this.indexKey, nodeId);
    return removed;
  }

  async get(nodeId: string): Promise<NodeInfo | undefined> {
    return this.live(await this.link.client.get(this.key(nodeId)), this.now());
  }

  async alive(): Promise<NodeInfo[]> {
    const now = this.now();
    await this.link.client.zremrangebyscore(this.indexKey, '-inf', String(now));
    const nodeIds = await this.link.client.zrange(this.indexKey, '0', '-1');
    const entries = await Promise.all(nodeIds.map((nodeId) => this.link.client.get(this.key(nodeId))));
    return entries.flatMap((entry) => this.live(entry, now) ?? []);
  }

  /** Nothing to close: the store made no connection of its own. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  private key(nodeId: string): string {
    return `${this.link.prefix}node:${nodeId}`;
  }

  private live(entry: string | null, now: number): NodeInfo | undefined {
    if (entry === null) return undefined;
    const stored = JSON.parse(entry) as StoredNode;
    return stored.expiresAt > now ? stored.info : undefined;
  }
}

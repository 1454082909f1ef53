import { systemClock, type Clock } from '../clock';
import type { NodeInfo, NodeRegistry } from '../node-registry/node-registry';
import type { RedisLink } from './redis-link';

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

  async leave(nodeId: string): Promise<void> {
    await this.link.client.del(this.key(nodeId));
    await this.link.client.zrem(this.indexKey, nodeId);
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

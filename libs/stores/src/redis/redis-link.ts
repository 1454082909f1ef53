import type { Cluster, Redis } from 'ioredis';

/** A single Redis server (standalone or behind Sentinel) or a Redis Cluster. */
export type RedisClient = Redis | Cluster;

/**
 * The Redis connections one node's stores share. The stores never close `client` or `queued` (whoever made the
 * link does); each store closes the subscriber connections it made with `duplicate`.
 */
export interface RedisLink {
  /** Commands and scripts that fail at once while Redis is unreachable, so a REST request answers 503 at once. */
  readonly client: RedisClient;
  /**
   * Commands that must not be lost to a short outage (event appends): held while Redis is unreachable and sent, in
   * order, once it is back.
   */
  readonly queued: RedisClient;
  /** A new connection for SUBSCRIBE (a subscribed connection can send nothing else); the caller closes it. */
  duplicate(): RedisClient;
  /** Prefix of every key and channel, e.g. `gws:`. */
  readonly prefix: string;
}

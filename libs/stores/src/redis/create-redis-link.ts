import { EventEmitter } from 'node:events';
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { RedisClient, RedisLink } from './redis-link';

export interface RedisEndpoint {
  readonly host: string;
  readonly port: number;
}

/** Where Redis is (exactly one of `url`, `sentinels` with `sentinelName`, `clusterNodes`) and how to reach it. */
export interface RedisLinkOptions {
  /** A single server: `redis://[user:password@]host:port[/db]` or `rediss://…`. */
  readonly url?: string;
  /** Sentinels that name the current master of `sentinelName`. */
  readonly sentinels?: readonly RedisEndpoint[];
  readonly sentinelName?: string;
  /** Some nodes of a Redis Cluster; the rest are discovered. */
  readonly clusterNodes?: readonly RedisEndpoint[];
  /** Prefix of every key and channel. @default 'gws:' */
  readonly prefix?: string;
  /** How long one connection attempt may take. @default 2000 */
  readonly connectTimeoutMs?: number;
  /** How long a `client` command may wait for its reply on a connection that is up but silent. @default 5000 */
  readonly commandTimeoutMs?: number;
  /** Connection errors (each connection retries by itself; `onStatus` tells when `client` is up). */
  readonly onError?: (error: Error) => void;
}

/** A RedisLink this node made and owns: it closes it, and follows whether Redis is up for readiness. */
export interface OwnedRedisLink extends RedisLink {
  /** Whether `client` is connected and ready now. */
  readonly up: boolean;
  /** Calls `listener` each time `client` comes up or goes down; returns a function that stops it. */
  onStatus(listener: (up: boolean) => void): () => void;
  /** Resolves once `client` is ready; rejects after `timeoutMs` when given. */
  waitReady(timeoutMs?: number): Promise<void>;
  /** Closes `client`, `queued` and every connection `duplicate` made that is still open. Idempotent. */
  close(): Promise<void>;
}

/** Delay before reconnect attempt `attempt` (1, 2, …): growing, capped, and never giving up. */
export const redisReconnectDelay = (attempt: number): number => Math.min(100 * attempt, 2_000);

/** What a connection does while Redis is unreachable. */
interface OutageBehaviour {
  /** Hold commands until the connection is up (true), or refuse them at once (false). */
  readonly holdCommands: boolean;
  /** Reconnect attempts a held or in-flight command survives before it fails; null: any number. */
  readonly retries: number | null;
  readonly commandTimeoutMs?: number;
}

/**
 * Builds the connections of one node's Redis stores:
 * - `client` refuses commands at once while Redis is unreachable (no offline queue; a command in flight when the
 *   connection drops fails after one failed reconnect; a silent connection fails it after `commandTimeoutMs`), so a
 *   REST request answers 503 at once;
 * - `queued` holds commands while Redis is unreachable and sends them in order once it is back;
 * - `duplicate()` opens a connection like `client` except that commands sent before it is up (a new subscriber's
 *   SUBSCRIBE) wait for it through one reconnect attempt.
 * Every connection reconnects forever, `redisReconnectDelay` apart.
 */
export function createRedisLink(options: RedisLinkOptions): OwnedRedisLink {
  const connect = connectionFactory(options);
  const onError = options.onError ?? ((): void => undefined);
  const open = new Set<RedisClient>();
  const track = (connection: RedisClient): RedisClient => {
    // Without an error listener ioredis reports every failed reconnect on the console.
    connection.on('error', onError);
    open.add(connection);
    connection.once('end', () => open.delete(connection));
    return connection;
  };
  const commandTimeoutMs = options.commandTimeoutMs ?? 5_000;
  const client = track(connect({ holdCommands: false, retries: 1, commandTimeoutMs }));
  const queued = track(connect({ holdCommands: true, retries: null }));

  const status = new EventEmitter();
  let up = false;
  const follow = (now: boolean) => (): void => {
    if (up === now) return;
    up = now;
    status.emit('status', now);
  };
  client.on('ready', follow(true));
  client.on('close', follow(false));
  client.on('end', follow(false));

  let closing: Promise<void> | undefined;
  return {
    client,
    queued,
    prefix: options.prefix ?? 'gws:',
    duplicate: () => track(connect({ holdCommands: true, retries: 1 })),
    get up() {
      return up;
    },
    onStatus: (listener) => {
      status.on('status', listener);
      return () => status.off('status', listener);
    },
    waitReady: (timeoutMs) => waitReady(client, timeoutMs),
    close: () => {
      closing ??= Promise.all([...open].map((connection) => closeRedisClient(connection))).then(() => undefined);
      return closing;
    },
  };
}

/**
 * Quits a connection and resolves once it has ended (so closing it again does nothing); one that is not up is just
 * disconnected. Stores use it for the subscriber connections they made with `duplicate`.
 */
export async function closeRedisClient(connection: RedisClient): Promise<void> {
  if (connection.status === 'end') return;
  if (connection.status !== 'ready') {
    connection.disconnect();
    return;
  }
  // Not events.once: that rejects on the 'error' events a closing connection may emit.
  const ended = new Promise<void>((resolve) => connection.once('end', () => resolve()));
  try {
    await connection.quit();
  } catch {
    connection.disconnect();
  }
  await ended;
}

function connectionFactory(options: RedisLinkOptions): (behaviour: OutageBehaviour) => RedisClient {
  const { url, sentinels, sentinelName, clusterNodes } = options;
  const topologies = [url !== undefined, sentinels !== undefined, clusterNodes !== undefined].filter(Boolean);
  if (topologies.length !== 1) throw new Error('Redis: give exactly one of url, sentinels, clusterNodes');
  const redisOptions = (behaviour: OutageBehaviour): RedisOptions => ({
    connectTimeout: options.connectTimeoutMs ?? 2_000,
    enableOfflineQueue: behaviour.holdCommands,
    maxRetriesPerRequest: behaviour.retries,
    retryStrategy: redisReconnectDelay,
    ...(behaviour.commandTimeoutMs === undefined ? {} : { commandTimeout: behaviour.commandTimeoutMs }),
  });
  if (url !== undefined) return (behaviour) => new Redis(url, redisOptions(behaviour));
  if (sentinels !== undefined) {
    if (sentinelName === undefined) throw new Error('Redis: sentinels need sentinelName');
    return (behaviour) =>
      new Redis({
        ...redisOptions(behaviour),
        sentinels: sentinels.map(({ host, port }) => ({ host, port })),
        name: sentinelName,
        sentinelRetryStrategy: redisReconnectDelay,
      });
  }
  const nodes = (clusterNodes ?? []).map(({ host, port }) => ({ host, port }));
  return (behaviour) => {
    const clusterOptions: ClusterOptions = {
      enableOfflineQueue: behaviour.holdCommands,
      clusterRetryStrategy: redisReconnectDelay,
      redisOptions: redisOptions(behaviour),
    };
    return new Cluster(nodes, clusterOptions);
  };
}

function waitReady(client: RedisClient, timeoutMs?: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            client.off('ready', ready);
            reject(new Error(`Redis not ready after ${timeoutMs} ms`));
          }, timeoutMs);
    function ready(): void {
      clearTimeout(timer);
      resolve();
    }
    client.once('ready', ready);
  });
}

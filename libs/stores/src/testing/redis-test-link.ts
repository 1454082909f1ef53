import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { closeRedisClient } from '../redis/create-redis-link';
import type { RedisLink } from '../redis/redis-link';

/**
 * A RedisLink on one standalone test server, under a prefix of its own (random unless given) so that every contract
 * test gets an empty store namespace without flushing the server. Unlike a production link, `client` keeps its offline
 * queue: the link is made synchronously, and a test's first command must wait for the connection instead of failing.
 * `close` quits every connection it made, the `duplicate`d ones too (those a store closed already are skipped),
 * and is idempotent.
 */
export function redisTestLink(url: string, prefix?: string): RedisLink & { close(): Promise<void> } {
  const connections: Redis[] = [];
  const connect = (): Redis => {
    const connection = new Redis(url, { maxRetriesPerRequest: null });
    // A test that halts the server sees failed reconnects; without a listener ioredis prints each one.
    connection.on('error', () => undefined);
    connections.push(connection);
    return connection;
  };
  const client = connect();
  const queued = connect();
  let closed = false;
  return {
    client,
    queued,
    prefix: prefix ?? `t${randomBytes(6).toString('hex')}:`,
    duplicate: connect,
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all(connections.map((connection) => closeRedisClient(connection)));
    },
  };
}

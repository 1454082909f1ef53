import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import type { RedisLink } from '../redis/redis-link';

/**
 * A RedisLink on one standalone test server, under a prefix of its own (random unless given) so that every contract
 * test gets an empty store namespace without flushing the server. Unlike a production link, `client` keeps its offline
 * queue: the link is made synchronously, and a test's first command must wait for the connection instead of failing.
 * `close` quits every connection it made, the `duplicate`d ones too, and is idempotent.
 */
export function redisTestLink(url: string, prefix?: string): RedisLink & { close(): Promise<void> } {
  const connections: Redis[] = [];
  const connect = (): Redis => {
    const connection = new Redis(url, { maxRetriesPerRequest: null });
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
      await Promise.all(connections.map((connection) => quit(connection)));
    },
  };
}

/** QUIT where the connection is up; a connection already down (or a caller's own quit) just disconnects. */
async function quit(connection: Redis): Promise<void> {
  if (connection.status === 'end') return;
  try {
    await connection.quit();
  } catch {
    connection.disconnect();
  }
}

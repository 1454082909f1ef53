import { createServer, type Server, type ServerResponse } from 'node:http';
import { createRedisLink, redisReconnectDelay } from '@gws/stores';
import type { GwsConfig, RedisConfig } from '../config/gws-config';

/** Where the wait is told; the start-up pino logger fits. */
export interface StartLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/**
 * A node whose Redis is unreachable at start waits for it rather than exit: in a rolling deployment Redis and the
 * nodes start in any order, and an orchestrator would only restart an exiting node into the same wait. Meanwhile
 * the node's port answers `/health/live` 200 (the process is fine), `/health/ready` 503 and everything else 503 with
 * a GWS body, and the log says so once per reconnect attempt (`redisReconnectDelay` apart, capped at 2 s). Resolves
 * once Redis answers, with the port free again for the node itself. No-op without Redis.
 */
export async function waitForRedisAtStart(config: GwsConfig, log: StartLog): Promise<void> {
  if (config.redis === undefined) return;
  const where = redisWhere(config.redis);
  const link = createRedisLink(config.redis);
  let attempt = 0;
  let firstFailure: (() => void) | undefined;
  const failed = (error: Error): void => {
    attempt += 1;
    log.warn(
      { redis: where, attempt, retryInMs: redisReconnectDelay(attempt), reason: error.message },
      'Redis unreachable at start: the node waits for it (live, not ready)',
    );
    firstFailure?.();
  };
  link.client.on('error', failed);
  const ready = link.waitReady();
  let probe: Server | undefined;
  try {
    // Only a node that has to wait stands in on its port; one whose Redis answers at once goes straight on.
    const waiting = await Promise.race([
      ready.then(() => false),
      new Promise<boolean>((resolve) => (firstFailure = () => resolve(true))),
    ]);
    if (waiting) {
      probe = await listenWhileWaiting(config);
      await ready;
      log.info({ redis: where, attempts: attempt }, 'Redis answers: the node starts');
    }
  } finally {
    link.client.off('error', failed);
    await link.close();
    await closeServer(probe);
  }
}

/** A stand-in for the node on its port: alive, not ready. */
async function listenWhileWaiting(config: GwsConfig): Promise<Server> {
  const answer = (response: ServerResponse, status: number, body: object): void => {
    response.writeHead(status, { 'Content-Type': 'application/json', Connection: 'close' }).end(JSON.stringify(body));
  };
  const server = createServer((request, response) => {
    if (request.url === '/health/live') return answer(response, 200, { status: 'ok' });
    if (request.url === '/health/ready')
      return answer(response, 503, { status: 'not-ready', redis: { status: 'connecting' } });
    answer(response, 503, { statusCode: 4, statusMessage: 'GWS is starting: waiting for Redis; try again shortly' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  return server;
}

async function closeServer(server: Server | undefined): Promise<void> {
  if (server === undefined) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Redis as the log names it, without credentials. */
function redisWhere(redis: RedisConfig): string {
  if (redis.url !== undefined) {
    const url = new URL(redis.url);
    return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  }
  const endpoints = (redis.sentinels ?? redis.clusterNodes ?? []).map(({ host, port }) => `${host}:${port}`).join(',');
  return redis.sentinels !== undefined
    ? `sentinels ${endpoints} (${redis.sentinelName ?? ''})`
    : `cluster ${endpoints}`;
}

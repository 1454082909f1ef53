import { startRedisServer, freeLoopbackPort, recordingLogger, waitFor, type TestRedisServer } from '@gws/testing';
import type { ServerSession } from 'cometd-nodejs-server';
import { BayeuxSessionRegistry, CometdGateway } from '../apps/gws/src/notifications';
import { REDIS_STATUS, type RedisStatus } from '../apps/gws/src/stores/store.tokens';
import { waitForRedisAtStart } from '../apps/gws/src/stores/redis-at-start';
import { CallAgent } from './support/gws-call-agent';
import { loopbackGwsConfig, startGwsNode } from './support/gws-node';
import { startGwsTestPlatform, type GwsTestPlatform } from './support/gws-test-platform';

/** The answer to every request that needs a store while Redis is away (docs/api.md, "Redis unavailable"). */
const STORE_UNAVAILABLE = { statusCode: 4, statusMessage: 'The session store is unavailable; try again shortly' };
/** "At once": well under the second a client would wait before it calls GWS hung. */
const AT_ONCE_MS = 1000;

/** Resolves when `status.up` is `up` (at once if it already is); rejects after `timeoutMs`. */
function redisTurns(status: RedisStatus, up: boolean, timeoutMs = 5000): Promise<void> {
  if (status.up === up) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`Redis did not turn ${up ? 'up' : 'down'} within ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = status.onChange((now) => {
      if (now !== up) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

async function readiness(baseUrl: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(AT_ONCE_MS) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('GWS on Redis: Redis restarting or unreachable', () => {
  let redis: TestRedisServer;
  let platform: GwsTestPlatform;
  let agent: CallAgent;

  beforeAll(async () => {
    redis = await startRedisServer();
    platform = await startGwsTestPlatform({ env: { REDIS_URL: redis.url } });
    agent = await CallAgent.seat(platform, 'agent1');
  });

  afterAll(async () => {
    await agent?.leave();
    await platform?.close();
    await redis?.stop();
  });

  it('is not ready and answers 503 at once while Redis is down; once it is back the same session goes on', async () => {
    const status = platform.app.get<RedisStatus>(REDIS_STATUS);
    expect(await readiness(platform.baseUrl)).toMatchObject({ status: 200, body: { redis: { status: 'connected' } } });
    const cookie = agent.rest.sessionId;
    const clientId = agent.browser.clientId;

    await redis.halt();
    await redisTurns(status, false);
    const notReady = await readiness(platform.baseUrl);
    expect(notReady).toMatchObject({ status: 503, body: { status: 'not-ready' } });
    expect(notReady.body['redis']).not.toEqual({ status: 'connected' });
    for (const request of [
      () => agent.rest.get('/api/v2/me'),
      () => agent.rest.post('/api/v2/me/channels/voice', { operationName: 'NotReady' }, { timeoutMs: AT_ONCE_MS }),
    ]) {
      const started = performance.now();
      const refused = await request();
      expect(performance.now() - started).toBeLessThan(AT_ONCE_MS);
      expect(refused).toMatchObject({ status: 503, body: STORE_UNAVAILABLE });
    }
    expect(agent.rest.sessionId).toBe(cookie);
    // A message that needs no store ends the parked long poll: the client's next one reaches the node holding its
    // session, which cannot ask Redis whether it still does, and serves it (it used to answer 500, a failed poll).
    const [session] = platform.app.get(BayeuxSessionRegistry<ServerSession>).allSessions();
    platform.app.get(CometdGateway).deliver(session!, '/v2/me/devices', { messageType: 'Probe' });
    await agent.browser.nextMessage(
      '/v2/me/devices',
      (message) => (message.data as { messageType?: string }).messageType === 'Probe',
    );

    await redis.start();
    await redisTurns(status, true);
    expect(await readiness(platform.baseUrl)).toMatchObject({ status: 200, body: { status: 'ready' } });
    // The same cookie, no login: the session outlived the restart (AOF), and the push channel its CometD session.
    expect(await agent.rest.get('/api/v2/me')).toMatchObject({ status: 200, body: { statusCode: 0 } });
    expect(agent.rest.sessionId).toBe(cookie);
    const answer = await agent.rest.post('/api/v2/me/channels/voice', { operationName: 'NotReady' });
    expect(answer.body).toEqual({ statusCode: 0 });
    const pushed = await agent.browser.nextMessage('/v2/me/devices', (message) => {
      const devices = (message.data as { devices?: { userState: { state: string } }[] }).devices;
      return devices?.[0]?.userState.state === 'NotReady';
    });
    expect(pushed.data).toMatchObject({ messageType: 'DeviceStateChangeMessage' });
    expect(agent.browser.clientId).toBe(clientId);
    expect(agent.browser.connectReplies.filter((reply) => !reply.successful)).toEqual([]);
  });

  it('waits for Redis at start, live but not ready, saying so at each attempt; then serves the sessions Redis kept', async () => {
    const port = await freeLoopbackPort();
    const config = loopbackGwsConfig(
      {
        tserverPrimary: platform.simulators.tserver.primaryPort,
        tserverBackup: platform.simulators.tserver.backupPort,
        confserv: platform.simulators.confserv.port,
      },
      { REDIS_URL: redis.url, GWS_HOST: '127.0.0.1', GWS_PORT: String(port) },
    );
    const log = recordingLogger();
    await redis.halt();
    const waiting = waitForRedisAtStart(config, log);
    await waitFor(() => log.lines.length >= 2, 5000, 'two reconnect attempts in the log');
    expect(log.lines[0]).toMatch(/^warn Redis unreachable at start: the node waits for it .*"attempt":1/);
    expect(log.lines[1]).toMatch(/"attempt":2/);

    const node = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${node}/health/live`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${node}/health/ready`)).status).toBe(503);
    const refused = await fetch(`${node}/api/v2/me`);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ statusCode: 4 });

    await redis.start();
    await waiting;
    expect(log.lines.at(-1)).toMatch(/^info Redis answers: the node starts/);
    await expect(fetch(`${node}/health/live`)).rejects.toThrow();

    // A node started now serves a session another node opened before the outage, by its cookie alone.
    const started = await startGwsNode(config);
    try {
      const me = await fetch(`http://127.0.0.1:${started.port}/api/v2/me`, {
        headers: { Cookie: `JSESSIONID=${agent.rest.sessionId ?? ''}` },
      });
      expect(me.status).toBe(200);
      expect(me.headers.get('set-cookie')).toBeNull();
    } finally {
      await started.app.close();
    }
  });
});

import { randomBytes } from 'node:crypto';
import { startRedisServer, waitFor, type TestRedisServer } from '@gws/testing';
import type { LoginThrottleLimits } from '../login-throttle/login-throttle';
import { describeEventBusContract } from '../testing/event-bus.contract';
import { describeLoginThrottleContract } from '../testing/login-throttle.contract';
import { describeSessionStoreContract } from '../testing/session-store.contract';
import { ManualClock } from '../testing/manual-clock';
import { redisTestLink } from '../testing/redis-test-link';
import { createRedisLink, type OwnedRedisLink } from './create-redis-link';
import { RedisEventBus } from './redis-event-bus';
import { RedisLoginThrottle } from './redis-login-throttle';
import { RedisSessionStore } from './redis-session-store';

let server: TestRedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => server.stop());

type TestLink = ReturnType<typeof redisTestLink>;

/** A store on a link of its own under a fresh prefix; closing the store closes that link too. */
function closingLink<S extends { close(): Promise<void> }>(make: (link: TestLink) => S, prefix?: string): S {
  const link = redisTestLink(server.url, prefix);
  const store = make(link);
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await link.close();
  };
  return store;
}

describeSessionStoreContract('redis', (clock) =>
  Promise.resolve(closingLink((link) => new RedisSessionStore(link, clock.now))),
);

describeLoginThrottleContract('redis', (clock, limits) =>
  Promise.resolve(closingLink((link) => new RedisLoginThrottle(link, clock.now, limits))),
);

describeEventBusContract('redis', () => {
  // Two nodes: a bus each, on connections of their own, under one fresh prefix.
  const prefix = `t${randomBytes(6).toString('hex')}:`;
  const node = (): RedisEventBus => closingLink((link) => new RedisEventBus(link), prefix);
  return Promise.resolve([node(), node()]);
});

describe('RedisLoginThrottle across nodes', () => {
  const limits: LoginThrottleLimits = { userFailureLimit: 3, addressFailureLimit: 100, lockoutMs: 60_000 };
  let links: TestLink[];
  beforeEach(() => {
    // Two nodes: separate connections, one Redis, one prefix.
    const prefix = `t${randomBytes(6).toString('hex')}:`;
    links = [redisTestLink(server.url, prefix), redisTestLink(server.url, prefix)];
  });
  afterEach(async () => Promise.all(links.map((link) => link.close())));

  it('admits at most the user limit of 50 parallel logins sent through two nodes', async () => {
    const clock = new ManualClock();
    const nodes = links.map((link) => new RedisLoginThrottle(link, clock.now, limits));
    const admissions = await Promise.all(
      Array.from({ length: 50 }, (_, n) => nodes[n % 2]!.admit('mallory', `10.1.0.${n % 7}`)),
    );
    const attempts = admissions.flatMap((admission) => (admission.admitted ? [admission.attempt] : []));
    expect(attempts).toHaveLength(limits.userFailureLimit);
    await Promise.all(attempts.map((attempt) => attempt.failed()));
    const after = await nodes[1]!.admit('MALLORY', '10.2.0.1');
    expect(after).toEqual({ admitted: false, reason: 'locked', retryAfterMs: limits.lockoutMs });
  });
});

describe('createRedisLink', () => {
  const statusChange = (link: OwnedRedisLink, up: boolean): Promise<void> =>
    new Promise((resolve) => {
      if (link.up === up) return resolve();
      const stop = link.onStatus((now) => {
        if (now !== up) return;
        stop();
        resolve();
      });
    });

  it('needs exactly one of url, sentinels, clusterNodes', () => {
    expect(() => createRedisLink({})).toThrow(/exactly one/);
    expect(() =>
      createRedisLink({ url: server.url, clusterNodes: [{ host: '127.0.0.1', port: server.port }] }),
    ).toThrow(/exactly one/);
    expect(() => createRedisLink({ sentinels: [{ host: '127.0.0.1', port: 1 }] })).toThrow(/sentinelName/);
  });

  it('fails client commands at once while Redis is down, and replays queued ones in order once it is back', async () => {
    const link = createRedisLink({ url: server.url, prefix: `t${randomBytes(6).toString('hex')}:` });
    const list = `${link.prefix}replayed`;
    const seen: boolean[] = [];
    link.onStatus((up) => seen.push(up));
    try {
      await link.waitReady(5_000);
      expect(link.up).toBe(true);
      await link.client.set(`${link.prefix}k`, 'v');

      await server.halt();
      await statusChange(link, false);
      const started = Date.now();
      await expect(link.client.get(`${link.prefix}k`)).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(500);
      const replayed = [1, 2, 3].map((n) => link.queued.rpush(list, String(n)));

      await server.start();
      await statusChange(link, true);
      await expect(Promise.all(replayed)).resolves.toEqual([1, 2, 3]);
      expect(await link.client.lrange(list, 0, -1)).toEqual(['1', '2', '3']);
      expect(await link.client.get(`${link.prefix}k`)).toBe('v');
      expect(seen).toEqual([true, false, true]);
    } finally {
      if (server.pid() === undefined) await server.start();
      await link.close();
    }
  });

  it('gives subscriber connections of their own and closes them all, twice without harm', async () => {
    const link = createRedisLink({ url: server.url });
    await link.waitReady(5_000);
    expect(link.prefix).toBe('gws:');
    const subscriber = link.duplicate();
    const received: string[] = [];
    subscriber.on('message', (_channel: string, text: string) => received.push(text));
    await subscriber.subscribe('gws:test:link');
    await link.client.publish('gws:test:link', 'hello');
    await waitFor(() => received.length === 1, 2000, 'the published message');
    await link.close();
    await link.close();
    expect([link.client.status, link.queued.status, subscriber.status]).toEqual(['end', 'end', 'end']);
    expect(link.up).toBe(false);
  });
});

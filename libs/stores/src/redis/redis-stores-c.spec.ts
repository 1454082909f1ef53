import { startRedisServer, type TestRedisServer } from '@gws/testing';
import { describeAgentSessionStoreContract } from '../testing/agent-session-store.contract';
import { describeNodeRegistryContract } from '../testing/node-registry.contract';
import { describePushSessionStoreContract } from '../testing/push-session-store.contract';
import { ManualClock } from '../testing/manual-clock';
import { redisTestLink } from '../testing/redis-test-link';
import { RedisAgentSessionStore } from './redis-agent-session-store';
import { RedisNodeRegistry } from './redis-node-registry';
import { RedisPushSessionStore } from './redis-push-session-store';
import { RedisSipCredentialStore } from './redis-sip-credential-store';
import { describeSipCredentialStoreContract } from '../testing/sip-credential-store.contract';

let server: TestRedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server.stop();
});

/** Links opened by a test; the stores never close theirs, so they are closed after each test (after the stores). */
const links: ReturnType<typeof redisTestLink>[] = [];
const link = (prefix?: string): ReturnType<typeof redisTestLink> => {
  const opened = redisTestLink(server.url, prefix);
  links.push(opened);
  return opened;
};
afterEach(async () => {
  await Promise.all(links.splice(0).map((opened) => opened.close()));
});

describeNodeRegistryContract('redis', (clock) => Promise.resolve(new RedisNodeRegistry(link(), clock.now)));
describeAgentSessionStoreContract('redis', (clock) => Promise.resolve(new RedisAgentSessionStore(link(), clock.now)));
describePushSessionStoreContract('redis', (clock) => Promise.resolve(new RedisPushSessionStore(link(), clock.now)));
describeSipCredentialStoreContract('redis', (clock) => Promise.resolve(new RedisSipCredentialStore(link(), clock.now)));

describe('Redis cluster stores', () => {
  const clock = new ManualClock();

  it('give node entries and push sessions a Redis TTL, so Redis frees them', async () => {
    const shared = link();
    await new RedisNodeRegistry(shared, clock.now).heartbeat(
      { nodeId: 'n1', internalUrl: 'http://127.0.0.1:1', startedAt: 0, draining: false },
      5_000,
    );
    const push = new RedisPushSessionStore(shared, clock.now);
    const session = {
      clientId: 'c1',
      userId: 'u1',
      userName: 'alice',
      httpSessionId: 'h1',
      nodeId: 'n1',
      confirmedSeq: 0,
      sentSeq: 0,
      acknowledging: false,
    };
    await push.create(session, 1_000);
    const ttl = (key: string): Promise<number> => shared.client.pttl(`${shared.prefix}${key}`);
    expect(await ttl('node:n1')).toBeGreaterThan(4_000);
    expect(await ttl('{c:c1}:push-session')).toBeGreaterThan(0);
    await push.progress('c1', 'n1', { sentSeq: 1 }, 30_000);
    expect(await ttl('{c:c1}:push-session')).toBeGreaterThan(20_000);
    await push.claim('c1', 'n2', 60_000);
    expect(await ttl('{c:c1}:push-session')).toBeGreaterThan(50_000);
  });

  it('agent sessions claimed over separate connections go to exactly one node', async () => {
    const prefix = `t${Date.now()}:`;
    const stores = ['n1', 'n2', 'n3', 'n4'].map(() => new RedisAgentSessionStore(link(prefix), clock.now));
    const users = Array.from({ length: 20 }, (_, i) => `u${i}`);
    for (const userId of users) {
      await stores[0]!.create({
        userId,
        userName: userId,
        placeName: 'p',
        loginCode: '',
        baseUrl: '',
        dns: [],
        nodeId: 'dead',
      });
    }
    const claims = await Promise.all(
      stores.map(async (store, i) => {
        const claimed = await Promise.all(users.map((userId) => store.claim(userId, 'dead', `n${i + 1}`)));
        return claimed.flatMap((record) => (record === undefined ? [] : [record.userId]));
      }),
    );
    expect(claims.flat().sort()).toEqual([...users].sort());
    for (const [i, store] of stores.entries()) {
      expect((await store.listByNode(`n${i + 1}`)).map((record) => record.userId).sort()).toEqual(claims[i]!.sort());
    }
    expect(await stores[1]!.listByNode('dead')).toEqual([]);
  });

  it('listByNode drops users its node no longer holds from the node index', async () => {
    const shared = link();
    const store = new RedisAgentSessionStore(shared, clock.now);
    const index = `${shared.prefix}node:n1:agent-sessions`;
    await store.create({
      userId: 'u1',
      userName: 'a',
      placeName: 'p',
      loginCode: '',
      baseUrl: '',
      dns: [],
      nodeId: 'n1',
    });
    // As a node that died between its script and its index update would leave it.
    await shared.client.sadd(index, 'gone', 'u2');
    await shared.client.hset(`${shared.prefix}{u:u2}:agent-session`, 'nodeId', 'n2', 'updatedAt', '0', 'body', '{}');
    expect((await store.listByNode('n1')).map((record) => record.userId)).toEqual(['u1']);
    expect(await shared.client.smembers(index)).toEqual(['u1']);
  });

  it('keeps a SIP credential where the gateway reads it, with a Redis TTL to its expiry', async () => {
    const shared = link();
    await new RedisSipCredentialStore(shared, clock.now).issue('5001', 'u1', 'pw-a', 30_000);
    const key = `${shared.prefix}{dnmap}:sipcred:5001`;
    expect(await shared.client.hget(key, 'password')).toBe('pw-a');
    expect(await shared.client.pttl(key)).toBeGreaterThan(20_000);
  });
});

import Redis from 'ioredis';
import { startRedisServer, type TestRedisServer } from '@gws/testing';
import { isStoreUnavailable, StoreUnavailableException } from './store-unavailable';

/** The errors a real ioredis connection gives while its server is away, and some it gives while it is there. */
describe('isStoreUnavailable', () => {
  let redis: TestRedisServer;
  let connection: Redis;

  beforeAll(async () => {
    redis = await startRedisServer({ appendOnly: false });
  });

  // Each test leaves its connection up again, so that QUIT ends it at once (no disconnect timer left running).
  afterEach(async () => connection.quit());

  afterAll(async () => redis.stop());

  function ready(c: Redis): Promise<unknown> {
    return c.status === 'ready' ? Promise.resolve() : new Promise((resolve) => c.once('ready', resolve));
  }

  async function failure(command: (connection: Redis) => Promise<unknown>): Promise<unknown> {
    return command(connection).then(
      () => new Error('the command succeeded'),
      (error: unknown) => error,
    );
  }

  it('recognises what a fail-fast connection answers while Redis is down, and a command cut off by the outage', async () => {
    connection = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    await ready(connection);
    const blocked = failure((c) => c.blpop('never-filled', 0));
    await redis.halt();
    expect(isStoreUnavailable(await blocked)).toBe(true);
    expect(isStoreUnavailable(await failure((c) => c.get('key')))).toBe(true);
    await redis.start();
    await ready(connection);
  });

  it('recognises a connection that gave up on a command, and its own exception', async () => {
    connection = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => 5 });
    await redis.halt();
    const refused = failure((c) => c.get('key'));
    void connection.connect().catch(() => undefined);
    expect(isStoreUnavailable(await refused)).toBe(true);
    await redis.start();
    await ready(connection);
    expect(isStoreUnavailable(new StoreUnavailableException('link down'))).toBe(true);
  });

  it('leaves Redis refusals that are final, and every other error, alone', async () => {
    connection = new Redis(redis.url);
    await connection.set('text', 'x');
    const wrongType = await failure((c) => c.lpush('text', 'y'));
    expect(wrongType).toMatchObject({ name: 'ReplyError' });
    expect(isStoreUnavailable(wrongType)).toBe(false);
    expect(isStoreUnavailable(new Error('boom'))).toBe(false);
    expect(isStoreUnavailable(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe(false);
    expect(isStoreUnavailable('Connection is closed.')).toBe(false);
  });
});

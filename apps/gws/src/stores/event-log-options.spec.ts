import { startRedisServer, type TestRedisServer } from '@gws/testing';
import { loadGwsConfig } from '../config/gws-config';
import { memoryStoreBackend } from './memory-store-backend';
import { RedisStoreBackend } from './redis-store-backend';
import type { StoreBackend } from './store-backend';
import type { GwsUserEventStream } from './store.tokens';

/** Appends `count` device messages for `userId` and answers the sequence numbers the log still holds. */
async function keptAfter(stream: GwsUserEventStream, userId: string, count: number): Promise<number[]> {
  for (let i = 0; i < count; i++) await stream.append(userId, '/v2/me/devices', { messageType: 'Probe' } as never);
  return (await stream.since(userId, 0)).map((event) => event.seq);
}

describe('the event log bounds from the environment', () => {
  it('default to 200 messages and 10 minutes per user, 100,000 over all users in one process', () => {
    expect(loadGwsConfig({}).eventLog).toEqual({ maxEntries: 200, maxAgeMs: 600_000, maxTotalEntries: 100_000 });
  });

  it('reach the in-memory log (per user and over all users)', async () => {
    const options = loadGwsConfig({ EVENT_LOG_MAX_PER_USER: '3', EVENT_LOG_MAX_TOTAL: '4' }).eventLog;
    const stream = memoryStoreBackend.userEventStream(options);
    try {
      expect(await keptAfter(stream, 'u1', 5)).toEqual([3, 4, 5]);
      // Two more for another user: the oldest of all go first, past four in total.
      expect(await keptAfter(stream, 'u2', 2)).toEqual([1, 2]);
      expect((await stream.since('u1', 0)).map((event) => event.seq)).toEqual([4, 5]);
    } finally {
      await stream.close();
    }
  });

  describe('on Redis', () => {
    let redis: TestRedisServer;
    let backend: StoreBackend | undefined;

    beforeAll(async () => {
      redis = await startRedisServer();
    });

    afterAll(async () => {
      await backend?.close();
      await redis?.stop();
    });

    it('reach the Redis log (per user)', async () => {
      const config = loadGwsConfig({ REDIS_URL: redis.url, EVENT_LOG_MAX_PER_USER: '3' });
      backend = RedisStoreBackend.connect(config.redis!);
      const stream = backend.userEventStream(config.eventLog);
      try {
        expect(await keptAfter(stream, 'u1', 5)).toEqual([3, 4, 5]);
      } finally {
        await stream.close();
      }
    });
  });
});

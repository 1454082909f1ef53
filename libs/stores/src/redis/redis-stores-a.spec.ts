import { startRedisServer, type TestRedisServer } from '@gws/testing';
import { describeSessionStoreContract } from '../testing/session-store.contract';
import { redisTestLink } from '../testing/redis-test-link';
import { RedisSessionStore } from './redis-session-store';

let server: TestRedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => server.stop());

/** A store on a link of its own under a fresh prefix; closing the store closes that link too. */
function closingLink<S extends { close(): Promise<void> }>(make: (link: ReturnType<typeof redisTestLink>) => S): S {
  const link = redisTestLink(server.url);
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

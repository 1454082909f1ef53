import {
  createRedisLink,
  RedisAgentSessionStore,
  RedisDnMap,
  RedisEventBus,
  RedisLoginThrottle,
  RedisNodeRegistry,
  RedisPushSessionStore,
  RedisSessionStore,
  RedisSipCredentialStore,
  RedisUserEventStream,
  systemClock,
  type OwnedRedisLink,
} from '@gws/stores';
import type { GwsConfig, RedisConfig } from '../config/gws-config';
import type { GwsTopicMessages } from '../notifications';
import { RedisLinkStatus } from './redis-status';
import type { StoreBackend } from './store-backend';

/** Every store in Redis, on one link (a fail-fast, a queued and the subscriber connections) the stores share. */
export class RedisStoreBackend implements StoreBackend {
  readonly status: RedisLinkStatus;

  private constructor(private readonly link: OwnedRedisLink) {
    this.status = new RedisLinkStatus(link);
  }

  /** Connects in the background: until Redis answers, `status` is down and store requests fail at once. */
  static connect(redis: RedisConfig): RedisStoreBackend {
    return new RedisStoreBackend(createRedisLink(redis));
  }

  sessionStore(): RedisSessionStore {
    return new RedisSessionStore(this.link);
  }

  userEventStream(options: GwsConfig['eventLog']): RedisUserEventStream<GwsTopicMessages> {
    const { maxEntries, maxAgeMs } = options;
    return new RedisUserEventStream(this.link, systemClock, { maxEntries, maxAgeMs });
  }

  dnMap(): RedisDnMap {
    return new RedisDnMap(this.link);
  }

  loginThrottle(limits: GwsConfig['loginThrottle']): RedisLoginThrottle {
    return new RedisLoginThrottle(this.link, systemClock, limits);
  }

  eventBus(): RedisEventBus {
    return new RedisEventBus(this.link);
  }

  nodeRegistry(): RedisNodeRegistry {
    return new RedisNodeRegistry(this.link);
  }

  agentSessionStore(): RedisAgentSessionStore {
    return new RedisAgentSessionStore(this.link);
  }

  pushSessionStore(): RedisPushSessionStore {
    return new RedisPushSessionStore(this.link);
  }

  sipCredentialStore(): RedisSipCredentialStore {
    return new RedisSipCredentialStore(this.link);
  }

  async close(): Promise<void> {
    this.status.close();
    await this.link.close();
  }
}

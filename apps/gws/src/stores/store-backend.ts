import type {
  AgentSessionStore,
  DnMap,
  EventBus,
  LoginThrottle,
  NodeRegistry,
  PushSessionStore,
  SipCredentialStore,
  SessionStore,
} from '@gws/stores';
import type { GwsConfig } from '../config/gws-config';
import type { RedisStatus } from './redis-status';
import type { GwsUserEventStream } from './store.tokens';

/**
 * Where a node's stores live, this process's memory (the embedded default) or Redis: it makes each store, says
 * whether they can be used now, and owns what they share. StoresModule makes each store once and closes it.
 */
export interface StoreBackend {
  readonly status: RedisStatus;
  sessionStore(): SessionStore;
  userEventStream(options: GwsConfig['eventLog']): GwsUserEventStream;
  dnMap(): DnMap;
  loginThrottle(limits: GwsConfig['loginThrottle']): LoginThrottle;
  eventBus(): EventBus;
  nodeRegistry(): NodeRegistry;
  agentSessionStore(): AgentSessionStore;
  pushSessionStore(): PushSessionStore;
  sipCredentialStore(): SipCredentialStore;
  /** Closes what the stores share (the Redis connections), once every store is closed. */
  close(): Promise<void>;
}

import {
  MemoryAgentSessionStore,
  MemoryDnMap,
  MemoryEventBus,
  MemoryLoginThrottle,
  MemoryNodeRegistry,
  MemoryPushSessionStore,
  MemorySessionStore,
  MemorySipCredentialStore,
  MemoryUserEventStream,
} from '@gws/stores';
import type { GwsTopicMessages } from '../notifications';
import { EMBEDDED_REDIS } from './redis-status';
import type { StoreBackend } from './store-backend';

/** The embedded default: every store in this process's memory, always up; a node alone is its own cluster. */
export const memoryStoreBackend: StoreBackend = {
  status: EMBEDDED_REDIS,
  sessionStore: () => new MemorySessionStore(),
  userEventStream: (options) => new MemoryUserEventStream<GwsTopicMessages>(options),
  dnMap: () => new MemoryDnMap(),
  loginThrottle: (limits) => new MemoryLoginThrottle(limits),
  eventBus: () => new MemoryEventBus(),
  nodeRegistry: () => new MemoryNodeRegistry(),
  agentSessionStore: () => new MemoryAgentSessionStore(),
  pushSessionStore: () => new MemoryPushSessionStore(),
  sipCredentialStore: () => new MemorySipCredentialStore(),
  close: () => Promise.resolve(),
};

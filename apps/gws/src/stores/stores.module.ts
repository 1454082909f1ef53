import { Global, Module, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import { memoryStoreBackend } from './memory-store-backend';
import { RedisStoreBackend } from './redis-store-backend';
import type { StoreBackend } from './store-backend';
import {
  AGENT_SESSION_STORE,
  DN_MAP,
  EVENT_BUS,
  LOGIN_THROTTLE,
  NODE_REGISTRY,
  PUSH_SESSION_STORE,
  REDIS_STATUS,
  SESSION_STORE,
  SIP_CREDENTIAL_STORE,
  USER_EVENT_STREAM,
} from './store.tokens';

const STORE_BACKEND = Symbol('STORE_BACKEND');

/** What every store has: StoresModule closes each one at shutdown. */
interface Closable {
  close(): Promise<void>;
}

/** Each store token and how the backend makes its store. */
const STORES: ReadonlyArray<readonly [symbol, (backend: StoreBackend, config: GwsConfig) => Closable]> = [
  [SESSION_STORE, (backend) => backend.sessionStore()],
  [USER_EVENT_STREAM, (backend, config) => backend.userEventStream(config.eventLog)],
  [DN_MAP, (backend) => backend.dnMap()],
  [LOGIN_THROTTLE, (backend, config) => backend.loginThrottle(config.loginThrottle)],
  [EVENT_BUS, (backend) => backend.eventBus()],
  [NODE_REGISTRY, (backend) => backend.nodeRegistry()],
  [AGENT_SESSION_STORE, (backend) => backend.agentSessionStore()],
  [PUSH_SESSION_STORE, (backend) => backend.pushSessionStore()],
  [SIP_CREDENTIAL_STORE, (backend) => backend.sipCredentialStore()],
];

const providers: Provider[] = [
  {
    provide: STORE_BACKEND,
    useFactory: (config: GwsConfig): StoreBackend =>
      config.redis === undefined ? memoryStoreBackend : RedisStoreBackend.connect(config.redis),
    inject: [GWS_CONFIG],
  },
  { provide: REDIS_STATUS, useFactory: (backend: StoreBackend) => backend.status, inject: [STORE_BACKEND] },
  ...STORES.map(([token, make]) => ({ provide: token, useFactory: make, inject: [STORE_BACKEND, GWS_CONFIG] })),
];

/**
 * Every store a node uses, behind one token each: in this process's memory (the embedded default), or in Redis when
 * `REDIS_URL` (or Sentinel, or Cluster) is configured, on one set of connections the stores share. REDIS_STATUS says
 * whether they can be used now. Global, so that it shuts down after every module that still uses a store.
 */
@Global()
@Module({ providers, exports: [REDIS_STATUS, ...STORES.map(([token]) => token)] })
export class StoresModule implements OnApplicationShutdown {
  constructor(private readonly moduleRef: ModuleRef) {}

  /** The stores first (their subscriber connections), then the connections they shared. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(STORES.map(([token]) => this.moduleRef.get<Closable>(token).close()));
    await this.moduleRef.get<StoreBackend>(STORE_BACKEND).close();
  }
}

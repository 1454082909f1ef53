import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import {
  MemoryDnMap,
  MemoryEventBus,
  MemoryEventLog,
  MemoryLoginThrottle,
  MemorySessionStore,
  type DnMap,
  type EventBus,
  type EventLog,
  type LoginThrottle,
  type SessionStore,
} from '@gws/stores';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import { DN_MAP, EVENT_BUS, EVENT_LOG, LOGIN_THROTTLE, SESSION_STORE } from './store.tokens';

/** The embedded default: every store in this process's memory. Redis implementations plug in behind the same tokens. */
@Global()
@Module({
  providers: [
    { provide: SESSION_STORE, useFactory: () => new MemorySessionStore() },
    { provide: EVENT_BUS, useFactory: () => new MemoryEventBus() },
    { provide: EVENT_LOG, useFactory: () => new MemoryEventLog() },
    { provide: DN_MAP, useFactory: () => new MemoryDnMap() },
    {
      provide: LOGIN_THROTTLE,
      useFactory: (config: GwsConfig) => new MemoryLoginThrottle(config.loginThrottle),
      inject: [GWS_CONFIG],
    },
  ],
  exports: [SESSION_STORE, EVENT_BUS, EVENT_LOG, DN_MAP, LOGIN_THROTTLE],
})
export class StoresModule implements OnApplicationShutdown {
  constructor(
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(EVENT_LOG) private readonly log: EventLog,
    @Inject(DN_MAP) private readonly dnMap: DnMap,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([
      this.sessions.close(),
      this.bus.close(),
      this.log.close(),
      this.dnMap.close(),
      this.throttle.close(),
    ]);
  }
}

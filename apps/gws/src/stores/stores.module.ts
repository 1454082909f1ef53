import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import {
  MemoryDnMap,
  MemoryLoginThrottle,
  MemorySessionStore,
  MemoryUserEventStream,
  type DnMap,
  type LoginThrottle,
  type SessionStore,
} from '@gws/stores';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import type { GwsTopicMessages } from '../notifications';
import { DN_MAP, LOGIN_THROTTLE, SESSION_STORE, USER_EVENT_STREAM, type GwsUserEventStream } from './store.tokens';

/** The embedded default: every store in this process's memory. Redis implementations plug in behind the same tokens. */
@Global()
@Module({
  providers: [
    { provide: SESSION_STORE, useFactory: () => new MemorySessionStore() },
    { provide: USER_EVENT_STREAM, useFactory: () => new MemoryUserEventStream<GwsTopicMessages>() },
    { provide: DN_MAP, useFactory: () => new MemoryDnMap() },
    {
      provide: LOGIN_THROTTLE,
      useFactory: (config: GwsConfig) => new MemoryLoginThrottle(config.loginThrottle),
      inject: [GWS_CONFIG],
    },
  ],
  exports: [SESSION_STORE, USER_EVENT_STREAM, DN_MAP, LOGIN_THROTTLE],
})
export class StoresModule implements OnApplicationShutdown {
  constructor(
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
    @Inject(USER_EVENT_STREAM) private readonly events: GwsUserEventStream,
    @Inject(DN_MAP) private readonly dnMap: DnMap,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.sessions.close(), this.events.close(), this.dnMap.close(), this.throttle.close()]);
  }
}

import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import {
  MemoryDnMap,
  MemoryEventBus,
  MemoryEventLog,
  MemorySessionStore,
  type DnMap,
  type EventBus,
  type EventLog,
  type SessionStore,
} from '@gws/stores';
import { DN_MAP, EVENT_BUS, EVENT_LOG, SESSION_STORE } from './store.tokens';

/** The embedded default: every store in this process's memory. Redis implementations plug in behind the same tokens. */
@Global()
@Module({
  providers: [
    { provide: SESSION_STORE, useFactory: () => new MemorySessionStore() },
    { provide: EVENT_BUS, useFactory: () => new MemoryEventBus() },
    { provide: EVENT_LOG, useFactory: () => new MemoryEventLog() },
    { provide: DN_MAP, useFactory: () => new MemoryDnMap() },
  ],
  exports: [SESSION_STORE, EVENT_BUS, EVENT_LOG, DN_MAP],
})
export class StoresModule implements OnApplicationShutdown {
  constructor(
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(EVENT_LOG) private readonly log: EventLog,
    @Inject(DN_MAP) private readonly dnMap: DnMap,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.sessions.close(), this.bus.close(), this.log.close(), this.dnMap.close()]);
  }
}

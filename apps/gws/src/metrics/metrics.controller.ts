import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { ConfServClient } from '@gws/confserv';
import type { TServerClient } from '@gws/tserver-client';
import { Public } from '../auth/public.decorator';
import { NotificationPublisher } from '../notifications';
import { CONFSERV_CLIENT, TSERVER_CLIENT } from '../platform/platform.tokens';
import { StandbySessions } from '../voice/standby/standby-sessions';
import { VoiceSessions } from '../voice/voice-session';
import { GwsMetrics } from './gws-metrics';

/** Prometheus scrape endpoint. Public like the health probes; put it behind the network's own access rules. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: GwsMetrics,
    private readonly publisher: NotificationPublisher,
    private readonly sessions: VoiceSessions,
    private readonly standby: StandbySessions,
    @Inject(TSERVER_CLIENT) private readonly tserver: TServerClient,
    @Inject(CONFSERV_CLIENT) private readonly confserv: ConfServClient,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    const stats = this.publisher.stats();
    this.metrics.cometdSessions.set(stats.bayeuxSessions);
    this.metrics.cometdUsers.set(stats.users);
    this.metrics.voiceSessions.set(this.sessions.size);
    this.metrics.standbySessions.set(this.standby.size);
    this.metrics.linkUp.set({ server: 'tserver' }, this.tserver.status === 'connected' ? 1 : 0);
    this.metrics.linkUp.set({ server: 'confserv' }, this.confserv.status === 'connected' ? 1 : 0);
    return this.metrics.registry.metrics();
  }
}

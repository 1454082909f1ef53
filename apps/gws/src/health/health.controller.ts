import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ConfServClient } from '@gws/confserv';
import type { TServerClient } from '@gws/tserver-client';
import { Public } from '../auth/public.decorator';
import { CONFSERV_CLIENT, TSERVER_CLIENT } from '../platform/platform.tokens';
import { REDIS_STATUS, type RedisStatus } from '../stores/store.tokens';

/**
 * Liveness: the process answers. Readiness: both platform links are up, and Redis when the stores are there, so
 * agents can log in and act (embedded memory stores are always there).
 */
@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(TSERVER_CLIENT) private readonly tserver: TServerClient,
    @Inject(CONFSERV_CLIENT) private readonly confserv: ConfServClient,
    @Inject(REDIS_STATUS) private readonly redis: RedisStatus,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  ready(@Res({ passthrough: true }) response: Response): Record<string, unknown> {
    const tserverUp = this.tserver.status === 'connected';
    const confservUp = this.confserv.status === 'connected';
    const ready = tserverUp && confservUp && this.redis.up;
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: ready ? 'ready' : 'not-ready',
      tserver: {
        status: this.tserver.status,
        role: this.tserver.role ?? null,
        endpoint: this.tserver.endpoint?.which ?? null,
        switchLink: this.tserver.ctiLink,
      },
      confserv: { status: this.confserv.status },
      redis: { status: this.redis.status },
    };
  }
}

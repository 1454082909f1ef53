import { Global, Module } from '@nestjs/common';
import { GwsMetrics } from './gws-metrics';

@Global()
@Module({ providers: [{ provide: GwsMetrics, useFactory: () => new GwsMetrics() }], exports: [GwsMetrics] })
export class MetricsModule {}

import { Module, type DynamicModule } from '@nestjs/common';
import { GWS_CONFIG, type GwsConfig } from './config/gws-config';
import { DiagnosticsController } from './diagnostics/diagnostics.controller';

@Module({})
export class AppModule {
  static register(config: GwsConfig): DynamicModule {
    return {
      module: AppModule,
      controllers: [DiagnosticsController],
      providers: [{ provide: GWS_CONFIG, useValue: config }],
    };
  }
}

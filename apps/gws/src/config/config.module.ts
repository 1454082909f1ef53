import { Global, Module, type DynamicModule } from '@nestjs/common';
import { GWS_CONFIG, type GwsConfig } from './gws-config';

/** Makes the validated configuration injectable everywhere as GWS_CONFIG. */
@Global()
@Module({})
export class ConfigModule {
  static register(config: GwsConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: GWS_CONFIG, useValue: config }], exports: [GWS_CONFIG] };
  }
}

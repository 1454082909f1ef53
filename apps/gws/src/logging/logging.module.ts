import { Global, Module } from '@nestjs/common';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import { createPinoLogger } from './pino-logger';

/** The node's root pino logger (a `pino.Logger`). */
export const PINO_LOGGER = Symbol('PINO_LOGGER');

@Global()
@Module({
  providers: [
    { provide: PINO_LOGGER, useFactory: (config: GwsConfig) => createPinoLogger(config), inject: [GWS_CONFIG] },
  ],
  exports: [PINO_LOGGER],
})
export class LoggingModule {}

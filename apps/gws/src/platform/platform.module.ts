import {
  Global,
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CfgAppType, ConfServClient } from '@gws/confserv';
import { TServerClient } from '@gws/tserver-client';
import type { Logger as PinoLogger } from 'pino';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import { PINO_LOGGER } from '../logging/logging.module';
import { AgentDirectoryService } from './agent-directory.service';
import { ConfServUserAuthenticator } from './confserv-user-authenticator';
import { linkLoggerFrom } from './link-logger.adapter';
import { CONFSERV_CLIENT, TSERVER_CLIENT } from './platform.tokens';

/** This node's links to the Genesys platform: one T-Server client and one Configuration Server client. */
@Global()
@Module({})
export class PlatformModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PlatformModule');

  static register(): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        {
          provide: TSERVER_CLIENT,
          inject: [GWS_CONFIG, PINO_LOGGER],
          useFactory: (config: GwsConfig, pino: PinoLogger) =>
            new TServerClient({
              endpoints: {
                primary: config.tserver.primary,
                ...(config.tserver.backup === undefined ? {} : { backup: config.tserver.backup }),
              },
              applicationName: config.applicationName,
              addp: { localTimeoutMs: config.tserver.addpTimeoutMs, remoteTimeoutMs: config.tserver.addpTimeoutMs },
              logger: linkLoggerFrom(pino),
            }),
        },
        {
          provide: CONFSERV_CLIENT,
          inject: [GWS_CONFIG, PINO_LOGGER],
          useFactory: (config: GwsConfig, pino: PinoLogger) =>
            new ConfServClient({
              endpoints: config.confserv,
              applicationName: config.applicationName,
              applicationType: CfgAppType.ThirdPartyServer,
              // A server that stops answering closes the link (ADDP when idle, a silent request timeout otherwise),
              // so readiness, metrics and every Configuration Server read say "unavailable" instead of waiting.
              requestTimeoutMs: config.confservLink.requestTimeoutMs,
              addpTimeoutMs: config.confservLink.addpTimeoutMs,
              logger: linkLoggerFrom(pino),
            }),
        },
        ConfServUserAuthenticator,
        AgentDirectoryService,
      ],
      exports: [TSERVER_CLIENT, CONFSERV_CLIENT, ConfServUserAuthenticator, AgentDirectoryService],
    };
  }

  constructor(
    @Inject(TSERVER_CLIENT) private readonly tserver: TServerClient,
    @Inject(CONFSERV_CLIENT) private readonly confserv: ConfServClient,
  ) {}

  /** Links come up in the background and keep retrying: readiness (`/health/ready`) reports when they are up. */
  onApplicationBootstrap(): void {
    this.tserver.connect().catch((error: Error) => this.logger.error(`T-Server client stopped: ${error.message}`));
    this.confserv
      .connect()
      .catch((error: Error) => this.logger.error(`Config Server client stopped: ${error.message}`));
  }

  onApplicationShutdown(): void {
    this.tserver.close();
    this.confserv.close();
  }
}

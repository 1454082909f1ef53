import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication, NestExpressBodyParserOptionsMap } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { AppModule } from '../app.module';
import { GwsExceptionFilter } from '../common/gws-exception.filter';
import { verifyJsonBodyDepth } from '../common/request-body';
import { SingleQueryValuePipe } from '../common/single-query-value.pipe';
import type { GwsConfig } from '../config/gws-config';
import { httpLogger } from '../logging/http-logger';
import { PINO_LOGGER } from '../logging/logging.module';
import { NestPinoLogger } from '../logging/nest-pino-logger';
import { CometdGateway } from '../notifications';
import { corsOptions, notificationsCors } from './cors-options';
import { WorkspaceNotifications } from '../workspace-v3/notifications/workspace-notifications';
import { serveOpenApi } from './openapi';
import { serveStaticUi } from '../ui/static-ui';
import { softphoneUi } from '../ui/softphone-ui';
import { agentDesktopUi } from '../ui/agent-desktop-ui';

/** A GWS node, configured and ready to `listen`: shared by `main.ts` and the end-to-end tests. */
export async function createGwsApp(config: GwsConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bufferLogs: true,
    bodyParser: false,
    // Nest would otherwise exit on a start-up error before the caller can report it.
    abortOnError: false,
  });
  const logger = app.get<Logger>(PINO_LOGGER);
  app.useLogger(new NestPinoLogger(logger));
  app.use(httpLogger(logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // No ETag on API answers: they are small and follow the agent's state, so a 304 saves a client next to nothing,
  // while hashing every answer cost each request (docs/bench-login.md). The static UIs keep theirs (serve-static's).
  app.set('etag', false);
  // Malformed input is refused here, once for every route (docs/api.md, "Malformed input"): a body nested too deep
  // before it is parsed, a repeated query parameter before a handler sees it; the operation table checks the rest of
  // a body's shape. (Nest's useBodyParser type leaves `verify` out because Nest sets it for `rawBody`, which this app
  // does not use; typed as express.json's options, ours reaches the parser as it is.)
  const jsonOptions: NestExpressBodyParserOptionsMap['json'] = { limit: config.bodyLimit, verify: verifyJsonBodyDepth };
  app.useBodyParser('json', jsonOptions);
  app.useGlobalPipes(new SingleQueryValuePipe());
  app.useGlobalFilters(new GwsExceptionFilter());
  const cors = corsOptions(config);
  if (cors !== undefined) app.enableCors(cors);
  app.get(CometdGateway).mount(app, notificationsCors(config));
  app.get(WorkspaceNotifications).mount(app, notificationsCors(config));
  serveOpenApi(app);
  serveStaticUi(app, softphoneUi());
  serveStaticUi(app, agentDesktopUi());
  return app;
}

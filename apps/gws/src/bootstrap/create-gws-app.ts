import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { GwsExceptionFilter } from '../common/gws-exception.filter';
import type { GwsConfig } from '../config/gws-config';
import { CometdGateway } from '../notifications';
import { corsOptions, notificationsCors } from './cors-options';
import { serveOpenApi } from './openapi';

/** A GWS node, configured and ready to `listen`: shared by `main.ts` and the end-to-end tests. */
export async function createGwsApp(config: GwsConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bufferLogs: true,
    bodyParser: false,
    // Nest would otherwise exit on a start-up error before the caller can report it.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useGlobalFilters(new GwsExceptionFilter());
  const cors = corsOptions(config);
  if (cors !== undefined) app.enableCors(cors);
  app.get(CometdGateway).mount(app, notificationsCors(config));
  serveOpenApi(app);
  return app;
}

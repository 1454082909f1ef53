import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { AppModule } from './app.module';
import { loadGwsConfig } from './config/gws-config';

async function main(): Promise<void> {
  const config = loadGwsConfig(process.env);
  const logger = pino({ level: config.logLevel, name: 'gws' });
  const app = await NestFactory.create(AppModule.register(config), { logger: false });
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  logger.info({ url: `http://${config.host}:${config.port}/api/v2` }, 'GWS API v2 listening');
}

main().catch((error: unknown) => {
  process.stderr.write(`gws: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import { readFileSync } from 'node:fs';
import pino from 'pino';
import { demoDirectoryFile, loadDirectory } from '@gws/directory';
import { loadSimConfig } from './config/sim-config';
import { ConfServSimulator } from './simulator';

async function main(): Promise<void> {
  const config = loadSimConfig(process.env);
  const logger = pino({ level: config.LOG_LEVEL, name: 'confserv-sim' });
  const file = config.DIRECTORY_FILE ?? demoDirectoryFile();
  const directory = loadDirectory(readFileSync(file, 'utf8'), file);
  const simulator = await ConfServSimulator.start({
    directory,
    host: config.CONFSERV_HOST,
    port: config.CONFSERV_PORT,
    adminPort: config.CONFSERV_ADMIN_PORT,
    batchSize: config.CONFSERV_BATCH_SIZE,
    maxConnections: config.CONFSERV_MAX_CONNECTIONS,
    registrationTimeoutMs: config.CONFSERV_REGISTRATION_TIMEOUT_MS,
    unregisteredMaxFrameBytes: config.CONFSERV_UNREGISTERED_MAX_FRAME_BYTES,
    logger,
  });
  logger.info(
    {
      confserv: `${config.CONFSERV_HOST}:${simulator.port}`,
      admin: `http://${config.CONFSERV_HOST}:${simulator.adminPort}/objects/CfgPerson`,
      directory: file,
      persons: directory.persons.length,
    },
    'Configuration Server simulator listening',
  );
  const stop = (): void => void simulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`confserv-sim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

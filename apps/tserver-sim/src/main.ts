import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { demoDirectoryFile, loadDirectory } from '@gws/directory';
import pino from 'pino';
import { loadSimulatorConfig } from './config/simulator-config';
import { TServerSimulator } from './simulator';

/** `npm run sim:tserver`: the simulator as a process (docs/simulator.md). */
async function main(): Promise<void> {
  const config = loadSimulatorConfig(process.env);
  const logger = pino({ level: config.logLevel, name: 'tserver-sim' });
  const directoryFile = config.directoryFile ?? demoDirectoryFile();
  const directory = loadDirectory(readFileSync(directoryFile, 'utf8'), directoryFile);
  const simulator = await TServerSimulator.start({
    directory,
    host: config.host,
    primaryPort: config.primaryPort,
    backupPort: config.backupPort,
    controlPort: config.controlPort,
    externalAnswerDelayMs: config.externalAnswerDelayMs,
    noAnswerTimeoutMs: config.noAnswerTimeoutMs,
    maxConnections: config.maxConnections,
    registrationTimeoutMs: config.registrationTimeoutMs,
    unregisteredMaxFrameBytes: config.unregisteredMaxFrameBytes,
    ...(config.sip !== undefined ? { sip: config.sip } : {}),
    logger,
  });
  logger.info(
    {
      primary: `${config.host}:${simulator.primaryPort}`,
      backup: `${config.host}:${simulator.backupPort}`,
      control: `http://${config.host}:${simulator.controlPort ?? '-'}`,
      ...(config.sip !== undefined
        ? {
            sip: `udp:${config.sip.listen.host}:${simulator.sipPort ?? '-'}`,
            sipGateway: `udp:${config.sip.gateway.host}:${config.sip.gateway.port}`,
          }
        : {}),
      directory: directoryFile,
      dns: directory.dns.length,
    },
    'T-Server simulator listening',
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'close failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`tserver-sim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

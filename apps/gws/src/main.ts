import 'reflect-metadata';
import pino from 'pino';
import { createGwsApp } from './bootstrap/create-gws-app';
import { missingNodeFlags } from './bootstrap/node-flags';
import { OPENAPI_PATH } from './bootstrap/openapi';
import { installProcessGuards } from './bootstrap/process-guards';
import { EMBEDDED_ENDPOINTS, loadGwsConfig } from './config/gws-config';
import { EmbeddedPlatform } from './embedded/embedded-platform';
import { waitForRedisAtStart } from './stores/redis-at-start';

/** Embedded default: the simulators' control and admin APIs on their usual ports. */
const SIMULATOR_CONTROL_PORT = 8081;
const SIMULATOR_ADMIN_PORT = 8082;

async function main(): Promise<void> {
  const config = loadGwsConfig(process.env);
  const log = pino({ level: config.logLevel, name: 'gws-main' });
  installProcessGuards(log);
  const missing = missingNodeFlags();
  if (missing.length > 0) {
    log.warn({ missing }, 'started without the Node flags GWS is tuned for: push latency has a longer tail under load');
  }
  const platform = config.embedded
    ? await EmbeddedPlatform.start({
        directoryFile: config.directoryFile,
        host: '127.0.0.1',
        tserverPrimaryPort: EMBEDDED_ENDPOINTS.tserverPrimary.port,
        tserverBackupPort: EMBEDDED_ENDPOINTS.tserverBackup.port,
        confservPort: EMBEDDED_ENDPOINTS.confserv.port,
        tserverControlPort: SIMULATOR_CONTROL_PORT,
        confservAdminPort: SIMULATOR_ADMIN_PORT,
        logger: (name) => log.child({ name }),
      })
    : undefined;
  // The stores' subscriptions are made as the app is built: Redis must answer by then (README: Configuration).
  await waitForRedisAtStart(config, log);
  const app = await createGwsApp(config);
  await app.listen(config.port, config.host);
  const api = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  const where: Record<string, string> = {
    'GWS API v2': `${api}/api/v2`,
    'CometD notifications': `${api}/api/v2/notifications`,
    'OpenAPI explorer': `${api}/${OPENAPI_PATH}`,
    'Agent desktop': `${api}/ui/ad/v1/`,
    'Workspace API v3': `${api}/workspace/v3`,
  };
  if (platform !== undefined) {
    Object.assign(where, {
      'T-Server simulator (primary, backup)': `127.0.0.1:${platform.tserver.primaryPort}, 127.0.0.1:${platform.tserver.backupPort}`,
      'T-Server simulator control API': `http://127.0.0.1:${platform.tserver.controlPort ?? '-'}`,
      'Configuration Server simulator': `127.0.0.1:${platform.confserv.port}`,
      'Configuration Server admin API': `http://127.0.0.1:${platform.confserv.adminPort ?? '-'}`,
      'Contact center': platform.directoryFile,
    });
  }
  log.info({ where }, 'open-gws is up');
  process.stdout.write(
    `\nopen-gws is up${platform ? ' (embedded default: simulators in this process)' : ''}\n` +
      Object.entries(where)
        .map(([name, value]) => `  ${name.padEnd(38)} ${value}\n`)
        .join('') +
      '  Try: curl -u agent1:password ' +
      `${api}/api/v2/me\n\n`,
  );
  const stop = async (): Promise<void> => {
    await app.close();
    await platform?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`gws: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

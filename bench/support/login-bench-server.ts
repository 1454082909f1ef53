/**
 * The GWS side of `bench/login.bench.ts`, run as a child process (forked with IPC): both simulators on free
 * loopback ports, loaded from the directory file given as the first argument, and a GWS node connected to them
 * listening on 0.0.0.0:<free port>, set up as `test/support/gws-test-platform.ts` does. Reports `ready` with its
 * port, answers `usage` (RSS, peak RSS, CPU time, notification registry size) and exits on `stop` or when the
 * parent goes away. Nothing is written to stdout.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { createGwsApp as CreateGwsApp } from '../../apps/gws/src/bootstrap/create-gws-app';
import type { loadGwsConfig as LoadGwsConfig } from '../../apps/gws/src/config/gws-config';
import type { EmbeddedPlatform as EmbeddedPlatformClass } from '../../apps/gws/src/embedded/embedded-platform';
import type { NotificationPublisher as NotificationPublisherClass } from '../../apps/gws/src/notifications';
import type { silentLogger as SilentLogger } from '@gws/framed-link';
import { isBenchCommand, type EventLoopTime, type ServerMessage } from './login-protocol';
import { registerSwcTypeScript } from './login-swc-register';

const MB = 1024 * 1024;

// GWS needs decorator metadata (NestJS injection), which tsx does not emit: compile GWS with swc, then load it.
registerSwcTypeScript();
const load = createRequire(__filename);
const { createGwsApp } = load('../../apps/gws/src/bootstrap/create-gws-app') as { createGwsApp: typeof CreateGwsApp };
const { loadGwsConfig } = load('../../apps/gws/src/config/gws-config') as { loadGwsConfig: typeof LoadGwsConfig };
const { EmbeddedPlatform } = load('../../apps/gws/src/embedded/embedded-platform') as {
  EmbeddedPlatform: typeof EmbeddedPlatformClass;
};
const { NotificationPublisher } = load('../../apps/gws/src/notifications') as {
  NotificationPublisher: typeof NotificationPublisherClass;
};
const { CONFSERV_CLIENT, TSERVER_CLIENT } = load('../../apps/gws/src/platform/platform.tokens') as {
  CONFSERV_CLIENT: symbol;
  TSERVER_CLIENT: symbol;
};
const { silentLogger } = load('@gws/framed-link') as { silentLogger: typeof SilentLogger };

function eventLoopTime(): EventLoopTime {
  const { idle, active } = performance.eventLoopUtilization();
  return { idleMs: idle, activeMs: active };
}

function send(message: ServerMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const directoryFile = process.argv[2];
  if (directoryFile === undefined) throw new Error('usage: login-bench-server <directory file>');
  const started = performance.now();
  const simulators = await EmbeddedPlatform.start({
    directoryFile,
    host: '127.0.0.1',
    tserverPrimaryPort: 0,
    tserverBackupPort: 0,
    confservPort: 0,
    logger: () => silentLogger,
  });
  const config = loadGwsConfig({
    GWS_HOST: '0.0.0.0',
    GWS_PORT: '0',
    GWS_EMBEDDED: 'false',
    TSERVER_PRIMARY: `127.0.0.1:${simulators.tserver.primaryPort}`,
    TSERVER_BACKUP: `127.0.0.1:${simulators.tserver.backupPort}`,
    CONFSERV_ENDPOINTS: `127.0.0.1:${simulators.confserv.port}`,
    LOG_LEVEL: 'silent',
    // Every simulated browser logs in from the loopback interface: never lock that address out.
    LOGIN_ADDRESS_FAILURE_LIMIT: '1000000',
    LOGIN_FAILURE_LIMIT: '1000000',
  });
  const app: NestExpressApplication = await createGwsApp(config);
  await app.listen(0, '0.0.0.0');
  await Promise.all([
    app.get<{ connect(): Promise<void> }>(TSERVER_CLIENT).connect(),
    app.get<{ connect(): Promise<void> }>(CONFSERV_CLIENT).connect(),
  ]);
  const publisher = app.get(NotificationPublisher);
  const confserv = app.get<{ readonly requestsSent: number }>(CONFSERV_CLIENT);
  const { port } = app.getHttpServer().address() as AddressInfo;

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(0), 5000);
    force.unref();
    await app.close().catch(() => undefined);
    await simulators.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('message', (command: unknown) => {
    if (!isBenchCommand(command)) return;
    if (command.type === 'stop') {
      void stop();
      return;
    }
    const cpu = process.cpuUsage();
    send({
      type: 'usage',
      rssMb: Math.round(process.memoryUsage.rss() / MB),
      peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / MB),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      eventLoop: eventLoopTime(),
      confservRequests: confserv.requestsSent,
      notifications: publisher.stats(),
    });
  });
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());
  send({
    type: 'ready',
    port,
    startupMs: Math.round(performance.now() - started),
    rssMb: Math.round(process.memoryUsage.rss() / MB),
  });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});

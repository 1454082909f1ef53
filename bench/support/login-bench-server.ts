/**
 * The GWS side of `bench/login.bench.ts`, run as a child process (forked with IPC): both simulators on free
 * loopback ports, loaded from the directory file given as the first argument, and a GWS node connected to them
 * listening on 0.0.0.0:<free port>, set up as `test/support/gws-test-platform.ts` does. Reports `ready` with its
 * port, answers `usage` (RSS, peak RSS, CPU time, notification registry size) and exits on `stop` or when the
 * parent goes away. Nothing is written to stdout.
 */
import { createRequire } from 'node:module';
import type { EmbeddedPlatform as EmbeddedPlatformClass } from '../../apps/gws/src/embedded/embedded-platform';
import type { silentLogger as SilentLogger } from '@gws/framed-link';
import { exitOnStop, failChild } from './bench-child';
import { loadBenchGws } from './bench-gws';
import { isBenchCommand, type EventLoopTime, type ServerMessage } from './login-protocol';

const MB = 1024 * 1024;

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
  const { startBenchGws } = await loadBenchGws();
  // Loaded after NestJS is shared and swc installed (loadBenchGws): the simulators' control servers reach NestJS.
  const load = createRequire(__filename);
  const { EmbeddedPlatform } = load('../../apps/gws/src/embedded/embedded-platform') as {
    EmbeddedPlatform: typeof EmbeddedPlatformClass;
  };
  const { silentLogger } = load('@gws/framed-link') as { silentLogger: typeof SilentLogger };
  const simulators = await EmbeddedPlatform.start({
    directoryFile,
    host: '127.0.0.1',
    tserverPrimaryPort: 0,
    tserverBackupPort: 0,
    confservPort: 0,
    logger: () => silentLogger,
  });
  const gws = await startBenchGws({
    tserverPrimary: simulators.tserver.primaryPort,
    tserverBackup: simulators.tserver.backupPort,
    confserv: simulators.confserv.port,
  });
  const stop = exitOnStop(async () => {
    await gws.app.close().catch(() => undefined);
    await simulators.close();
  });
  process.on('message', (command: unknown) => {
    if (!isBenchCommand(command)) return;
    if (command.type === 'stop') {
      stop();
      return;
    }
    const cpu = process.cpuUsage();
    send({
      type: 'usage',
      rssMb: Math.round(process.memoryUsage.rss() / MB),
      peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / MB),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      eventLoop: eventLoopTime(),
      confservRequests: gws.confservRequests(),
      notifications: gws.publisher.stats(),
    });
  });
  send({
    type: 'ready',
    port: gws.port,
    startupMs: Math.round(performance.now() - started),
    rssMb: Math.round(process.memoryUsage.rss() / MB),
  });
}

main().catch(failChild);

/**
 * The GWS side of `bench/login.bench.ts`, run as a child process (forked with IPC): a GWS node alone, listening on
 * 0.0.0.0:<free port>, connected over loopback TCP to the simulators of the simulator child (`events-sim-server.ts`,
 * as in a real deployment, where T-Server and Configuration Server are other servers), whose ports are the arguments:
 * <T-Server primary> <T-Server backup> <Configuration Server>. So this process's CPU and memory are GWS's alone.
 * Reports `ready` with its port, answers `usage` (RSS, peak RSS, CPU time, notification registry size, and the
 * monotonic clock that V8's CPU profiles use, to cut a profile at stage boundaries) and exits on `stop` or when the
 * parent goes away. Nothing is written to stdout.
 */
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
  const [primary, backup, confserv] = process.argv.slice(2).map(Number);
  if (primary === undefined || backup === undefined || confserv === undefined)
    throw new Error('usage: login-bench-server <T-Server primary port> <T-Server backup port> <ConfServ port>');
  const started = performance.now();
  const { startBenchGws } = await loadBenchGws();
  const gws = await startBenchGws({ tserverPrimary: primary, tserverBackup: backup, confserv });
  const stop = exitOnStop(() => gws.app.close());
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
      monotonicUs: Number(process.hrtime.bigint() / 1000n),
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

/**
 * Login storm (issue 5): N agents log in and go Ready concurrently through REST + CometD, each one seeing its own
 * DeviceStateChangeMessage (NotReady after StartContactCenterSession, then Ready).
 *
 *   npm run bench:login                                   # 200 agents, all at once
 *   npm run bench:login -- --agents 2000                  # 2,000 agents, 200 in flight
 *   npm run bench:login -- --agents 2000 --concurrency 500 --timeout-ms 300000
 *   npm run bench:login -- --server-cpu-prof /tmp/prof    # CPU profile of the GWS process
 *
 * GWS and both simulators run in a child process (bench/support/login-bench-server.ts) on a generated contact
 * center of N agents; the simulated browsers (official CometD client, each on its own loopback hostname) run in
 * this process. Prints ONE JSON object on stdout; progress goes to stderr. Exit code 0 when every agent reached
 * Ready, 1 otherwise.
 */
import { BenchChildProcess } from './support/bench-child-process';
import { cpus, loadavg } from 'node:os';
import { LoginBrowser, type LoginOutcome, type LoginTimings } from './support/login-browser';
import { writeLoginBenchDirectory } from './support/login-directory';
import { parseBenchArgs } from './support/bench-args';
import { GWS_NODE_FLAGS } from '../apps/gws/src/bootstrap/node-flags';
import {
  eventLoopUtilization,
  isServerMessage,
  type BenchCommand,
  type ServerMessage,
  type ServerReady,
  type ServerUsage,
} from './support/login-protocol';

interface Options {
  agents: number;
  concurrency: number;
  timeoutMs: number;
  serverCpuProfDir: string | undefined;
}

/** In flight at once when --concurrency is not given: everyone up to this many agents, then this many. */
const DEFAULT_MAX_IN_FLIGHT = 200;
const SERVER_START_TIMEOUT_MS = 120_000;
const SHUTDOWN_TIMEOUT_MS = 10_000;

function parseOptions(argv: readonly string[]): Options {
  const values = parseBenchArgs(argv);
  const known = new Set(['agents', 'concurrency', 'timeout-ms', 'server-cpu-prof']);
  for (const key of values.keys()) if (!known.has(key)) throw new Error(`unknown option --${key}`);
  const integer = (name: string, fallback: number): number => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
    return value;
  };
  const agents = integer('agents', 200);
  const concurrency = Math.min(agents, integer('concurrency', Math.min(agents, DEFAULT_MAX_IN_FLIGHT)));
  // A generous bound: ~60 ms of budget per agent, at least a minute.
  const timeoutMs = integer('timeout-ms', Math.max(60_000, agents * 60));
  return { agents, concurrency, timeoutMs, serverCpuProfDir: values.get('server-cpu-prof') };
}

function log(line: string): void {
  process.stderr.write(`[bench:login] ${line}\n`);
}

/** The GWS child (with both simulators). */
class ServerProcess extends BenchChildProcess<ServerMessage, BenchCommand> {
  static start(directoryFile: string, cpuProfDir: string | undefined): ServerProcess {
    const execArgv = [...process.execArgv, ...GWS_NODE_FLAGS];
    if (cpuProfDir !== undefined) execArgv.push('--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`);
    const child = BenchChildProcess.forkScript('login-bench-server.ts', [directoryFile], execArgv);
    return new ServerProcess('GWS child', child, isServerMessage, SHUTDOWN_TIMEOUT_MS);
  }

  async usage(): Promise<ServerUsage> {
    const answer = this.next('usage', 10_000);
    this.send({ type: 'usage' });
    return answer;
  }
}

/** Nearest-rank percentiles, rounded to 0.1 ms. */
function percentiles(values: readonly number[]): { p50: number; p95: number; p99: number; max: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number): number => {
    const value = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
    return Math.round(value * 10) / 10;
  };
  return { p50: rank(50), p95: rank(95), p99: rank(99), max: Math.round(sorted[sorted.length - 1]! * 10) / 10 };
}

/** Runs every agent's flow with at most `concurrency` in flight; all bounded by `deadline`. */
async function storm(
  browsers: readonly LoginBrowser[],
  concurrency: number,
  deadline: number,
  onDone: (outcome: LoginOutcome) => void,
): Promise<LoginOutcome[]> {
  const outcomes: LoginOutcome[] = new Array<LoginOutcome>(browsers.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < browsers.length) {
      const index = next++;
      const outcome =
        performance.now() >= deadline
          ? ({ ok: false, step: 'not-started', reason: 'global deadline passed before this agent started' } as const)
          : await browsers[index]!.run(deadline);
      outcomes[index] = outcome;
      onDone(outcome);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const benchDeadline = performance.now() + options.timeoutMs + SERVER_START_TIMEOUT_MS + 3 * SHUTDOWN_TIMEOUT_MS;
  const watchdog = setTimeout(() => {
    log('global deadline passed during set-up or shut-down: giving up');
    process.exit(2);
  }, benchDeadline - performance.now());
  watchdog.unref();

  const directory = writeLoginBenchDirectory(options.agents);
  log(`${options.agents} agents, ${options.concurrency} in flight, timeout ${options.timeoutMs} ms`);
  const server = ServerProcess.start(directory.file, options.serverCpuProfDir);
  const browsers: LoginBrowser[] = [];
  try {
    const ready: ServerReady = await server.next('ready', SERVER_START_TIMEOUT_MS);
    log(`GWS child up on port ${ready.port} in ${ready.startupMs} ms (RSS ${ready.rssMb} MB)`);
    const before = await server.usage();

    for (let index = 0; index < options.agents; index++) {
      browsers.push(new LoginBrowser(ready.port, index, directory.agents[index]!));
    }
    let done = 0;
    let failed = 0;
    const firstFailures: string[] = [];
    const loadAverageAtStart = Math.round(loadavg()[0]! * 100) / 100;
    const clientCpuBefore = process.cpuUsage();
    const clientLoopBefore = performance.eventLoopUtilization();
    const start = performance.now();
    const progress = setInterval(
      () => log(`${((performance.now() - start) / 1000).toFixed(1)} s: ${done} done, ${failed} failed`),
      2000,
    );
    const outcomes = await storm(browsers, options.concurrency, start + options.timeoutMs, (outcome) => {
      done++;
      if (!outcome.ok) {
        failed++;
        if (firstFailures.length < 5) firstFailures.push(`${outcome.step}: ${outcome.reason}`);
      }
    });
    const durationMs = performance.now() - start;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const clientLoop = performance.eventLoopUtilization(clientLoopBefore);
    clearInterval(progress);
    const after = await server.usage();
    for (const failure of firstFailures) log(`failure: ${failure}`);

    const timings: LoginTimings[] = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.timings] : []));
    const failureSteps: Record<string, number> = {};
    for (const outcome of outcomes) if (!outcome.ok) failureSteps[outcome.step] = (failureSteps[outcome.step] ?? 0) + 1;
    const of = (pick: (timing: LoginTimings) => number) => percentiles(timings.map(pick));
    const cpuMs = after.cpuMs - before.cpuMs;
    const result = {
      benchmark: 'login',
      agents: options.agents,
      concurrency: options.concurrency,
      durationMs: Math.round(durationMs),
      loginsPerSecond: Math.round((timings.length / durationMs) * 1000 * 10) / 10,
      failures: options.agents - timings.length,
      failureSteps,
      cometdHandshakeRetries: timings.reduce((sum, timing) => sum + timing.handshakeRetries, 0),
      latencyMs: {
        loginToReady: of((t) => t.loginToReadyMs),
        readyRoundTrip: of((t) => t.readyRoundTripMs),
        restLogin: of((t) => t.restLoginMs),
        cometdConnect: of((t) => t.cometdConnectMs),
        startToNotReady: of((t) => t.startToNotReadyMs),
      },
      gwsPeakRssMb: after.peakRssMb,
      gwsRssBeforeMb: before.rssMb,
      gwsRssAfterMb: after.rssMb,
      gwsCpuMs: cpuMs,
      gwsCpuUtilization: Math.round((cpuMs / durationMs) * 100) / 100,
      gwsEventLoopUtilization: eventLoopUtilization(before.eventLoop, after.eventLoop),
      gwsNotificationSessions: after.notifications,
      confservRequestsPerLogin:
        Math.round(((after.confservRequests - before.confservRequests) / options.agents) * 10) / 10,
      gwsStartupMs: ready.startupMs,
      clientCpuMs: Math.round((clientCpu.user + clientCpu.system) / 1000),
      clientEventLoopUtilization: Math.round(clientLoop.utilization * 100) / 100,
      node: process.version,
      cpus: cpus().length,
      // Other work on the machine during the run (the 1-minute load average when the storm began).
      loadAverageAtStart: loadAverageAtStart,
    };

    log('disconnecting the browsers');
    await Promise.all(browsers.map((browser) => browser.close(SHUTDOWN_TIMEOUT_MS)));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result.failures === 0 ? 0 : 1;
  } finally {
    await Promise.all(browsers.map((browser) => browser.close(SHUTDOWN_TIMEOUT_MS))).catch(() => undefined);
    await server.stop();
    directory.remove();
  }
}

main().then(
  (code) => {
    // Keep-alive sockets of fetch and of the CometD transport would hold the loop open: leave once stdout is out.
    process.stdout.write('', () => process.exit(code));
  },
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);

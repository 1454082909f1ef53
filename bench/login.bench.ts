/**
 * Login storm (issue 5): N agents log in and go Ready concurrently through REST + CometD, each one seeing its own
 * DeviceStateChangeMessage (NotReady after StartContactCenterSession, then Ready).
 *
 *   npm run bench:login                                   # 200 agents, all at once
 *   npm run bench:login -- --agents 2000                  # 2,000 agents, 200 in flight
 *   npm run bench:login -- --agents 2000 --concurrency 500 --timeout-ms 300000
 *   npm run bench:login -- --server-cpu-prof /tmp/prof    # CPU profile of the GWS process
 *   npm run bench:login -- --agents 2000 --stages         # each stage for every agent before the next: CPU by stage
 *
 * Three processes, as in a deployment: both simulators in one child (bench/support/events-sim-server.ts) on a
 * generated contact center of N agents, GWS alone in another (bench/support/login-bench-server.ts), connected to
 * them over loopback TCP, and the simulated browsers (official CometD client, each on its own loopback hostname) in
 * this process. Prints ONE JSON object on stdout; progress goes to stderr. Exit code 0 when every agent reached
 * Ready, 1 otherwise.
 */
import { exitAfter, exitWith } from './support/bench-main';
import { BenchChildProcess } from './support/bench-child-process';
import { cpus, loadavg } from 'node:os';
import { ServerProcess as SimulatorProcess } from './support/events-server-process';
import { LOGIN_STAGES, LoginBrowser, type LoginOutcome, type LoginTimings } from './support/login-browser';
import { stageReport, type StageReading } from './support/login-stages';
import { writeLoginBenchDirectory } from './support/login-directory';
import { parseBenchArgs } from './support/bench-args';
import type { SimulatorPorts } from './support/events-protocol';
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
  /** Run each stage of the flow for every agent before the next stage (CPU per login by stage). */
  stages: boolean;
}

/** In flight at once when --concurrency is not given: everyone up to this many agents, then this many. */
const DEFAULT_MAX_IN_FLIGHT = 200;
const SERVER_START_TIMEOUT_MS = 120_000;
const SHUTDOWN_TIMEOUT_MS = 10_000;

function parseOptions(argv: readonly string[]): Options {
  const values = parseBenchArgs(argv);
  const known = new Set(['agents', 'concurrency', 'timeout-ms', 'server-cpu-prof', 'stages']);
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
  const stages = values.get('stages') ?? 'false';
  if (stages !== 'true' && stages !== 'false') throw new Error(`--stages takes true or false, got "${stages}"`);
  return {
    agents,
    concurrency,
    timeoutMs,
    serverCpuProfDir: values.get('server-cpu-prof'),
    stages: stages === 'true',
  };
}

function log(line: string): void {
  process.stderr.write(`[bench:login] ${line}\n`);
}

/** The GWS child. */
class ServerProcess extends BenchChildProcess<ServerMessage, BenchCommand> {
  static start(simulators: SimulatorPorts, cpuProfDir: string | undefined): ServerProcess {
    const execArgv = [...process.execArgv, ...GWS_NODE_FLAGS];
    if (cpuProfDir !== undefined) execArgv.push('--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`);
    const ports = [simulators.tserverPrimary, simulators.tserverBackup, simulators.confserv].map(String);
    const child = BenchChildProcess.forkScript('login-bench-server.ts', ports, execArgv);
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

/** Runs `work` for every browser with at most `concurrency` in flight; all bounded by `deadline`. */
async function storm(
  browsers: readonly LoginBrowser[],
  concurrency: number,
  deadline: number,
  work: (browser: LoginBrowser) => Promise<LoginOutcome>,
  onDone: (outcome: LoginOutcome) => void = () => undefined,
): Promise<LoginOutcome[]> {
  const outcomes: LoginOutcome[] = new Array<LoginOutcome>(browsers.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < browsers.length) {
      const index = next++;
      const outcome =
        performance.now() >= deadline
          ? ({ ok: false, step: 'not-started', reason: 'global deadline passed before this agent started' } as const)
          : await work(browsers[index]!);
      outcomes[index] = outcome;
      onDone(outcome);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}

/** The simulator child (both simulators), once it says where they listen. */
async function startSimulators(directoryFile: string): Promise<{ process: SimulatorProcess; ports: SimulatorPorts }> {
  const child = SimulatorProcess.start('events-sim-server.ts', [directoryFile], undefined, undefined);
  const ready = await child.next('ready', SERVER_START_TIMEOUT_MS);
  if (ready.simulators === undefined) throw new Error('the simulator child did not say where its simulators listen');
  log(`simulator child up in ${ready.startupMs} ms`);
  return { process: child, ports: ready.simulators };
}

/** CPU of the three processes now (the browsers' process is this one). */
async function readingOf(server: ServerProcess, simulator: SimulatorProcess): Promise<StageReading> {
  const [gws, simulators] = await Promise.all([server.usage(), simulator.usage()]);
  const client = process.cpuUsage();
  return {
    at: performance.now(),
    gws,
    simulatorsCpuMs: simulators.cpuMs,
    clientCpuMs: (client.user + client.system) / 1000,
  };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  exitAfter(options.timeoutMs + 2 * SERVER_START_TIMEOUT_MS + 4 * SHUTDOWN_TIMEOUT_MS, log);

  const directory = writeLoginBenchDirectory(options.agents);
  log(`${options.agents} agents, ${options.concurrency} in flight, timeout ${options.timeoutMs} ms`);
  const simulators = await startSimulators(directory.file);
  const server = ServerProcess.start(simulators.ports, options.serverCpuProfDir);
  const browsers: LoginBrowser[] = [];
  let printed: (() => void) | undefined;
  try {
    const ready: ServerReady = await server.next('ready', SERVER_START_TIMEOUT_MS);
    log(`GWS child up on port ${ready.port} in ${ready.startupMs} ms (RSS ${ready.rssMb} MB)`);
    const before = await readingOf(server, simulators.process);

    for (let index = 0; index < options.agents; index++) {
      browsers.push(new LoginBrowser(ready.port, index, directory.agents[index]!));
    }
    let done = 0;
    let failed = 0;
    const firstFailures: string[] = [];
    const loadAverageAtStart = Math.round(loadavg()[0]! * 100) / 100;
    const clientLoopBefore = performance.eventLoopUtilization();
    const start = performance.now();
    const deadline = start + options.timeoutMs;
    const progress = setInterval(
      () => log(`${((performance.now() - start) / 1000).toFixed(1)} s: ${done} done, ${failed} failed`),
      2000,
    );
    const onDone = (outcome: LoginOutcome): void => {
      done++;
      if (!outcome.ok) {
        failed++;
        if (firstFailures.length < 5) firstFailures.push(`${outcome.step}: ${outcome.reason}`);
      }
    };
    const readings: StageReading[] = [before];
    let outcomes: LoginOutcome[] = [];
    if (options.stages) {
      for (const stage of LOGIN_STAGES) {
        const last = stage === LOGIN_STAGES[LOGIN_STAGES.length - 1];
        outcomes = await storm(
          browsers,
          options.concurrency,
          deadline,
          (browser) => browser.runStage(stage, deadline),
          last ? onDone : undefined,
        );
        readings.push(await readingOf(server, simulators.process));
        log(`stage ${stage} done after ${((performance.now() - start) / 1000).toFixed(1)} s`);
      }
    } else {
      outcomes = await storm(browsers, options.concurrency, deadline, (browser) => browser.run(deadline), onDone);
    }
    const durationMs = performance.now() - start;
    const clientLoop = performance.eventLoopUtilization(clientLoopBefore);
    clearInterval(progress);
    const after = options.stages ? readings[readings.length - 1]! : await readingOf(server, simulators.process);
    for (const failure of firstFailures) log(`failure: ${failure}`);

    const timings: LoginTimings[] = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.timings] : []));
    const failureSteps: Record<string, number> = {};
    for (const outcome of outcomes) if (!outcome.ok) failureSteps[outcome.step] = (failureSteps[outcome.step] ?? 0) + 1;
    const of = (pick: (timing: LoginTimings) => number) => percentiles(timings.map(pick));
    const cpuMs = after.gws.cpuMs - before.gws.cpuMs;
    const simulatorsCpuMs = after.simulatorsCpuMs - before.simulatorsCpuMs;
    const clientCpuMs = Math.round(after.clientCpuMs - before.clientCpuMs);
    const perLogin = (ms: number): number => Math.round((ms / options.agents) * 100) / 100;
    const result = {
      benchmark: 'login',
      topology: 'gws, simulators and browsers in separate processes',
      agents: options.agents,
      concurrency: options.concurrency,
      stagesInTurn: options.stages,
      durationMs: Math.round(durationMs),
      loginsPerSecond: Math.round((timings.length / durationMs) * 1000 * 10) / 10,
      failures: options.agents - timings.length,
      failureSteps,
      cometdHandshakeRetries: timings.reduce((sum, timing) => sum + timing.handshakeRetries, 0),
      latencyMs: {
        // With --stages, from the first stage to the last, waits for the other agents between stages included.
        loginToReady: of((t) => t.loginToReadyMs),
        readyRoundTrip: of((t) => t.readyRoundTripMs),
        restLogin: of((t) => t.restLoginMs),
        cometdConnect: of((t) => t.cometdConnectMs),
        startToNotReady: of((t) => t.startToNotReadyMs),
      },
      gwsPeakRssMb: after.gws.peakRssMb,
      gwsRssBeforeMb: before.gws.rssMb,
      gwsRssAfterMb: after.gws.rssMb,
      gwsCpuMs: cpuMs,
      gwsCpuMsPerLogin: perLogin(cpuMs),
      gwsCpuUtilization: Math.round((cpuMs / durationMs) * 100) / 100,
      gwsEventLoopUtilization: eventLoopUtilization(before.gws.eventLoop, after.gws.eventLoop),
      gwsNotificationSessions: after.gws.notifications,
      confservRequestsPerLogin:
        Math.round(((after.gws.confservRequests - before.gws.confservRequests) / options.agents) * 10) / 10,
      gwsStartupMs: ready.startupMs,
      simulatorsCpuMs,
      simulatorsCpuMsPerLogin: perLogin(simulatorsCpuMs),
      clientCpuMs,
      clientCpuMsPerLogin: perLogin(clientCpuMs),
      clientEventLoopUtilization: Math.round(clientLoop.utilization * 100) / 100,
      node: process.version,
      cpus: cpus().length,
      // Other work on the machine during the run (the 1-minute load average when the storm began).
      loadAverageAtStart: loadAverageAtStart,
    };

    log('disconnecting the browsers');
    await Promise.all(browsers.map((browser) => browser.close(SHUTDOWN_TIMEOUT_MS)));
    // The GWS child writes its CPU profile as it exits: the stage report reads it after the stop below.
    const gwsPid = server.child.pid;
    printed = () => {
      const stages = options.stages
        ? { stages: stageReport(LOGIN_STAGES, readings, options.agents, options.serverCpuProfDir, gwsPid) }
        : {};
      process.stdout.write(`${JSON.stringify({ ...result, ...stages })}\n`);
    };
    return result.failures === 0 ? 0 : 1;
  } finally {
    await Promise.all(browsers.map((browser) => browser.close(SHUTDOWN_TIMEOUT_MS))).catch(() => undefined);
    await server.stop();
    await simulators.process.stop();
    directory.remove();
    printed?.();
  }
}

exitWith(main, log);

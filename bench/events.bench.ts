/**
 * Event push latency (issue 6): N agents logged in and Ready, each holding a long-polling CometD session; the
 * T-Server simulator rings and releases calls on them at a set rate of events per second; every
 * CallStateChangeMessage's latency is measured from the simulator's TimeStamp of the T-Server event to its arrival
 * at the browser. Then, in the same run, the same message volume (copies of the same GWS messages, same schedule) is
 * delivered by a bare cometd-nodejs-server to the same number of clients: the baseline.
 *
 *   npm run bench:events                                   # 200 agents, 1,000 events/s, 10 s measured
 *   npm run bench:events -- --agents 2000                  # 2,000 agents
 *   npm run bench:events -- --rate 2000 --duration-ms 20000 --warmup-ms 3000 --hold-ms 300
 *   npm run bench:events -- --server-cpu-prof /tmp/prof    # V8 CPU profile of the GWS process
 *   npm run bench:events -- --semi-space-mb 64             # GWS and baseline children with --max-semi-space-size=64
 *   npm run bench:events -- --settle-heaps false           # no full GC in every process before each drive
 *
 * GWS phase: three processes. Both simulators and the call schedule run in one child
 * (bench/support/events-sim-server.ts), GWS alone in another (bench/support/events-bench-server.ts), connected to the
 * simulators over loopback TCP as to real servers; the browsers run in this process, which joins the simulator's
 * event stamps with the arrivals. Baseline phase: a bare cometd-nodejs-server in its own child
 * (bench/support/events-baseline-server.ts), fed by a publisher child (events-baseline-publisher.ts) and then by
 * itself, never at the same time as the GWS phase. Prints ONE JSON
 * object on stdout; progress goes to stderr. Exit code 0 when the run completed (missed targets are reported, not
 * failures), 1 when it could not (an agent did not reach Ready, a child failed).
 */
import { cpus, loadavg } from 'node:os';
import { BenchChildProcess } from './support/bench-child-process';
import { Arrivals, BaselineBrowser, GwsAgentBrowser } from './support/events-browser';
import {
  isEventsServerMessage,
  type BaselineSamples,
  type DriveReport,
  type DriveSpec,
  type EventsCommand,
  type EventsServerMessage,
  type EventsServerUsage,
} from './support/events-protocol';
import { writeLoginBenchDirectory } from './support/login-directory';
import { eventLoopUtilization } from './support/login-protocol';
import { parseBenchArgs } from './support/bench-args';
import { settleHeap } from './support/events-usage';
import { GWS_NODE_FLAGS } from '../apps/gws/src/bootstrap/node-flags';

interface Options {
  agents: number;
  rate: number;
  durationMs: number;
  warmupMs: number;
  holdMs: number;
  drainMs: number;
  timeoutMs: number;
  serverCpuProfDir: string | undefined;
  /** --max-semi-space-size (MB) of the GWS and baseline children; undefined: Node's default. */
  semiSpaceMb: number | undefined;
  /** A full GC in every process of a drive (browsers' included) right before it starts. */
  settleHeaps: boolean;
}

const LOGIN_CONCURRENCY = 200;
const SERVER_START_TIMEOUT_MS = 120_000;
const SHUTDOWN_TIMEOUT_MS = 10_000;

function parseOptions(argv: readonly string[]): Options {
  const values = parseBenchArgs(argv);
  const known = [
    'agents',
    'rate',
    'duration-ms',
    'warmup-ms',
    'hold-ms',
    'drain-ms',
    'timeout-ms',
    'server-cpu-prof',
    'semi-space-mb',
    'settle-heaps',
  ];
  for (const key of values.keys()) if (!known.includes(key)) throw new Error(`unknown option --${key}`);
  const integer = (name: string, fallback: number, min = 1): number => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min)
      throw new Error(`--${name} must be an integer >= ${min}, got "${raw}"`);
    return value;
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    if (raw !== 'true' && raw !== 'false') throw new Error(`--${name} must be true or false, got "${raw}"`);
    return raw === 'true';
  };
  const agents = integer('agents', 200);
  const rate = integer('rate', 1000, 2);
  // Calls in flight = calls/s x hold: by default at most half the agents ring at once, and no call rings over 1 s.
  const holdMs = integer('hold-ms', Math.max(1, Math.min(1000, Math.floor(((agents / 2) * 1000) / (rate / 2)))));
  return {
    agents,
    rate,
    durationMs: integer('duration-ms', 10_000),
    warmupMs: integer('warmup-ms', 2000, 0),
    holdMs,
    drainMs: integer('drain-ms', 5000, 0),
    // Bound of the login (or handshake) storm of each phase.
    timeoutMs: integer('timeout-ms', Math.max(60_000, agents * 60)),
    serverCpuProfDir: values.get('server-cpu-prof'),
    semiSpaceMb: values.has('semi-space-mb') ? integer('semi-space-mb', 0) : undefined,
    settleHeaps: boolean('settle-heaps', true),
  };
}

function log(line: string): void {
  process.stderr.write(`[bench:events] ${line}\n`);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A child of this bench: the simulator, GWS, the baseline server or its publisher. */
class ServerProcess extends BenchChildProcess<EventsServerMessage, EventsCommand> {
  /** `nodeFlags`: GWS_NODE_FLAGS for the GWS child and the baseline server, so both run on the same V8 settings. */
  static start(
    script: string,
    args: string[],
    cpuProfDir: string | undefined,
    semiSpaceMb: number | undefined,
    nodeFlags: readonly string[] = [],
  ): ServerProcess {
    const execArgv = [...process.execArgv, ...nodeFlags];
    if (cpuProfDir !== undefined) execArgv.push('--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`);
    if (semiSpaceMb !== undefined) execArgv.push(`--max-semi-space-size=${semiSpaceMb}`);
    const child = BenchChildProcess.forkScript(script, args, execArgv);
    return new ServerProcess(script, child, isEventsServerMessage, SHUTDOWN_TIMEOUT_MS);
  }

  /** GWS child: when each of `keys` reached CometdGateway.deliver (-1: never). */
  async handed(keys: readonly string[]): Promise<readonly number[]> {
    const answer = this.next('handed', 30_000);
    this.send({ type: 'handed', keys });
    return (await answer).at;
  }

  /** `settle`: the child runs a full GC first (events-usage.ts). */
  usage(settle = false): Promise<EventsServerUsage> {
    const answer = this.next('usage', 10_000);
    this.send({ type: 'usage', ...(settle ? { settle } : {}) });
    return answer;
  }
}

interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles, rounded to 0.01 ms. */
function percentiles(values: readonly number[]): LatencySummary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const round = (value: number): number => Math.round(value * 100) / 100;
  const rank = (p: number): number =>
    round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!);
  return { p50: rank(50), p95: rank(95), p99: rank(99), max: round(sorted[sorted.length - 1]!) };
}

/** Runs `run` for every item with at most `concurrency` in flight; returns the error messages. */
async function pool<T>(
  items: readonly T[],
  concurrency: number,
  run: (item: T) => Promise<string | undefined>,
): Promise<string[]> {
  const errors: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const error = await run(items[next++]!);
      if (error !== undefined) errors.push(error);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return errors;
}

/** Waits until every event the drive made has arrived, or `drainMs` passed. */
async function drain(report: DriveReport, arrivals: Arrivals, drainMs: number): Promise<void> {
  const end = performance.now() + drainMs;
  let missing = report.keys.filter((key) => !arrivals.at.has(key));
  while (missing.length > 0 && performance.now() < end) {
    await sleep(50);
    missing = missing.filter((key) => !arrivals.at.has(key));
  }
}

interface PhaseResult {
  eventsDelivered: number;
  eventsPerSecond: number;
  latencyMs: LatencySummary | null;
  peakRssMb: number;
  lost: number;
  details: Record<string, unknown>;
}

/** Joins the child's origin stamps with the browsers' arrivals, for the events whose origin is in the window. */
function measure(
  spec: DriveSpec,
  report: DriveReport,
  arrivals: Arrivals,
  before: EventsServerUsage,
  after: EventsServerUsage,
  client: { cpuMs: number; eventLoopUtilization: number },
  driver: { label: string; before: EventsServerUsage; after: EventsServerUsage } | undefined,
): PhaseResult {
  const latencies: number[] = [];
  const toCometd: number[] = [];
  const cometdToBrowser: number[] = [];
  let lost = 0;
  for (let i = 0; i < report.keys.length; i++) {
    const origin = report.origins[i]!;
    if (origin < report.windowFrom || origin >= report.windowTo) continue;
    const arrived = arrivals.at.get(report.keys[i]!);
    if (arrived === undefined) lost++;
    else latencies.push(arrived - origin);
    const handed = report.handedToCometdAt?.[i] ?? -1;
    if (handed >= 0) {
      toCometd.push(handed - origin);
      if (arrived !== undefined) cometdToBrowser.push(arrived - handed);
    }
  }
  const driveMs = report.windowTo - report.windowFrom + spec.warmupMs;
  const cpuMs = after.cpuMs - before.cpuMs;
  return {
    eventsDelivered: latencies.length,
    eventsPerSecond: Math.round((latencies.length / spec.durationMs) * 1000 * 10) / 10,
    latencyMs: percentiles(latencies),
    peakRssMb: after.peakRssMb,
    lost,
    details: {
      callsStarted: report.callsStarted,
      callsEnded: report.callsEnded,
      skippedNoIdleTarget: report.skippedNoIdleTarget,
      errors: report.errors,
      ...(report.firstError === undefined ? {} : { firstError: report.firstError }),
      maxCallsInFlight: report.maxInFlight,
      maxDriverTickGapMs: report.maxTickGapMs,
      duplicates: arrivals.duplicates,
      sessions: after.sessions,
      rssAfterMb: after.rssMb,
      serverCpuUtilization: Math.round((cpuMs / driveMs) * 100) / 100,
      serverEventLoopUtilization: eventLoopUtilization(before.eventLoop, after.eventLoop),
      clientCpuUtilization: Math.round((client.cpuMs / driveMs) * 100) / 100,
      clientEventLoopUtilization: client.eventLoopUtilization,
      ...(report.handedToCometdAt === undefined
        ? {}
        : {
            // The two halves of the latency: T-Server event to CometdGateway.deliver, then to the browser.
            eventToCometdDeliverMs: percentiles(toCometd),
            cometdDeliverToBrowserMs: percentiles(cometdToBrowser),
          }),
      ...(report.stampCheck === undefined ? {} : { simulatorStampCheck: report.stampCheck }),
      ...(driver === undefined
        ? {}
        : {
            // The process that ran the schedule: the simulator child (not GWS) or the baseline publisher.
            [driver.label]: {
              peakRssMb: driver.after.peakRssMb,
              rssAfterMb: driver.after.rssMb,
              cpuUtilization: Math.round(((driver.after.cpuMs - driver.before.cpuMs) / driveMs) * 100) / 100,
              eventLoopUtilization: eventLoopUtilization(driver.before.eventLoop, driver.after.eventLoop),
            },
          }),
    },
  };
}

/** Who takes part in one drive, and what to ask them. */
interface DriveParties {
  /** The process that holds the CometD sessions (GWS or the bare baseline). */
  readonly server: ServerProcess;
  /** The process that runs the schedule, when not `server`: the simulator child or the baseline publisher. */
  readonly driver?: { readonly process: ServerProcess; readonly label: 'simulatorProcess' | 'publisherProcess' };
  /** GWS only: ask the server when each event reached CometdGateway.deliver. */
  readonly askHanded: boolean;
  readonly samples?: BaselineSamples;
  readonly targets: readonly string[];
  readonly targetCount?: number;
}

/**
 * Sends `drive` to the driver (or the server itself) and waits for the report and the deliveries; measures server,
 * driver and client usage around it.
 */
async function runDrive(
  parties: DriveParties,
  spec: DriveSpec,
  arrivals: Arrivals,
  options: Options,
): Promise<PhaseResult> {
  const { server, driver, samples, targetCount } = parties;
  const scheduler = driver?.process ?? server;
  const [before, driverBefore] = await Promise.all([
    server.usage(options.settleHeaps),
    driver?.process.usage(options.settleHeaps),
  ]);
  if (options.settleHeaps) settleHeap();
  const clientCpu = process.cpuUsage();
  const clientLoop = performance.eventLoopUtilization();
  const driven = scheduler.next('driven', spec.warmupMs + spec.durationMs + spec.holdMs + 60_000);
  scheduler.send({
    type: 'drive',
    spec,
    targets: parties.targets,
    ...(samples === undefined ? {} : { samples }),
    ...(targetCount === undefined ? {} : { targetCount }),
  });
  let report = await driven;
  await drain(report, arrivals, options.drainMs);
  const cpu = process.cpuUsage(clientCpu);
  const loop = performance.eventLoopUtilization(clientLoop);
  const after = await server.usage();
  const driverAfter = await driver?.process.usage();
  if (parties.askHanded) report = { ...report, handedToCometdAt: await server.handed(report.keys) };
  return measure(
    spec,
    report,
    arrivals,
    before,
    after,
    { cpuMs: (cpu.user + cpu.system) / 1000, eventLoopUtilization: Math.round(loop.utilization * 100) / 100 },
    driver === undefined || driverBefore === undefined || driverAfter === undefined
      ? undefined
      : { label: driver.label, before: driverBefore, after: driverAfter },
  );
}

function progress(phase: string, arrivals: Arrivals): NodeJS.Timeout {
  const start = performance.now();
  let last = 0;
  return setInterval(() => {
    const count = arrivals.at.size;
    log(`${phase} ${((performance.now() - start) / 1000).toFixed(0)} s: ${count} events arrived (+${count - last})`);
    last = count;
  }, 2000);
}

async function gwsPhase(
  options: Options,
  spec: DriveSpec,
  arrivals: Arrivals,
): Promise<{ result: PhaseResult; agentsReady: number; failures: string[]; samples: BaselineSamples | undefined }> {
  const directory = writeLoginBenchDirectory(options.agents);
  const simulator = ServerProcess.start('events-sim-server.ts', [directory.file], undefined, undefined);
  let server: ServerProcess | undefined;
  const browsers: GwsAgentBrowser[] = [];
  try {
    const simulated = await simulator.next('ready', SERVER_START_TIMEOUT_MS);
    const ports = simulated.simulators;
    if (ports === undefined) throw new Error('the simulator child did not say where its simulators listen');
    log(
      `simulator child up in ${simulated.startupMs} ms: T-Server ${ports.tserverPrimary}/${ports.tserverBackup}, ` +
        `Configuration Server ${ports.confserv} (clock skew ${simulated.clockSkewMs} ms)`,
    );
    server = ServerProcess.start(
      'events-bench-server.ts',
      [String(ports.tserverPrimary), String(ports.tserverBackup), String(ports.confserv)],
      options.serverCpuProfDir,
      options.semiSpaceMb,
      GWS_NODE_FLAGS,
    );
    const ready = await server.next('ready', SERVER_START_TIMEOUT_MS);
    log(`GWS child up on port ${ready.port} in ${ready.startupMs} ms (clock skew ${ready.clockSkewMs} ms)`);
    for (let index = 0; index < options.agents; index++) {
      browsers.push(new GwsAgentBrowser(ready.port, index, arrivals, directory.agents[index]!));
    }
    const loginStart = performance.now();
    const deadline = loginStart + options.timeoutMs;
    const failures = await pool(browsers, LOGIN_CONCURRENCY, (browser) => browser.run(deadline));
    const loginMs = Math.round(performance.now() - loginStart);
    log(`${options.agents - failures.length}/${options.agents} agents Ready in ${loginMs} ms`);
    for (const failure of failures.slice(0, 5)) log(`login failure: ${failure}`);
    const failed = new Set(failures.map((failure) => failure.split(':')[0]));
    const targets = browsers.filter((browser) => !failed.has(browser.agent.userName)).map((b) => b.agent.dn);
    await sleep(1000);
    log(
      `GWS: driving ${spec.ratePerSecond} events/s for ${spec.warmupMs} + ${spec.durationMs} ms, hold ${spec.holdMs} ms`,
    );
    const timer = progress('GWS', arrivals);
    const parties: DriveParties = {
      server,
      driver: { process: simulator, label: 'simulatorProcess' },
      askHanded: true,
      targets,
    };
    const result = await runDrive(parties, spec, arrivals, options).finally(() => clearInterval(timer));
    result.details['loginMs'] = loginMs;
    const samples =
      arrivals.ringing !== undefined && arrivals.released !== undefined
        ? { ringing: arrivals.ringing, released: arrivals.released }
        : undefined;
    if (samples !== undefined) {
      result.details['messageBytes'] = {
        ringing: JSON.stringify(samples.ringing).length,
        released: JSON.stringify(samples.released).length,
      };
    }
    return { result, agentsReady: targets.length, failures, samples };
  } finally {
    log('GWS: disconnecting the browsers');
    await Promise.all(browsers.map((browser) => browser.close(SHUTDOWN_TIMEOUT_MS))).catch(() => undefined);
    await server?.stop();
    await simulator.stop();
    directory.remove();
  }
}

/**
 * The bare cometd-nodejs-server with the same clients, driven twice: first by the publisher child over loopback TCP
 * (GWS's topology; the targets are judged against it), then by the server child itself (`baselineInProcess`).
 */
async function baselinePhase(
  options: Options,
  clients: number,
  spec: DriveSpec,
  samples: BaselineSamples,
  arrivals: Arrivals,
): Promise<{ fed: PhaseResult; inProcess: PhaseResult }> {
  const server = ServerProcess.start('events-baseline-server.ts', [], undefined, options.semiSpaceMb, GWS_NODE_FLAGS);
  let publisher: ServerProcess | undefined;
  const browsers: BaselineBrowser[] = [];
  try {
    const ready = await server.next('ready', SERVER_START_TIMEOUT_MS);
    if (ready.feedPort === undefined) throw new Error('the baseline child did not say where its feed listens');
    log(`baseline child up on port ${ready.port}, feed ${ready.feedPort} (clock skew ${ready.clockSkewMs} ms)`);
    for (let index = 0; index < clients; index++) browsers.push(new BaselineBrowser(ready.port, index, arrivals));
    const deadline = performance.now() + options.timeoutMs;
    const failures = await pool(browsers, LOGIN_CONCURRENCY, (browser) => browser.run(deadline));
    if (failures.length > 0) throw new Error(`${failures.length} baseline clients did not connect: ${failures[0]}`);
    // The publisher numbers the sessions as the server does when it connects: every client is in by now.
    publisher = ServerProcess.start('events-baseline-publisher.ts', [String(ready.feedPort)], undefined, undefined);
    await publisher.next('ready', SERVER_START_TIMEOUT_MS);
    await sleep(1000);

    log(`baseline: ${clients} clients connected; the publisher child drives the same schedule over loopback TCP`);
    let timer = progress('baseline (publisher)', arrivals);
    const fedParties: DriveParties = {
      server,
      driver: { process: publisher, label: 'publisherProcess' },
      askHanded: false,
      samples,
      targets: [],
      targetCount: clients,
    };
    const fed = await runDrive(fedParties, spec, arrivals, options).finally(() => clearInterval(timer));

    arrivals.clear();
    log('baseline: the server child drives the same schedule itself');
    timer = progress('baseline (in process)', arrivals);
    const inProcessParties: DriveParties = { server, askHanded: false, samples, targets: [] };
    const inProcess = await runDrive(inProcessParties, spec, arrivals, options).finally(() => clearInterval(timer));
    return { fed, inProcess };
  } finally {
    log('baseline: disconnecting the clients');
    await Promise.all(browsers.map((browser) => browser.close(SHUTDOWN_TIMEOUT_MS))).catch(() => undefined);
    await publisher?.stop();
    await server.stop();
  }
}

const ratioOf = (a: number | undefined, b: number | undefined): number | null =>
  a === undefined || b === undefined || b <= 0 ? null : Math.round((a / b) * 100) / 100;

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const spec: DriveSpec = {
    ratePerSecond: options.rate,
    warmupMs: options.warmupMs,
    durationMs: options.durationMs,
    holdMs: options.holdMs,
  };
  const phaseBoundMs =
    SERVER_START_TIMEOUT_MS + options.timeoutMs + spec.warmupMs + spec.durationMs + 90_000 + 3 * SHUTDOWN_TIMEOUT_MS;
  const watchdog = setTimeout(() => {
    log('global deadline passed: giving up');
    process.exit(2);
  }, 2 * phaseBoundMs);
  watchdog.unref();
  const loadAverageAtStart = Math.round(loadavg()[0]! * 100) / 100;
  log(`${options.agents} agents, ${options.rate} events/s, ${options.warmupMs} + ${options.durationMs} ms`);

  const arrivals = new Arrivals();
  const gws = await gwsPhase(options, spec, arrivals);
  if (gws.samples === undefined) throw new Error('GWS delivered no Ringing and Released message to copy');
  arrivals.clear();
  const baselines = await baselinePhase(options, gws.agentsReady, spec, gws.samples, arrivals);

  const g = gws.result.latencyMs;
  const ratioTo = (b: LatencySummary | null): { p50: number | null; p99: number | null } => ({
    p50: ratioOf(g?.p50, b?.p50),
    p99: ratioOf(g?.p99, b?.p99),
  });
  const within = (ratio: { p50: number | null; p99: number | null }): boolean =>
    ratio.p50 !== null && ratio.p99 !== null && ratio.p50 <= 2 && ratio.p99 <= 2;
  const ratio = ratioTo(baselines.fed.latencyMs);
  const ratioInProcess = ratioTo(baselines.inProcess.latencyMs);
  const result = {
    topology: 'gws and simulators in separate processes',
    agents: options.agents,
    rate: options.rate,
    durationMs: options.durationMs,
    gws: { ...gws.result, agentsReady: gws.agentsReady },
    baseline: baselines.fed,
    baselineInProcess: baselines.inProcess,
    ratio,
    ratioInProcess,
    targets: {
      p99Under20msAt1000PerSecWith2000Agents:
        options.agents >= 2000 && options.rate >= 1000 ? g !== null && g.p99 < 20 && gws.result.lost === 0 : null,
      withinTwiceBaseline: within(ratio),
      withinTwiceInProcessBaseline: within(ratioInProcess),
    },
    warmupMs: options.warmupMs,
    holdMs: options.holdMs,
    semiSpaceMb: options.semiSpaceMb ?? null,
    settleHeaps: options.settleHeaps,
    nodeFlags: GWS_NODE_FLAGS,
    node: process.version,
    cpus: cpus().length,
    loadAverageAtStart,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return gws.failures.length === 0 ? 0 : 1;
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

/**
 * Sessions per node (issue 16, target 1): N agents (18,000 by default) logged in and Ready on ONE GWS process, each
 * holding a long-polling CometD session, while the T-Server simulator rings and releases calls on them at 1,000
 * events/s; the push latency of every CallStateChangeMessage, GWS's RSS (idle, after the logins, after the drive,
 * peak, per session), its open descriptors, CPU and event-loop share, and where its heap goes. Then, in the same run,
 * a bare cometd-nodejs-server with as many clients on the same schedule: the baseline.
 *
 *   npm run bench:capacity                                          # 18,000 agents, 4 browser processes
 *   npm run bench:capacity -- --agents 2000 --browser-processes 2   # a quick run
 *   npm run bench:capacity -- --heap-snapshot false --baseline false
 *   npm run bench:capacity -- --server-cpu-prof /tmp/prof           # V8 CPU profile of the GWS process
 *
 * Processes: the simulator child and the GWS child of `bench:events` (events-sim-server.ts, events-bench-server.ts),
 * the browsers in `--browser-processes` children (capacity-browser-child.ts), each with its own range of loopback
 * addresses, every socket-holding child with its soft open-file limit raised to the hard one (capacity-spawn.ts).
 * Prints ONE JSON object on stdout; progress goes to stderr. Exit code 0 when the run completed (missed targets are
 * reported, not failures), 1 when it could not (an agent did not reach Ready, a child failed). Method, fields and
 * runs: docs/bench-capacity.md.
 */
import { exitAfter, exitWith } from './support/bench-main';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { GWS_NODE_FLAGS } from '../apps/gws/src/bootstrap/node-flags';
import { baselineCapacityPhase, type BaselineCapacityResult } from './support/capacity-baseline-phase';
import { gwsCapacityPhase } from './support/capacity-gws-phase';
import { snapshotPlace, summariseSnapshot, type HeapSnapshotSummary } from './support/capacity-heap-phase';
import { parseCapacityOptions, type CapacityOptions } from './support/capacity-options';
import { capacityReport } from './support/capacity-report';
import { Arrivals } from './support/events-browser';
import { log } from './support/events-log';
import { driveSpecOf } from './support/events-protocol';
import { SERVER_START_TIMEOUT_MS, SHUTDOWN_TIMEOUT_MS } from './support/events-server-process';
import { round2 } from './support/events-stats';

/** A bound on the whole run: both phases' start-up, storm, drive, drain and stop, and the heap snapshot's summary. */
function runBoundMs(options: CapacityOptions): number {
  const phaseMs =
    SERVER_START_TIMEOUT_MS + options.timeoutMs + options.warmupMs + options.durationMs + options.drainMs + 120_000;
  const heapMs = options.heapSnapshot ? 40 * 60_000 : 0;
  return phaseMs * (options.baseline ? 2 : 1) + 6 * SHUTDOWN_TIMEOUT_MS + heapMs;
}

function commitOf(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const options = parseCapacityOptions(process.argv.slice(2));
  const spec = driveSpecOf(options);
  exitAfter(runBoundMs(options), log);
  // Through process.exit, so that the children see their IPC channel close and stop.
  process.once('SIGINT', () => process.exit(130));
  const loadAverageAtStart = round2(loadavg()[0]!);
  log(
    `${options.agents} agents from ${options.browserProcesses} browser processes, ${options.rate} events/s, ` +
      `${options.warmupMs} + ${options.durationMs} ms (load ${loadAverageAtStart})`,
  );

  const snapshot =
    options.heapSnapshot && options.agents <= options.heapSnapshotAgents
      ? snapshotPlace(options.heapSnapshotDir)
      : undefined;
  const arrivals = new Arrivals();
  try {
    const gws = await gwsCapacityPhase(options, spec, arrivals, snapshot?.file);
    arrivals.clear();
    let baseline: BaselineCapacityResult | null = null;
    const { ringing, released } = gws.samples;
    if (options.baseline && ringing !== undefined && released !== undefined) {
      baseline = await baselineCapacityPhase(options, gws.storm.readyDns.length, spec, { ringing, released }, arrivals);
    }
    let heap: HeapSnapshotSummary | null = null;
    if (snapshot !== undefined && gws.memory.heap?.snapshotFile != null) {
      heap = await summariseSnapshot(snapshot.file, gws.memory.afterLogins.sessions);
    }
    const report = capacityReport(options, gws, baseline, heap, {
      nodeFlags: GWS_NODE_FLAGS,
      node: process.version,
      cpus: cpus().length,
      loadAverageAtStart,
      loadAverageAtEnd: round2(loadavg()[0]!),
      commit: commitOf(),
    });
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return gws.storm.readyDns.length === options.agents ? 0 : 1;
  } finally {
    snapshot?.release();
  }
}

exitWith(main, log);

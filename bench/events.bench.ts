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
 *   npm run bench:events -- --nodes 2 --redis              # two GWS nodes on Redis behind nginx, and a failover
 *   npm run bench:events -- --nodes 2 --redis --sticky     # the same, nginx sticky by session cookie
 *   npm run bench:events -- --nodes 2 --redis --standby false  # the nodes without a standby (NODE_STANDBY=false)
 *
 * GWS phase: three processes. Both simulators and the call schedule run in one child
 * (bench/support/events-sim-server.ts), GWS alone in another (bench/support/events-bench-server.ts), connected to the
 * simulators over loopback TCP as to real servers; the browsers run in this process, which joins the simulator's
 * event stamps with the arrivals. Baseline phase: a bare cometd-nodejs-server in its own child
 * (bench/support/events-baseline-server.ts), fed by a publisher child (events-baseline-publisher.ts) and then by
 * itself, never at the same time as the GWS phase. With `--nodes N --redis` the baseline phase gives way to the
 * cluster phase (bench/support/events-cluster.ts), compared with the single-node GWS phase of the same run.
 * Prints ONE JSON object on stdout; progress goes to stderr. Exit code 0 when the run completed (missed targets are
 * reported, not failures), 1 when it could not (an agent did not reach Ready, a child failed).
 */
import { exitAfter, exitWith } from './support/bench-main';
import { cpus, loadavg } from 'node:os';
import { GWS_NODE_FLAGS } from '../apps/gws/src/bootstrap/node-flags';
import { baselinePhase } from './support/events-baseline-phase';
import { Arrivals } from './support/events-browser';
import { balancing, clusterPhase, type ClusterPhaseResult } from './support/events-cluster';
import type { PhaseResult } from './support/events-drive-run';
import { gwsPhase, type GwsPhaseResult } from './support/events-gws-phase';
import { log } from './support/events-log';
import { parseEventsOptions, type EventsOptions } from './support/events-options';
import { driveSpecOf } from './support/events-protocol';
import { SERVER_START_TIMEOUT_MS, SHUTDOWN_TIMEOUT_MS } from './support/events-server-process';
import { ratioOf, round2, type LatencySummary } from './support/events-stats';

/** A bound on the whole run: each phase's start-up, logins, drive and drain, and stopping. */
function runBoundMs(options: EventsOptions): number {
  const phaseMs =
    SERVER_START_TIMEOUT_MS +
    options.timeoutMs +
    options.warmupMs +
    options.durationMs +
    90_000 +
    3 * SHUTDOWN_TIMEOUT_MS;
  const cluster = options.cluster;
  const clusterMs =
    cluster === undefined ? 0 : phaseMs + SERVER_START_TIMEOUT_MS + cluster.killAfterMs + cluster.afterKillMs + 60_000;
  return 2 * (phaseMs * (options.baseline ? 2 : 1) + clusterMs);
}

const within = (ratio: { p50: number | null; p99: number | null }): boolean =>
  ratio.p50 !== null && ratio.p99 !== null && ratio.p50 <= 2 && ratio.p99 <= 2;

const ratioTo = (g: LatencySummary | null, b: LatencySummary | null): { p50: number | null; p99: number | null } => ({
  p50: ratioOf(g?.p50, b?.p50),
  p99: ratioOf(g?.p99, b?.p99),
});

/** The baseline figures and the targets judged against them. */
function baselineFields(gws: GwsPhaseResult, baselines: { fed: PhaseResult; inProcess: PhaseResult }): object {
  const ratio = ratioTo(gws.result.latencyMs, baselines.fed.latencyMs);
  const ratioInProcess = ratioTo(gws.result.latencyMs, baselines.inProcess.latencyMs);
  return {
    baseline: baselines.fed,
    baselineInProcess: baselines.inProcess,
    ratio,
    ratioInProcess,
    baselineTargets: { withinTwiceBaseline: within(ratio), withinTwiceInProcessBaseline: within(ratioInProcess) },
  };
}

/** Whether the browsers the killed node served (`served` of them) had an event within 3 s; null: none to judge. */
const under3s = (served: number | undefined, firstMs: number | null | undefined): boolean | null =>
  served === undefined || served === 0 ? null : firstMs !== null && firstMs !== undefined && firstMs < 3000;

/** The cluster's figures beside the single-node ones, and the cluster targets. */
function clusterFields(options: EventsOptions, gws: GwsPhaseResult, cluster: ClusterPhaseResult): object {
  const single = gws.result.latencyMs;
  const steady = cluster.steady.latencyMs;
  const delta = (pick: (summary: LatencySummary) => number): number | null =>
    single === null || steady === null ? null : round2(pick(steady) - pick(single));
  const failover = cluster.failover;
  const lost = failover === null ? (cluster.sequence?.lost ?? 0) : failover.sequence.lost;
  const missing =
    failover === null
      ? 0
      : Number(failover.events.killedNodeAgents['missing']) + Number(failover.events.survivingNodeAgents['missing']);
  // Nothing driven (no agent reached Ready): nothing to judge.
  const driven = cluster.steady.eventsSent > 0;
  const judged = driven && options.agents >= 2000 && options.rate >= 1000;
  const p99Delta = delta((summary) => summary.p99);
  return {
    cluster: { ...cluster.steady, agentsReady: cluster.agentsReady },
    comparison: { p50DeltaMs: delta((s) => s.p50), p99DeltaMs: p99Delta, maxDeltaMs: delta((s) => s.max) },
    failover,
    ...(cluster.sequence === null ? {} : { sequence: cluster.sequence }),
    targets: {
      p99Within2msOfSingleNodeAt1000PerSecWith2000Agents: judged
        ? p99Delta !== null && p99Delta <= 2 && cluster.steady.lost === 0
        : null,
      failoverUnder3s: under3s(failover?.servedByKilledNode.cometdSessions, failover?.firstEventMs.cometdSessions),
      killedNodeAgentsServedUnder3s: under3s(failover?.servedByKilledNode.agents, failover?.firstNewEventMs.agents),
      noEventLost: driven ? lost === 0 && missing === 0 && cluster.steady.lost === 0 : null,
    },
  };
}

async function main(): Promise<number> {
  const options = parseEventsOptions(process.argv.slice(2));
  const spec = driveSpecOf(options);
  exitAfter(runBoundMs(options), log);
  // Through process.exit, so that the cluster phase's exit hook kills what it started.
  process.once('SIGINT', () => process.exit(130));
  const loadAverageAtStart = round2(loadavg()[0]!);
  log(`${options.agents} agents, ${options.rate} events/s, ${options.warmupMs} + ${options.durationMs} ms`);

  const arrivals = new Arrivals();
  const gws = await gwsPhase(options, spec, arrivals);
  if (gws.samples === undefined) throw new Error('GWS delivered no Ringing and Released message to copy');
  arrivals.clear();
  const baselines = options.baseline
    ? await baselinePhase(options, gws.agentsReady, spec, gws.samples, arrivals)
    : undefined;
  arrivals.clear();
  const cluster =
    options.cluster === undefined ? undefined : await clusterPhase(options, options.cluster, spec, arrivals);

  const g = gws.result.latencyMs;
  const common = {
    agents: options.agents,
    rate: options.rate,
    durationMs: options.durationMs,
  };
  const settings = {
    warmupMs: options.warmupMs,
    holdMs: options.holdMs,
    semiSpaceMb: options.semiSpaceMb ?? null,
    settleHeaps: options.settleHeaps,
    nodeFlags: GWS_NODE_FLAGS,
    node: process.version,
    cpus: cpus().length,
    loadAverageAtStart,
  };
  let result: object;
  if (cluster === undefined || options.cluster === undefined) {
    // The single-node report, as it always was.
    const fed = baselines?.fed.latencyMs ?? null;
    const ratio = ratioTo(g, fed);
    const ratioInProcess = ratioTo(g, baselines?.inProcess.latencyMs ?? null);
    result = {
      topology: 'gws and simulators in separate processes',
      ...common,
      gws: { ...gws.result, agentsReady: gws.agentsReady },
      baseline: baselines?.fed ?? null,
      baselineInProcess: baselines?.inProcess ?? null,
      ratio,
      ratioInProcess,
      targets: {
        p99Under20msAt1000PerSecWith2000Agents:
          options.agents >= 2000 && options.rate >= 1000 ? g !== null && g.p99 < 20 && gws.result.lost === 0 : null,
        withinTwiceBaseline: within(ratio),
        withinTwiceInProcessBaseline: within(ratioInProcess),
      },
      ...settings,
    };
  } else {
    result = {
      topology: `${options.cluster.nodes} gws node processes on redis behind nginx (${balancing(options.cluster)}), simulators in their own process; single-node in-memory gws measured first in the same run`,
      ...common,
      nodes: options.cluster.nodes,
      sticky: options.cluster.sticky,
      standby: options.cluster.standby,
      singleNode: { ...gws.result, agentsReady: gws.agentsReady },
      ...clusterFields(options, gws, cluster),
      ...(baselines === undefined ? {} : baselineFields(gws, baselines)),
      ...settings,
    };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  const failures = gws.failures.length + (cluster?.failures.length ?? 0);
  return failures === 0 ? 0 : 1;
}

exitWith(main, log);

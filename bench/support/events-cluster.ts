/**
 * The cluster phase of `bench:events -- --nodes N --redis`: a private redis-server, N GWS node processes on it
 * (events-cluster-nodes.ts), each with its own links to the one simulator child, and a private nginx in front of
 * them (deploy/nginx/gws.conf.template: round robin, or the JSESSIONID cookie hash with `--sticky`); the browsers
 * log in and long-poll through nginx. One drive measures the push latency as the single-node mode does; with two
 * nodes or more a second drive kills one node part-way through (events-failover.ts). Every browser records the
 * `ext.seq` of what it receives (events-sequence.ts), so events lost or repeated anywhere in the phase are counted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRedisServer, type TestRedisServer } from '@gws/testing';
import { startNginx, type TestNginx } from '../../test/support/nginx-server';
import { ClusterNodes, type NodeUsage } from './events-cluster-nodes';
import { GwsAgentBrowser, type Arrivals } from './events-browser';
import {
  deliveryFigures,
  driveDetails,
  driveMsOf,
  progress,
  runDrive,
  type DeliveryFigures,
  type DriveParties,
  type DriveRun,
} from './events-drive-run';
import { Failover, type FailoverReport } from './events-failover';
import { deliveredBetween, deliverySummary, scrapeDelivery, type DeliveryHistogram } from './events-node-delivery';
import { loginBrowsers, sleep, startSimulatorChild } from './events-gws-phase';
import { log } from './events-log';
import type { ClusterOptions, EventsOptions } from './events-options';
import type { DriveSpec } from './events-protocol';
import { SequenceLog, type SequenceReport } from './events-sequence';
import { SHUTDOWN_TIMEOUT_MS, type ServerProcess } from './events-server-process';
import { round2 } from './events-stats';
import { writeLoginBenchDirectory } from './login-directory';
import { childPids, procUsage, type ProcUsage } from './proc-usage';

/**
 * Every process of the cluster read at once: the nodes, redis-server, nginx (master and workers summed); and each
 * node's delivery histogram.
 */
interface ClusterUsage {
  readonly nodes: readonly NodeUsage[];
  readonly delivery: readonly (DeliveryHistogram | undefined)[];
  readonly redis: ProcUsage | undefined;
  readonly nginx: ProcUsage | undefined;
}

export interface ClusterPhaseResult {
  /** The steady drive, measured as the single-node GWS phase is. */
  readonly steady: DeliveryFigures & {
    readonly nodes: readonly Record<string, unknown>[];
    readonly redis: Record<string, unknown>;
    readonly nginx: Record<string, unknown>;
    /** T-Server event → handed to the CometD sessions at a node (events-node-delivery.ts). */
    readonly nodeDeliveryMs: Record<string, unknown>;
    readonly details: Record<string, unknown>;
  };
  readonly agentsReady: number;
  readonly failures: string[];
  /** The failover drive's own figures and the kill's (null with one node). */
  readonly failover: (FailoverReport & { readonly drive: DeliveryFigures }) | null;
  /** Sequence numbers across the phase, when there was no failover to report them. */
  readonly sequence: SequenceReport | null;
}

/** Kills what the phase started if the bench process exits before it could stop them (a deadline, an error). */
class ExitGuard {
  private readonly pids = new Set<() => number | undefined>();
  private readonly onExit = (): void => {
    for (const pid of this.pids) {
      const value = pid();
      if (value !== undefined) {
        try {
          process.kill(value, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  };

  constructor() {
    process.on('exit', this.onExit);
  }

  add(pid: () => number | undefined): void {
    this.pids.add(pid);
  }

  release(): void {
    process.off('exit', this.onExit);
  }
}

/** How nginx spreads the requests, as the report names it. */
export function balancing(cluster: ClusterOptions): string {
  return cluster.sticky ? 'sticky by JSESSIONID cookie hash' : 'round robin';
}

export async function clusterPhase(
  options: EventsOptions,
  cluster: ClusterOptions,
  spec: DriveSpec,
  arrivals: Arrivals,
): Promise<ClusterPhaseResult> {
  const directory = writeLoginBenchDirectory(options.agents);
  const guard = new ExitGuard();
  let simulator: ServerProcess | undefined;
  let redis: TestRedisServer | undefined;
  let nodes: ClusterNodes | undefined;
  let nginx: TestNginx | undefined;
  let failover: Failover | undefined;
  const browsers: GwsAgentBrowser[] = [];
  try {
    const started = await startSimulatorChild(directory);
    simulator = started.simulator;
    redis = await startRedisServer();
    guard.add(redis.pid);
    log(`redis-server up at ${redis.url}; starting ${cluster.nodes} GWS node processes`);
    const nodeStart = performance.now();
    nodes = await ClusterNodes.start({
      count: cluster.nodes,
      redisUrl: redis.url,
      simulators: started.ports,
      semiSpaceMb: options.semiSpaceMb,
      logLevel: cluster.nodeLogLevel,
      cpuProfDir: options.serverCpuProfDir === undefined ? undefined : ensureDir(options.serverCpuProfDir),
      standby: cluster.standby,
    });
    for (const node of nodes.nodes) guard.add(() => node.pid);
    log(`GWS nodes ready in ${Math.round(performance.now() - nodeStart)} ms: ${nodes.upstreams.join(', ')}`);
    // On every address: each browser reaches it on its own loopback hostname, as it reaches the single GWS child.
    nginx = await startNginx({ upstreams: nodes.upstreams, listenAllAddresses: true, sticky: cluster.sticky });
    const nginxPid = nginx.pid;
    guard.add(() => nginxPid);
    log(`nginx up on port ${nginx.port} (${balancing(cluster)})`);

    const sequences = new SequenceLog();
    directory.agents.forEach((agent, index) =>
      browsers.push(new GwsAgentBrowser(nginx!.port, index, arrivals, agent, sequences)),
    );
    const { targets, failures, loginMs } = await loginBrowsers(browsers, options);
    await sleep(1000);

    const probe = { usage: (settle?: boolean) => clusterUsage(nodes!, redis!, nginxPid, settle) };
    const parties = {
      server: probe,
      scheduler: simulator,
      driver: { process: simulator, label: 'simulatorProcess' as const },
      targets,
    };
    log(`cluster: driving ${spec.ratePerSecond} events/s for ${spec.warmupMs} + ${spec.durationMs} ms`);
    const timer = progress('cluster', arrivals);
    const steadyRun = await runDrive(parties, spec, arrivals, options).finally(() => clearInterval(timer));
    const steady = clusterMeasure(spec, steadyRun, arrivals);
    steady.details['loginMs'] = loginMs;
    if (cluster.nodes < 2)
      return { steady, agentsReady: targets.length, failures, failover: null, sequence: sequences.report() };

    arrivals.clear();
    failover = new Failover(redis.url, nodes.nodes[cluster.killNode]!, browsers);
    const report = await failoverDrive(failover, cluster, spec, parties, arrivals, options, sequences);
    return { steady, agentsReady: targets.length, failures, failover: report, sequence: null };
  } finally {
    log('cluster: disconnecting the browsers');
    await Promise.all(browsers.map((browser) => browser.close(SHUTDOWN_TIMEOUT_MS))).catch(() => undefined);
    failover?.close();
    if (cluster.nodeLogsDir !== undefined && nginx !== undefined) saveNginxLog(nginx, cluster.nodeLogsDir);
    await nginx?.stop();
    await nodes?.stop();
    if (cluster.nodeLogsDir !== undefined) nodes?.saveOutput(cluster.nodeLogsDir);
    await redis?.stop();
    await simulator?.stop();
    directory.remove();
    guard.release();
  }
}

/**
 * The failover drive: the steady drive's rate with no warm-up, for `killAfterMs + afterKillMs`, the node killed
 * `killAfterMs` into it.
 */
async function failoverDrive(
  failover: Failover,
  cluster: ClusterOptions,
  spec: DriveSpec,
  parties: DriveParties<ClusterUsage>,
  arrivals: Arrivals,
  options: EventsOptions,
  sequences: SequenceLog,
): Promise<NonNullable<ClusterPhaseResult['failover']>> {
  const failoverSpec: DriveSpec = { ...spec, warmupMs: 0, durationMs: cluster.killAfterMs + cluster.afterKillMs };
  log(
    `failover: driving for ${failoverSpec.durationMs} ms; ${failover.nodeId} gets SIGKILL after ${cluster.killAfterMs} ms`,
  );
  const timer = progress('failover', arrivals);
  const run = await runDrive(
    { ...parties, during: () => failover.killAfter(cluster.killAfterMs, cluster.afterKillMs) },
    failoverSpec,
    arrivals,
    options,
  ).finally(() => clearInterval(timer));
  const report = failover.report(cluster.killAfterMs, run.report, parties.targets, arrivals, sequences);
  return { ...report, drive: deliveryFigures(failoverSpec, run.report, arrivals) };
}

/** `dir`, made if missing. */
function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** nginx's error log, whole, to `<dir>/nginx-error.log`: a node it took out (max_fails) moves that node's sessions. */
function saveNginxLog(nginx: TestNginx, dir: string): void {
  writeFileSync(join(ensureDir(dir), 'nginx-error.log'), `${nginx.errorLog(Number.MAX_SAFE_INTEGER)}\n`);
}

async function clusterUsage(
  nodes: ClusterNodes,
  redis: TestRedisServer,
  nginxPid: number,
  settle = false,
): Promise<ClusterUsage> {
  const redisPid = redis.pid();
  return {
    nodes: await nodes.usage(settle),
    delivery: await Promise.all(nodes.nodes.map((node) => scrapeDelivery(node.url))),
    redis: redisPid === undefined ? undefined : procUsage(redisPid),
    nginx: summed([nginxPid, ...childPids(nginxPid)].map(procUsage)),
  };
}

function summed(usages: readonly (ProcUsage | undefined)[]): ProcUsage | undefined {
  const live = usages.filter((usage): usage is ProcUsage => usage !== undefined);
  if (live.length === 0) return undefined;
  return live.reduce((sum, usage) => ({
    rssMb: sum.rssMb + usage.rssMb,
    peakRssMb: sum.peakRssMb + usage.peakRssMb,
    cpuMs: sum.cpuMs + usage.cpuMs,
  }));
}

/** RSS now and at peak, and CPU (cores) over the drive; nulls for a process gone by the second reading. */
function processFigures(
  before: ProcUsage | undefined,
  after: ProcUsage | undefined,
  driveMs: number,
): Record<string, unknown> {
  return {
    peakRssMb: after?.peakRssMb ?? null,
    rssAfterMb: after?.rssMb ?? null,
    cpuUtilization: before === undefined || after === undefined ? null : round2((after.cpuMs - before.cpuMs) / driveMs),
  };
}

function clusterMeasure(
  spec: DriveSpec,
  run: DriveRun<ClusterUsage>,
  arrivals: Arrivals,
): ClusterPhaseResult['steady'] {
  const figures = deliveryFigures(spec, run.report, arrivals);
  const driveMs = driveMsOf(spec, run.report);
  const { before, after } = run.server;
  return {
    ...figures,
    nodes: after.nodes.map((node, i) => ({
      nodeId: node.nodeId,
      ...processFigures(before.nodes[i]?.usage, node.usage, driveMs),
    })),
    redis: processFigures(before.redis, after.redis, driveMs),
    nginx: processFigures(before.nginx, after.nginx, driveMs),
    nodeDeliveryMs: deliverySummary(deliveredBetween(before.delivery, after.delivery)),
    details: driveDetails(spec, run, arrivals),
  };
}

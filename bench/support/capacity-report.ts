/** The ONE JSON object `bench/capacity.bench.ts` prints (docs/bench-capacity.md describes every field). */
import type { BaselineCapacityResult } from './capacity-baseline-phase';
import type { GwsHeapReport } from './capacity-gws-heap';
import type { GwsCapacityResult } from './capacity-gws-phase';
import type { HeapSnapshotSummary } from './capacity-heap-phase';
import type { CapacityOptions } from './capacity-options';
import { ratioOf, round2 } from './events-stats';

const TWO_GB_MB = 2048;

/** (RSS with the sessions - RSS idle) / sessions, in KB; null without sessions. */
const perSessionKb = (withMb: number, idleMb: number, sessions: number): number | null =>
  sessions === 0 ? null : round2(((withMb - idleMb) * 1024) / sessions);

/** The heap report without what is reported elsewhere (the event log) or is protocol (`type`). */
function heapFigures(report: GwsHeapReport) {
  const { rssMb, heapUsedMb, heapTotalMb, externalMb, arrayBuffersMb, heapSizeLimitMb, spaces } = report;
  return { rssMb, heapUsedMb, heapTotalMb, externalMb, arrayBuffersMb, heapSizeLimitMb, spaces };
}

function gwsFields(options: CapacityOptions, gws: GwsCapacityResult) {
  const { storm, drive, memory, fds } = gws;
  const { idle, afterLogins } = memory;
  const details = drive?.details ?? {};
  return {
    agentsReady: storm.readyDns.length,
    loginFailures: storm.failures,
    loginMs: storm.ms,
    loginsPerSecond: round2((storm.readyDns.length / storm.ms) * 1000),
    loginCpuUtilization: gws.login.cpuUtilization,
    loginEventLoopUtilization: gws.login.eventLoopUtilization,
    sessions: afterLogins.sessions,
    eventsSent: drive?.eventsSent ?? 0,
    eventsDelivered: drive?.eventsDelivered ?? 0,
    eventsPerSecond: drive?.eventsPerSecond ?? 0,
    lost: drive?.lost ?? 0,
    duplicates: details['duplicates'] ?? 0,
    latencyMs: drive?.latencyMs ?? null,
    cpuUtilization: details['serverCpuUtilization'] ?? null,
    eventLoopUtilization: details['serverEventLoopUtilization'] ?? null,
    peakRssMb: memory.afterDrive?.peakRssMb ?? null,
    idleRssMb: idle.rssMb,
    rssAfterLoginsMb: afterLogins.rssMb,
    rssAfterDriveMb: memory.afterDrive?.rssMb ?? null,
    rssAfterDriveSettledMb: memory.heap?.rssMb ?? null,
    rssPerSessionKb: perSessionKb(afterLogins.rssMb, idle.rssMb, afterLogins.sessions),
    heapUsedMb: {
      idle: idle.heapUsedMb,
      afterLogins: afterLogins.heapUsedMb,
      afterDrive: memory.heap?.heapUsedMb ?? null,
    },
    heapPerSessionKb: perSessionKb(afterLogins.heapUsedMb, idle.heapUsedMb, afterLogins.sessions),
    openFds: {
      softLimit: fds.softLimit ?? null,
      idle: fds.idle,
      peakDuringLogins: fds.logins.peak,
      afterLogins: fds.logins.last,
      peakDuringDrive: fds.drive?.peak ?? null,
    },
    eventLog: {
      eventsAfterLogins: afterLogins.eventLogEvents,
      ...(memory.heap?.eventLog ?? {}),
    },
    heap: memory.heap === null ? null : heapFigures(memory.heap),
    details,
  };
}

function baselineFields(baseline: BaselineCapacityResult) {
  const { storm, drive, memory } = baseline;
  return {
    clients: storm.connected,
    handshakeMs: storm.ms,
    eventsSent: drive.eventsSent,
    eventsDelivered: drive.eventsDelivered,
    eventsPerSecond: drive.eventsPerSecond,
    lost: drive.lost,
    duplicates: drive.details['duplicates'] ?? 0,
    latencyMs: drive.latencyMs,
    cpuUtilization: drive.details['serverCpuUtilization'] ?? null,
    eventLoopUtilization: drive.details['serverEventLoopUtilization'] ?? null,
    peakRssMb: memory.peakRssMb,
    idleRssMb: memory.idleRssMb,
    rssAfterHandshakesMb: memory.afterHandshakesRssMb,
    rssAfterDriveMb: memory.afterDriveRssMb,
    rssPerSessionKb: perSessionKb(memory.afterHandshakesRssMb, memory.idleRssMb, storm.connected),
    openFds: { peakDuringHandshakes: baseline.fds.handshakes.peak, peakDuringDrive: baseline.fds.drive.peak },
    details: drive.details,
  };
}

export function capacityReport(
  options: CapacityOptions,
  gws: GwsCapacityResult,
  baseline: BaselineCapacityResult | null,
  heapSnapshot: HeapSnapshotSummary | null,
  settings: Record<string, unknown>,
): object {
  const g = gwsFields(options, gws);
  const b = baseline === null ? null : baselineFields(baseline);
  const p99 = g.latencyMs?.p99;
  return {
    benchmark: 'capacity: sessions per GWS node',
    topology: `gws, simulators and ${options.browserProcesses} browser processes in separate processes`,
    agents: options.agents,
    rate: options.rate,
    durationMs: options.durationMs,
    gws: g,
    heapSnapshot:
      heapSnapshot === null
        ? null
        : {
            fileMb: heapSnapshot.fileMb,
            writeMs: gws.memory.heap?.snapshotMs ?? null,
            readMs: heapSnapshot.readMs,
            summariseMs: heapSnapshot.summariseMs,
            ...heapSnapshot.summary,
          },
    baseline: b,
    ratio: {
      p50: ratioOf(g.latencyMs?.p50, b?.latencyMs?.p50),
      p99: ratioOf(p99, b?.latencyMs?.p99),
      peakRss: ratioOf(g.peakRssMb ?? undefined, b?.peakRssMb),
      rssPerSession: ratioOf(g.rssPerSessionKb ?? undefined, b?.rssPerSessionKb ?? undefined),
    },
    targets: {
      p99Under50ms: p99 !== undefined && p99 < 50,
      rssUnder2GB: g.peakRssMb !== null && g.peakRssMb < TWO_GB_MB,
      nothingLost: g.eventsDelivered > 0 && g.lost === 0,
      allReady: g.agentsReady === options.agents,
    },
    warmupMs: options.warmupMs,
    holdMs: options.holdMs,
    browserProcesses: options.browserProcesses,
    browserNice: options.browserNice,
    loginConcurrency: options.loginConcurrency,
    settleHeaps: options.settleHeaps,
    serverFlags: options.serverFlags,
    ...settings,
  };
}

/**
 * One measured drive of `bench/capacity.bench.ts`, as `bench:events` runs it (events-drive-run.ts), except that the
 * browsers are in their own processes: those settle their heaps and are read with the server, and the figures of the
 * browsers' side are theirs (summed over the processes), not the bench process's.
 */
import type { Arrivals } from './events-browser';
import { driveMsOf, measure, runDrive, type DriveParties, type PhaseResult } from './events-drive-run';
import type { DriveSpec, EventsServerUsage, GwsStamps } from './events-protocol';
import type { ServerProcess } from './events-server-process';
import { round2 } from './events-stats';
import type { BrowserFleet } from './capacity-browsers';
import { writeLatencyDump } from './capacity-latency-dump';
import { eventLoopUtilization } from './login-protocol';

interface FleetUsage {
  readonly server: EventsServerUsage;
  readonly browsers: readonly EventsServerUsage[];
}

export interface BrowserProcessFigures {
  readonly processes: number;
  /** Sessions each process held at the end of the drive. */
  readonly sessions: readonly number[];
  /** Summed over the processes, during the drive (cores). */
  readonly cpuUtilization: number;
  /** The busiest process's main thread, during the drive. */
  readonly maxEventLoopUtilization: number;
  readonly maxPeakRssMb: number;
  readonly totalRssAfterMb: number;
}

/** The browsers' side of a drive, from each process's usage right before and after it. */
function browserFigures(before: readonly EventsServerUsage[], after: readonly EventsServerUsage[], driveMs: number) {
  const cpuMs = after.reduce((sum, usage, p) => sum + usage.cpuMs - before[p]!.cpuMs, 0);
  return {
    processes: after.length,
    sessions: after.map((usage) => usage.sessions),
    cpuUtilization: round2(cpuMs / driveMs),
    maxEventLoopUtilization: Math.max(
      ...after.map((usage, p) => eventLoopUtilization(before[p]!.eventLoop, usage.eventLoop)),
    ),
    maxPeakRssMb: Math.max(...after.map((usage) => usage.peakRssMb)),
    totalRssAfterMb: after.reduce((sum, usage) => sum + usage.rssMb, 0),
  } satisfies BrowserProcessFigures;
}

/**
 * The drive's result as `bench:events` reports it, with `browserProcesses` in place of the bench process's figures;
 * `handed`: the GWS child's hand-over times of the drive's events (the latency split), when the server is GWS.
 */
export async function driveWithFleet(
  server: ServerProcess,
  fleet: BrowserFleet,
  parties: Omit<DriveParties<FleetUsage>, 'server'>,
  spec: DriveSpec,
  arrivals: Arrivals,
  options: { readonly settleHeaps: boolean; readonly drainMs: number; readonly latencyDump?: string | undefined },
  handed?: (keys: readonly string[]) => Promise<GwsStamps>,
): Promise<{ result: PhaseResult; serverAfter: EventsServerUsage }> {
  const probe = {
    usage: async (settle = false): Promise<FleetUsage> => {
      const [usage, browsers] = await Promise.all([server.usage(settle), fleet.usage(settle)]);
      return { server: usage, browsers };
    },
  };
  const run = await runDrive({ ...parties, server: probe }, spec, arrivals, options);
  const { before, after } = run.server;
  const report = handed === undefined ? run.report : { ...run.report, ...(await handed(run.report.keys)) };
  const result = measure(spec, { ...run, report, server: { before: before.server, after: after.server } }, arrivals);
  if (options.latencyDump !== undefined) writeLatencyDump(options.latencyDump, report, arrivals);
  const { clientCpuUtilization, clientEventLoopUtilization, ...details } = result.details;
  return {
    result: {
      ...result,
      details: {
        ...details,
        browserProcesses: browserFigures(before.browsers, after.browsers, driveMsOf(spec, run.report)),
        // The bench process only joins arrivals here; the browsers are in their own processes.
        benchProcess: { cpuUtilization: clientCpuUtilization, eventLoopUtilization: clientEventLoopUtilization },
      },
    },
    serverAfter: after.server,
  };
}

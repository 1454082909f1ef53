/**
 * The GWS phase of `bench/capacity.bench.ts`: the simulator child and the GWS child of `bench:events`
 * (events-sim-server.ts, events-bench-server.ts), the browsers in their own processes (capacity-browsers.ts). GWS is
 * read idle, after the login storm and after the drive (RSS, used heap, open descriptors), then asked for its heap
 * figures, a snapshot if wanted, and what its event log retains (capacity-gws-heap.ts), in that order.
 */
import { GWS_NODE_FLAGS } from '../../apps/gws/src/bootstrap/node-flags';
import type { Arrivals } from './events-browser';
import type { PhaseResult } from './events-drive-run';
import { startSimulatorChild } from './events-gws-phase';
import { log } from './events-log';
import { isEventsServerMessage, type DriveSpec, type EventsServerUsage, type SimulatorPorts } from './events-protocol';
import { SERVER_START_TIMEOUT_MS, SHUTDOWN_TIMEOUT_MS, ServerProcess } from './events-server-process';
import { round2 } from './events-stats';
import { writeLoginBenchDirectory } from './login-directory';
import { eventLoopUtilization } from './login-protocol';
import { BrowserFleet, type StormResult } from './capacity-browsers';
import { driveWithFleet } from './capacity-drive';
import { FdMonitor, type FdFigures } from './capacity-fd-monitor';
import type { GwsHeapReport } from './capacity-gws-heap';
import type { CapacityOptions } from './capacity-options';
import { forkWithRaisedFdLimit, openFileLimitOf } from './capacity-spawn';

/** Writing a snapshot of a GB-sized heap takes minutes on this machine. */
const HEAP_REPORT_TIMEOUT_MS = 20 * 60_000;

/** RSS and used heap of GWS at one point of the run, after a full GC. */
export interface MemoryPoint {
  readonly rssMb: number;
  readonly heapUsedMb: number;
  readonly sessions: number;
  readonly eventLogEvents: number | null;
}

export interface GwsCapacityResult {
  readonly storm: StormResult;
  readonly login: { readonly cpuUtilization: number; readonly eventLoopUtilization: number };
  readonly drive: PhaseResult | null;
  readonly memory: {
    readonly idle: MemoryPoint;
    readonly afterLogins: MemoryPoint;
    /** After the drive, before any full GC (what the drive left), and its peak since start. */
    readonly afterDrive: { readonly rssMb: number; readonly peakRssMb: number } | null;
    /** After the drive and a full GC (the heap report). */
    readonly heap: GwsHeapReport | null;
  };
  readonly fds: {
    readonly softLimit: number | undefined;
    readonly idle: number;
    readonly logins: FdFigures;
    readonly drive: FdFigures | null;
  };
  readonly samples: BrowserFleet['samples'];
}

function gwsChild(ports: SimulatorPorts, options: CapacityOptions) {
  const execArgv = [...process.execArgv, ...GWS_NODE_FLAGS, ...options.serverFlags];
  if (options.serverCpuProfDir !== undefined) execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.serverCpuProfDir}`);
  const args = [String(ports.tserverPrimary), String(ports.tserverBackup), String(ports.confserv)];
  const child = forkWithRaisedFdLimit('events-bench-server.ts', args, execArgv);
  return new ServerProcess('events-bench-server.ts', child, isEventsServerMessage, SHUTDOWN_TIMEOUT_MS);
}

async function memoryPoint(server: ServerProcess): Promise<MemoryPoint> {
  const usage = await server.usage(true);
  const heap = await heapReport(server, {});
  return {
    rssMb: usage.rssMb,
    heapUsedMb: heap.heapUsedMb,
    sessions: usage.sessions,
    eventLogEvents: heap.eventLog?.events ?? null,
  };
}

function heapReport(server: ServerProcess, command: { snapshotFile?: string; freeEventLog?: boolean }) {
  const answer = server.next('heap', HEAP_REPORT_TIMEOUT_MS);
  server.send({ type: 'heap', ...command });
  return answer;
}

const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

const shareOf = (before: EventsServerUsage, after: EventsServerUsage, ms: number) => ({
  cpuUtilization: round2((after.cpuMs - before.cpuMs) / ms),
  eventLoopUtilization: eventLoopUtilization(before.eventLoop, after.eventLoop),
});

export async function gwsCapacityPhase(
  options: CapacityOptions,
  spec: DriveSpec,
  arrivals: Arrivals,
  snapshotFile: string | undefined,
): Promise<GwsCapacityResult> {
  const directory = writeLoginBenchDirectory(options.agents);
  let simulator: ServerProcess | undefined;
  let server: ServerProcess | undefined;
  let fleet: BrowserFleet | undefined;
  let fds: FdMonitor | undefined;
  try {
    const started = await startSimulatorChild(directory);
    simulator = started.simulator;
    server = gwsChild(started.ports, options);
    const ready = await server.next('ready', SERVER_START_TIMEOUT_MS);
    const pid = server.child.pid!;
    fds = new FdMonitor(pid);
    const softLimit = openFileLimitOf(pid);
    log(`GWS child up on port ${ready.port} in ${ready.startupMs} ms, open-file limit ${softLimit}`);
    fleet = await BrowserFleet.start(options.browserProcesses, arrivals, options.browserNice);
    const idle = await memoryPoint(server);
    const idleFds = fds.resetPeak().last;
    const beforeLogins = await server.usage();

    log(
      `${options.agents} agents log in from ${options.browserProcesses} processes, ${options.loginConcurrency} at once`,
    );
    const storm = await fleet.login(ready.port, directory.agents, options.loginConcurrency, options.timeoutMs);
    const afterStorm = await server.usage();
    const loginFds = fds.resetPeak();
    log(`${storm.readyDns.length}/${options.agents} agents Ready in ${storm.ms} ms; GWS peak ${loginFds.peak} fds`);
    for (const failure of storm.firstFailures) log(`login failure: ${failure}`);
    const afterLogins = await memoryPoint(server);
    const result = {
      storm,
      login: shareOf(beforeLogins, afterStorm, storm.ms),
      memory: { idle, afterLogins },
      fds: { softLimit, idle: idleFds, logins: loginFds },
      samples: fleet.samples,
    };
    if (storm.readyDns.length === 0) {
      return {
        ...result,
        drive: null,
        memory: { ...result.memory, afterDrive: null, heap: null },
        fds: { ...result.fds, drive: null },
      };
    }

    log(
      `GWS: driving ${spec.ratePerSecond} events/s for ${spec.warmupMs} + ${spec.durationMs} ms, hold ${spec.holdMs} ms`,
    );
    const gws = server;
    const driveFrom = monotonicUs();
    const drive = await driveWithFleet(
      gws,
      fleet,
      { scheduler: simulator, driver: { process: simulator, label: 'simulatorProcess' }, targets: storm.readyDns },
      spec,
      arrivals,
      options,
      (keys) => gws.handed(keys),
    );
    // CLOCK_MONOTONIC, as the timestamps of a V8 CPU profile: where the drive is in `--server-cpu-prof`'s profile.
    drive.result.details['driveMonotonicUs'] = { from: driveFrom, to: monotonicUs() };
    const driveFds = fds.resetPeak();
    log(
      `GWS: ${drive.result.eventsDelivered}/${drive.result.eventsSent} delivered; heap report${snapshotFile === undefined ? '' : ' and snapshot'}`,
    );
    const heap = await heapReport(server, {
      ...(snapshotFile === undefined ? {} : { snapshotFile }),
      freeEventLog: true,
    });
    return {
      ...result,
      drive: drive.result,
      memory: {
        ...result.memory,
        afterDrive: { rssMb: drive.serverAfter.rssMb, peakRssMb: drive.serverAfter.peakRssMb },
        heap,
      },
      fds: { ...result.fds, drive: driveFds },
    };
  } finally {
    fds?.stop();
    log('GWS: disconnecting the browsers');
    await fleet?.close(SHUTDOWN_TIMEOUT_MS);
    await fleet?.stop();
    await server?.stop();
    await simulator?.stop();
    directory.remove();
  }
}

/**
 * One measured drive of `bench/events.bench.ts`: every process taking part settles its heap and is read, the
 * schedule runs, the bench waits for the events to arrive, the processes are read again; then the origins of the
 * schedule's events are joined with their arrivals at the browsers.
 */
import type { Arrivals } from './events-browser';
import { log } from './events-log';
import type { DriveReport, DriveSpec, EventsServerUsage, BaselineSamples } from './events-protocol';
import type { ServerProcess } from './events-server-process';
import { percentiles, round2, type LatencySummary } from './events-stats';
import { settleHeap } from './events-usage';
import { eventLoopUtilization } from './login-protocol';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Something whose usage a drive reports, read right before it (after a full GC when settling) and after it. */
export interface UsageProbe<U> {
  usage(settle?: boolean): Promise<U>;
}

export type DriverLabel = 'simulatorProcess' | 'publisherProcess';

/** Who takes part in one drive, and what to ask them. */
export interface DriveParties<U> {
  /** What holds the CometD sessions (GWS, the GWS nodes, or the bare baseline). */
  readonly server: UsageProbe<U>;
  /** The process that runs the schedule. */
  readonly scheduler: ServerProcess;
  /** The scheduler when it is not the server: the simulator child or the baseline publisher, read as the server is. */
  readonly driver?: { readonly process: ServerProcess; readonly label: DriverLabel };
  readonly samples?: BaselineSamples;
  readonly targets: readonly string[];
  readonly targetCount?: number;
  /** Runs alongside the drive from the moment it is sent (the failover's kill); awaited before the drain ends. */
  readonly during?: () => Promise<void>;
}

export interface DriveRun<U> {
  readonly report: DriveReport;
  readonly server: { readonly before: U; readonly after: U };
  readonly driver?: {
    readonly label: DriverLabel;
    readonly before: EventsServerUsage;
    readonly after: EventsServerUsage;
  };
  /** The browsers' process (this one) during the drive. */
  readonly client: { readonly cpuMs: number; readonly eventLoopUtilization: number };
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

/** Sends `drive` to the scheduler and waits for the report and the deliveries, reading every party around it. */
export async function runDrive<U>(
  parties: DriveParties<U>,
  spec: DriveSpec,
  arrivals: Arrivals,
  options: { readonly settleHeaps: boolean; readonly drainMs: number },
): Promise<DriveRun<U>> {
  const { server, scheduler, driver, samples, targetCount } = parties;
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
  const [report] = await Promise.all([driven, parties.during?.()]);
  await drain(report, arrivals, options.drainMs);
  const cpu = process.cpuUsage(clientCpu);
  const loop = performance.eventLoopUtilization(clientLoop);
  const after = await server.usage();
  const driverAfter = await driver?.process.usage();
  return {
    report,
    server: { before, after },
    ...(driver === undefined || driverBefore === undefined || driverAfter === undefined
      ? {}
      : { driver: { label: driver.label, before: driverBefore, after: driverAfter } }),
    client: { cpuMs: (cpu.user + cpu.system) / 1000, eventLoopUtilization: round2(loop.utilization) },
  };
}

/** Wall time of a drive, warm-up included: what CPU and event-loop shares are taken over. */
export const driveMsOf = (spec: DriveSpec, report: DriveReport): number =>
  report.windowTo - report.windowFrom + spec.warmupMs;

export interface DeliveryFigures {
  /** Events the schedule made whose origin falls in the measured window. */
  eventsSent: number;
  eventsDelivered: number;
  eventsPerSecond: number;
  latencyMs: LatencySummary | null;
  /** Events of the window that never arrived. */
  lost: number;
}

/** Joins the schedule's origin stamps with the browsers' arrivals, for the events whose origin is in the window. */
export function deliveryFigures(spec: DriveSpec, report: DriveReport, arrivals: Arrivals): DeliveryFigures {
  return joinArrivals(spec, report, arrivals).figures;
}

/**
 * {@link deliveryFigures}, and when the report says when GWS handed each event to cometd-nodejs-server, the two halves
 * of the latency.
 */
function joinArrivals(
  spec: DriveSpec,
  report: DriveReport,
  arrivals: Arrivals,
): { figures: DeliveryFigures; split: Record<string, unknown> } {
  const latencies: number[] = [];
  const toCometd: number[] = [];
  const toGws: number[] = [];
  const inGws: number[] = [];
  const cometdToBrowser: number[] = [];
  let sent = 0;
  let lost = 0;
  for (let i = 0; i < report.keys.length; i++) {
    const origin = report.origins[i]!;
    if (origin < report.windowFrom || origin >= report.windowTo) continue;
    sent++;
    const arrived = arrivals.at.get(report.keys[i]!);
    if (arrived === undefined) lost++;
    else latencies.push(arrived - origin);
    const handed = report.handedToCometdAt?.[i] ?? -1;
    const received = report.gwsReceivedAt?.[i] ?? -1;
    if (received >= 0) {
      toGws.push(received - origin);
      if (handed >= 0) inGws.push(handed - received);
    }
    if (handed >= 0) {
      toCometd.push(handed - origin);
      if (arrived !== undefined) cometdToBrowser.push(arrived - handed);
    }
  }
  return {
    figures: {
      eventsSent: sent,
      eventsDelivered: latencies.length,
      eventsPerSecond: Math.round((latencies.length / spec.durationMs) * 1000 * 10) / 10,
      latencyMs: percentiles(latencies),
      lost,
    },
    split:
      report.handedToCometdAt === undefined
        ? {}
        : {
            // The two halves of the latency: T-Server event to CometdGateway.deliver, then to the browser.
            eventToCometdDeliverMs: percentiles(toCometd),
            cometdDeliverToBrowserMs: percentiles(cometdToBrowser),
            // The first half again: simulator, link and decoding up to GWS's T-Server client's `event`; then GWS.
            ...(report.gwsReceivedAt === undefined
              ? {}
              : { eventToGwsMs: percentiles(toGws), gwsEventToCometdDeliverMs: percentiles(inGws) }),
          },
  };
}

/** What a drive did, besides delivering: the schedule's own counts, the duplicates, the browsers' process. */
export function driveDetails(spec: DriveSpec, run: DriveRun<unknown>, arrivals: Arrivals): Record<string, unknown> {
  const { report, driver, client } = run;
  const driveMs = driveMsOf(spec, report);
  return {
    callsStarted: report.callsStarted,
    callsEnded: report.callsEnded,
    skippedNoIdleTarget: report.skippedNoIdleTarget,
    errors: report.errors,
    ...(report.firstError === undefined ? {} : { firstError: report.firstError }),
    maxCallsInFlight: report.maxInFlight,
    maxDriverTickGapMs: report.maxTickGapMs,
    duplicates: arrivals.duplicates,
    clientCpuUtilization: round2(client.cpuMs / driveMs),
    clientEventLoopUtilization: client.eventLoopUtilization,
    ...(report.stampCheck === undefined ? {} : { simulatorStampCheck: report.stampCheck }),
    ...(report.simulatorLog === undefined ? {} : { simulatorLog: report.simulatorLog }),
    ...(driver === undefined
      ? {}
      : {
          // The process that ran the schedule: the simulator child (not GWS) or the baseline publisher.
          [driver.label]: {
            peakRssMb: driver.after.peakRssMb,
            rssAfterMb: driver.after.rssMb,
            cpuUtilization: round2((driver.after.cpuMs - driver.before.cpuMs) / driveMs),
            eventLoopUtilization: eventLoopUtilization(driver.before.eventLoop, driver.after.eventLoop),
          },
        }),
  };
}

export interface PhaseResult extends DeliveryFigures {
  peakRssMb: number;
  details: Record<string, unknown>;
}

/** The result of a drive whose server is one IPC child (GWS or the bare baseline). */
export function measure(spec: DriveSpec, run: DriveRun<EventsServerUsage>, arrivals: Arrivals): PhaseResult {
  const { figures, split } = joinArrivals(spec, run.report, arrivals);
  const { before, after } = run.server;
  const { simulatorStampCheck, ...details } = driveDetails(spec, run, arrivals);
  return {
    ...figures,
    peakRssMb: after.peakRssMb,
    details: {
      ...details,
      sessions: after.sessions,
      rssAfterMb: after.rssMb,
      serverCpuUtilization: round2((after.cpuMs - before.cpuMs) / driveMsOf(spec, run.report)),
      serverEventLoopUtilization: eventLoopUtilization(before.eventLoop, after.eventLoop),
      ...split,
      ...(simulatorStampCheck === undefined ? {} : { simulatorStampCheck }),
    },
  };
}

/** Runs `run` for every item with at most `concurrency` in flight; returns the error messages. */
export async function pool<T>(
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

/** Logs the arrivals every 2 s until cleared. */
export function progress(phase: string, arrivals: Arrivals): NodeJS.Timeout {
  const start = performance.now();
  let last = 0;
  return setInterval(() => {
    const count = arrivals.at.size;
    log(`${phase} ${((performance.now() - start) / 1000).toFixed(0)} s: ${count} events arrived (+${count - last})`);
    last = count;
  }, 2000);
}

/**
 * IPC messages between `bench/events.bench.ts` and its children: the simulator child (`events-sim-server.ts`: both
 * simulators and the call schedule), the GWS child (`events-bench-server.ts`), the bare cometd-nodejs-server
 * baseline (`events-baseline-server.ts`) and its publisher (`events-baseline-publisher.ts`).
 */
import type { GwsHeapReport } from './capacity-gws-heap';
import type { EventLoopTime } from './login-protocol';

/** How the child drives events: calls to random idle targets, each ringing `holdMs` before it is released. */
export interface DriveSpec {
  /** Events per second (each call is two events: Ringing and Released). */
  readonly ratePerSecond: number;
  /** Calls started before the measured window (their events are not counted). */
  readonly warmupMs: number;
  /** Length of the measured window, after the warm-up. */
  readonly durationMs: number;
  /** Time between a call's Ringing and its Released. */
  readonly holdMs: number;
}

/** The drive a benchmark's options describe (`--rate`, `--warmup-ms`, `--duration-ms`, `--hold-ms`). */
export function driveSpecOf(options: {
  readonly rate: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  readonly holdMs: number;
}): DriveSpec {
  return {
    ratePerSecond: options.rate,
    warmupMs: options.warmupMs,
    durationMs: options.durationMs,
    holdMs: options.holdMs,
  };
}

/** Two real GWS CallStateChangeMessages (Ringing, Released): the baseline delivers copies of the same size. */
export interface BaselineSamples {
  readonly ringing: Record<string, unknown>;
  readonly released: Record<string, unknown>;
}

export type EventsCommand =
  /** `settle`: run a full GC first (events-usage.ts), as every process does right before a measured drive. */
  | { readonly type: 'usage'; readonly settle?: boolean }
  | { readonly type: 'stop' }
  /** GWS child: when did these keys reach CometdGateway.deliver (answer `handed`); forgets them afterwards. */
  | { readonly type: 'handed'; readonly keys: readonly string[] }
  /**
   * GWS child (bench:capacity; answer `heap`): heap figures, and a snapshot to `snapshotFile` if given; with
   * `freeEventLog`, also what the event log retains, which empties it (capacity-gws-heap.ts).
   */
  | { readonly type: 'heap'; readonly snapshotFile?: string; readonly freeEventLog?: boolean }
  /**
   * Simulator child: drive calls to these DNs. Baseline child: deliver to its own sessions (targets unused).
   * Baseline publisher: send to the baseline child's sessions 0 .. targetCount - 1 over the feed.
   */
  | {
      readonly type: 'drive';
      readonly spec: DriveSpec;
      readonly targets: readonly string[];
      readonly samples?: BaselineSamples;
      readonly targetCount?: number;
    };

export interface EventsServerReady {
  readonly type: 'ready';
  readonly port: number;
  readonly startupMs: number;
  readonly rssMb: number;
  /** `Date.now()` minus the bench clock in this process, ms (see events-clock.ts). */
  readonly clockSkewMs: number;
  /** Simulator child only: where its simulators listen (127.0.0.1). */
  readonly simulators?: SimulatorPorts;
  /** Baseline child only: the loopback port of its feed, where the baseline publisher sends (events-baseline-feed.ts). */
  readonly feedPort?: number;
}

export interface SimulatorPorts {
  readonly tserverPrimary: number;
  readonly tserverBackup: number;
  readonly confserv: number;
}

/** GWS child's answer to `handed`: parallel to the keys asked, bench clock, -1 if never handed (or received). */
export interface HandedReport {
  readonly type: 'handed';
  readonly at: readonly number[];
  /** When GWS's T-Server client passed each event on (decoded, de-duplicated), before GWS's own work on it. */
  readonly receivedAt: readonly number[];
}

export interface EventsServerUsage {
  readonly type: 'usage';
  readonly rssMb: number;
  /** Peak resident set size of the child since it started (getrusage maxrss). */
  readonly peakRssMb: number;
  /** User + system CPU time of the child since it started. */
  readonly cpuMs: number;
  readonly eventLoop: EventLoopTime;
  /** Bayeux sessions the server holds (0 in the simulator child). */
  readonly sessions: number;
}

/** What a drive did, with the origin stamp of every event it made (parallel arrays). */
export interface DriveReport {
  readonly type: 'driven';
  /** Bench-clock bounds of the measured window: events whose origin falls in [from, to) are counted. */
  readonly windowFrom: number;
  readonly windowTo: number;
  readonly callsStarted: number;
  readonly callsEnded: number;
  /** Calls not started because every target had a call in flight. */
  readonly skippedNoIdleTarget: number;
  /** Start or end attempts that threw. */
  readonly errors: number;
  readonly firstError: string | undefined;
  readonly maxInFlight: number;
  /** Largest gap between two driver ticks (ms): how late the schedule ran when the process was busy. */
  readonly maxTickGapMs: number;
  /** Event keys (`<call id>:<state>`) and their origin stamps (bench clock, ms). */
  readonly keys: readonly string[];
  readonly origins: readonly number[];
  /** The target (index into the drive's targets) each event was for. */
  readonly targetIndexes: readonly number[];
  /**
   * GWS phase only (filled in by the bench from the GWS child's `handed` answer), parallel to `keys`: when GWS handed the message to cometd-nodejs-server
   * (`CometdGateway.deliver`, bench clock), or -1 if it never did. Splits the latency into GWS and transport.
   */
  readonly handedToCometdAt?: readonly number[];
  /**
   * GWS phase only, parallel to `keys`: when GWS's T-Server client passed the event on (bench clock), or -1. Splits
   * the first half again: simulator and link (decoding included), then GWS's own work up to the hand-over.
   */
  readonly gwsReceivedAt?: readonly number[];
  /** Simulator child only: how the origin relates to the simulator's clock readings during the call (see the server). */
  readonly stampCheck?: StampCheck;
  /** Simulator child only: what the simulators logged during the drive (an event they could not send, for one). */
  readonly simulatorLog?: SimulatorLog;
}

export interface SimulatorLog {
  readonly errors: number;
  readonly warnings: number;
  /** The first error or warning, when there was one. */
  readonly first?: string;
}

export interface StampCheck {
  /** Simulator clock readings during one injectCall / externalHangup: min and max. */
  readonly readingsPerActionMin: number;
  readonly readingsPerActionMax: number;
  /** Largest spread between the first and last reading during one action, ms. */
  readonly maxSpreadMs: number;
  /** Actions during which the simulator read its clock zero times (the claim would be wrong). */
  readonly actionsWithoutReading: number;
}

export interface EventsServerFailed {
  readonly type: 'failed';
  readonly message: string;
}

/** What the GWS child's `handed` answer adds to a drive report. */
export type GwsStamps = Required<Pick<DriveReport, 'handedToCometdAt' | 'gwsReceivedAt'>>;

export type EventsServerMessage =
  EventsServerReady | EventsServerUsage | DriveReport | HandedReport | GwsHeapReport | EventsServerFailed;

export function isEventsServerMessage(value: unknown): value is EventsServerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return (
    type === 'ready' ||
    type === 'usage' ||
    type === 'driven' ||
    type === 'handed' ||
    type === 'heap' ||
    type === 'failed'
  );
}

export function isEventsCommand(value: unknown): value is EventsCommand {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'usage' || type === 'stop' || type === 'drive' || type === 'handed' || type === 'heap';
}

/**
 * IPC between `bench/capacity.bench.ts` and its browser processes (`capacity-browser-child.ts`). Each process runs
 * the browsers of one range of agents, each browser on the loopback hostname of its global index (bench-cometd.ts),
 * so the processes never share an address. Arrivals are stamped in the browser process (the bench clock,
 * events-clock.ts) and streamed to the bench in batches, which does not change their stamps.
 */
import type { EventsServerUsage } from './events-protocol';
import type { LoginBenchAgent } from './login-directory';

/** An agent of a browser process and its global index (which names its loopback hostname). */
export interface IndexedAgent extends LoginBenchAgent {
  readonly index: number;
}

export type CapacityBrowserCommand =
  /** Log these agents in and make them Ready, at most `concurrency` at once, before `timeoutMs` has passed. */
  | {
      readonly type: 'login';
      readonly port: number;
      readonly agents: readonly IndexedAgent[];
      readonly concurrency: number;
      readonly timeoutMs: number;
    }
  /** Handshake bare clients `from .. from + count - 1` with the baseline server (indexes name the hostnames). */
  | {
      readonly type: 'handshake';
      readonly port: number;
      readonly from: number;
      readonly count: number;
      readonly concurrency: number;
      readonly timeoutMs: number;
    }
  /** This process's usage; `settle`: a full GC first, as every process of a drive does (events-usage.ts). */
  | { readonly type: 'usage'; readonly settle?: boolean }
  /** Disconnect every CometD session (bounded), then answer `closed`. */
  | { readonly type: 'close'; readonly timeoutMs: number }
  | { readonly type: 'stop' };

export interface BrowsersReady {
  readonly type: 'ready';
  readonly pid: number;
}

/** A login (or handshake) storm is over in this process: the DNs of the agents that made it, and what failed. */
export interface BrowsersLoggedIn {
  readonly type: 'loggedIn';
  readonly readyDns: readonly string[];
  readonly connected: number;
  readonly failures: number;
  /** The first few failure messages. */
  readonly firstFailures: readonly string[];
  readonly ms: number;
}

/** Every few seconds of a storm: how far this process is. */
export interface BrowsersProgress {
  readonly type: 'progress';
  readonly done: number;
  readonly failures: number;
}

/** CallStateChangeMessages that arrived since the last batch: keys `<call.id>:<call.state>` and arrival stamps. */
export interface ArrivalBatch {
  readonly type: 'arrivals';
  readonly keys: readonly string[];
  readonly times: readonly number[];
}

/** The first Ringing or Released message this process saw (the baseline copies them). */
export interface ArrivalSample {
  readonly type: 'sample';
  readonly state: 'Ringing' | 'Released';
  readonly message: Record<string, unknown>;
}

export interface BrowsersClosed {
  readonly type: 'closed';
}

export interface BrowsersFailed {
  readonly type: 'failed';
  readonly message: string;
}

export type CapacityBrowserMessage =
  | BrowsersReady
  | BrowsersLoggedIn
  | BrowsersProgress
  | ArrivalBatch
  | ArrivalSample
  | EventsServerUsage
  | BrowsersClosed
  | BrowsersFailed;

const MESSAGE_TYPES = new Set(['ready', 'loggedIn', 'progress', 'arrivals', 'sample', 'usage', 'closed', 'failed']);
const COMMAND_TYPES = new Set(['login', 'handshake', 'usage', 'close', 'stop']);

const typeOf = (value: unknown): unknown =>
  typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;

export function isCapacityBrowserMessage(value: unknown): value is CapacityBrowserMessage {
  return MESSAGE_TYPES.has(String(typeOf(value)));
}

export function isCapacityBrowserCommand(value: unknown): value is CapacityBrowserCommand {
  return COMMAND_TYPES.has(String(typeOf(value)));
}

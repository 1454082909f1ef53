/** IPC messages between `bench/login.bench.ts` and its GWS child (`login-bench-server.ts`). */

export interface ServerReady {
  readonly type: 'ready';
  readonly port: number;
  readonly startupMs: number;
  readonly rssMb: number;
}

export interface ServerUsage {
  readonly type: 'usage';
  readonly rssMb: number;
  /** Peak resident set size of the child since it started (getrusage maxrss). */
  readonly peakRssMb: number;
  /** User + system CPU time of the child since it started (every thread: main, GC, libuv pool). */
  readonly cpuMs: number;
  /** CLOCK_MONOTONIC in µs, the clock of V8's CPU profile timestamps: where a stage begins or ends in a profile. */
  readonly monotonicUs: number;
  /** Event loop time of the child's main thread so far, idle and active (performance.eventLoopUtilization). */
  readonly eventLoop: EventLoopTime;
  /** Requests GWS's Configuration Server client has sent so far. */
  readonly confservRequests: number;
  /** Bayeux sessions, users and HTTP sessions the notification registry holds. */
  readonly notifications: { bayeuxSessions: number; users: number; httpSessions: number };
}

export interface EventLoopTime {
  readonly idleMs: number;
  readonly activeMs: number;
}

/** Share of the time between two readings that the event loop was busy, 0..1. */
export function eventLoopUtilization(before: EventLoopTime, after: EventLoopTime): number {
  const active = after.activeMs - before.activeMs;
  const total = active + after.idleMs - before.idleMs;
  return total > 0 ? Math.round((active / total) * 100) / 100 : 0;
}

export interface ServerFailed {
  readonly type: 'failed';
  readonly message: string;
}

export type ServerMessage = ServerReady | ServerUsage | ServerFailed;

export type BenchCommand = { readonly type: 'usage' } | { readonly type: 'stop' };

export function isServerMessage(value: unknown): value is ServerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'ready' || type === 'usage' || type === 'failed';
}

export function isBenchCommand(value: unknown): value is BenchCommand {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'usage' || type === 'stop';
}

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
  /** User + system CPU time of the child since it started. */
  readonly cpuMs: number;
  /** Bayeux sessions, users and HTTP sessions the notification registry holds. */
  readonly notifications: { bayeuxSessions: number; users: number; httpSessions: number };
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

/** IPC messages between `bench/soak.ts` and its server under test (`soak-server.ts`). */
import type { NotificationStats } from '../../apps/gws/src/notifications';

/** Where the server under test listens (GWS on 0.0.0.0, the simulators on 127.0.0.1). */
export interface SoakServerReady {
  readonly type: 'ready';
  readonly gwsPort: number;
  /** The T-Server simulator's port first started as primary (it keeps its number across a switchover). */
  readonly tserverPort: number;
  readonly tserverBackupPort: number;
  readonly confservPort: number;
  /** The T-Server simulator's HTTP control API (docs/simulator.md). */
  readonly controlPort: number;
  readonly pid: number;
}

export interface SoakServerStats {
  readonly type: 'stats';
  readonly seq: number;
  /** RequestAuthenticate requests the Configuration Server simulator has received so far. */
  readonly confservAuthentications: number;
  /** HTTP sessions the session store holds for the user asked about (0 when none was asked). */
  readonly httpSessions: number;
  /** Bayeux session ids bound to the user asked about. */
  readonly bayeuxSessionIds: readonly string[];
  readonly cometd: NotificationStats;
  readonly rssMb: number;
  /** V8 heap in use (after a full collection when the command asked to `settle`). */
  readonly heapUsedMb: number;
  /** Errors that escaped every handler and reached the process guards (each would have ended the process). */
  readonly uncaughtErrors: number;
}

export interface SoakServerFailed {
  readonly type: 'failed';
  readonly message: string;
}

export type SoakServerMessage = SoakServerReady | SoakServerStats | SoakServerFailed;

export type SoakCommand =
  /** `userId`: also count that user's HTTP sessions and list its Bayeux sessions; `settle`: a full GC first. */
  | { readonly type: 'stats'; readonly seq: number; readonly userId?: string; readonly settle?: boolean }
  | { readonly type: 'stop' };

/** A guard for the messages whose `type` is one of `types`. */
function ofTypes<T>(...types: readonly string[]): (value: unknown) => value is T {
  return (value: unknown): value is T =>
    typeof value === 'object' && value !== null && types.includes(String((value as { type?: unknown }).type));
}

export const isSoakServerMessage = ofTypes<SoakServerMessage>('ready', 'stats', 'failed');

export const isSoakCommand = ofTypes<SoakCommand>('stats', 'stop');

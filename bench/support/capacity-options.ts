/** The command line of `bench/capacity.bench.ts` (docs/bench-capacity.md lists every option). */
import { parseBenchArgs } from './bench-args';

export interface CapacityOptions {
  readonly agents: number;
  readonly rate: number;
  readonly durationMs: number;
  readonly warmupMs: number;
  readonly holdMs: number;
  readonly drainMs: number;
  /** Bound of each storm (logins, handshakes). */
  readonly timeoutMs: number;
  readonly browserProcesses: number;
  /** CPU priority of the browser processes (`nice -n`, 0-19): 0 runs them as the bench. */
  readonly browserNice: number;
  /** Logins (or handshakes) in flight at once, over every browser process. */
  readonly loginConcurrency: number;
  readonly serverCpuProfDir: string | undefined;
  /** Where to write every GWS event's latency as CSV (capacity-latency-dump.ts); undefined: nowhere. */
  readonly latencyDump: string | undefined;
  /** More Node flags for both server children (GWS and the bare baseline), e.g. `--trace-gc`. */
  readonly serverFlags: readonly string[];
  readonly settleHeaps: boolean;
  readonly baseline: boolean;
  /** Write a heap snapshot of GWS after the drive and summarise it; off above `heapSnapshotAgents` agents. */
  readonly heapSnapshot: boolean;
  readonly heapSnapshotAgents: number;
  /** Where to keep the snapshot; undefined: a temporary directory, removed once summarised. */
  readonly heapSnapshotDir: string | undefined;
}

/** Sessions per browser process by default: a process holds each one's sockets and runs its CometD client. */
export const SESSIONS_PER_BROWSER_PROCESS = 4500;

const KNOWN = new Set([
  'agents',
  'rate',
  'duration-ms',
  'warmup-ms',
  'hold-ms',
  'drain-ms',
  'timeout-ms',
  'browser-processes',
  'browser-nice',
  'login-concurrency',
  'server-cpu-prof',
  'server-flags',
  'latency-dump',
  'settle-heaps',
  'baseline',
  'heap-snapshot',
  'heap-snapshot-agents',
  'heap-snapshot-dir',
]);

export function parseCapacityOptions(argv: readonly string[]): CapacityOptions {
  const values = parseBenchArgs(argv);
  for (const key of values.keys()) if (!KNOWN.has(key)) throw new Error(`unknown option --${key}`);
  const integer = (name: string, fallback: number, min = 1): number => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min)
      throw new Error(`--${name} must be an integer >= ${min}, got "${raw}"`);
    return value;
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    if (raw !== 'true' && raw !== 'false') throw new Error(`--${name} must be true or false, got "${raw}"`);
    return raw === 'true';
  };
  const agents = integer('agents', 18_000);
  const rate = integer('rate', 1000, 2);
  return {
    agents,
    rate,
    // Long enough for several of GWS's major GCs at 18,000 sessions (one every 25-40 s), which set its p99.
    durationMs: integer('duration-ms', 120_000),
    warmupMs: integer('warmup-ms', 5000, 0),
    // As bench:events: at most half the agents ring at once, and no call rings over 1 s.
    holdMs: integer('hold-ms', Math.max(1, Math.min(1000, Math.floor(((agents / 2) * 1000) / (rate / 2))))),
    drainMs: integer('drain-ms', 5000, 0),
    // About 100-150 logins/s on this machine: 60 ms per agent leaves room for a loaded host.
    timeoutMs: integer('timeout-ms', Math.max(120_000, agents * 60)),
    browserProcesses: integer('browser-processes', Math.max(1, Math.ceil(agents / SESSIONS_PER_BROWSER_PROCESS))),
    browserNice: Math.min(19, integer('browser-nice', 0, 0)),
    loginConcurrency: integer('login-concurrency', 200),
    serverCpuProfDir: values.get('server-cpu-prof'),
    latencyDump: values.get('latency-dump'),
    serverFlags: (values.get('server-flags') ?? '').split(/\s+/).filter((flag) => flag !== ''),
    settleHeaps: boolean('settle-heaps', true),
    baseline: boolean('baseline', true),
    heapSnapshot: boolean('heap-snapshot', true),
    heapSnapshotAgents: integer('heap-snapshot-agents', Number.MAX_SAFE_INTEGER),
    heapSnapshotDir: values.get('heap-snapshot-dir'),
  };
}

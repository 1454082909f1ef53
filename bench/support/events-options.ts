/** The command line of `bench/events.bench.ts` (docs/bench-events.md lists every option). */
import { parseBenchArgs } from './bench-args';

export interface EventsOptions {
  agents: number;
  rate: number;
  durationMs: number;
  warmupMs: number;
  holdMs: number;
  drainMs: number;
  timeoutMs: number;
  serverCpuProfDir: string | undefined;
  /** --max-semi-space-size (MB) of the GWS and baseline children; undefined: Node's default. */
  semiSpaceMb: number | undefined;
  /** A full GC in every process of a drive (browsers' included) right before it starts. */
  settleHeaps: boolean;
  /** The bare cometd-nodejs-server baselines (default: only in the single-node mode). */
  baseline: boolean;
  /** Cluster mode (`--nodes N --redis`): N GWS node processes on a private Redis behind a private nginx. */
  cluster: ClusterOptions | undefined;
}

export interface ClusterOptions {
  readonly nodes: number;
  /** When the node is killed, counted from the start of the failover drive. */
  readonly killAfterMs: number;
  /** How long the failover drive goes on after the kill. */
  readonly afterKillMs: number;
  /** The node killed (0-based). */
  readonly killNode: number;
  /** nginx by JSESSIONID cookie hash (deploy/nginx/gws.conf.template's `#sticky` lines) instead of round robin. */
  readonly sticky: boolean;
  /** Each node stands by for the next (NODE_STANDBY); `--standby false` measures the cluster without it. */
  readonly standby: boolean;
  /** The nodes' LOG_LEVEL. */
  readonly nodeLogLevel: string;
  /** Where to write the last lines of each node's output at the end, if anywhere. */
  readonly nodeLogsDir: string | undefined;
}

const KNOWN = [
  'agents',
  'rate',
  'duration-ms',
  'warmup-ms',
  'hold-ms',
  'drain-ms',
  'timeout-ms',
  'server-cpu-prof',
  'semi-space-mb',
  'settle-heaps',
  'baseline',
  'nodes',
  'redis',
  'sticky',
  'standby',
  'kill-after-ms',
  'after-kill-ms',
  'kill-node',
  'node-log-level',
  'node-logs',
];

/** Typed reads of the parsed arguments, each with its fallback. */
class Args {
  constructor(private readonly values: ReadonlyMap<string, string>) {
    for (const key of values.keys()) if (!KNOWN.includes(key)) throw new Error(`unknown option --${key}`);
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  string(name: string): string | undefined {
    return this.values.get(name);
  }

  integer(name: string, fallback: number, min = 1): number {
    const raw = this.values.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min)
      throw new Error(`--${name} must be an integer >= ${min}, got "${raw}"`);
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.values.get(name);
    if (raw === undefined) return fallback;
    if (raw !== 'true' && raw !== 'false') throw new Error(`--${name} must be true or false, got "${raw}"`);
    return raw === 'true';
  }
}

export function parseEventsOptions(argv: readonly string[]): EventsOptions {
  const args = new Args(parseBenchArgs(argv));
  const agents = args.integer('agents', 200);
  const rate = args.integer('rate', 1000, 2);
  // Calls in flight = calls/s x hold: by default at most half the agents ring at once, and no call rings over 1 s.
  const holdMs = args.integer('hold-ms', Math.max(1, Math.min(1000, Math.floor(((agents / 2) * 1000) / (rate / 2)))));
  const cluster = parseClusterOptions(args);
  return {
    agents,
    rate,
    durationMs: args.integer('duration-ms', 10_000),
    warmupMs: args.integer('warmup-ms', 2000, 0),
    holdMs,
    drainMs: args.integer('drain-ms', 5000, 0),
    // Bound of the login (or handshake) storm of each phase.
    timeoutMs: args.integer('timeout-ms', Math.max(60_000, agents * 60)),
    serverCpuProfDir: args.string('server-cpu-prof'),
    semiSpaceMb: args.has('semi-space-mb') ? args.integer('semi-space-mb', 0) : undefined,
    settleHeaps: args.boolean('settle-heaps', true),
    baseline: args.boolean('baseline', cluster === undefined),
    cluster,
  };
}

function parseClusterOptions(args: Args): ClusterOptions | undefined {
  const nodes = args.integer('nodes', 1);
  if (!args.boolean('redis', false)) {
    if (nodes > 1) throw new Error('--nodes above 1 needs --redis: nodes share their sessions and events through it');
    if (args.boolean('sticky', false)) throw new Error('--sticky needs --redis: it sets how nginx spreads the nodes');
    return undefined;
  }
  const killNode = args.integer('kill-node', nodes - 1, 0);
  if (killNode >= nodes) throw new Error(`--kill-node must be below --nodes (${nodes}), got ${killNode}`);
  return {
    nodes,
    killAfterMs: args.integer('kill-after-ms', 3000, 0),
    afterKillMs: args.integer('after-kill-ms', 10_000),
    killNode,
    sticky: args.boolean('sticky', false),
    standby: args.boolean('standby', true),
    nodeLogLevel: args.string('node-log-level') ?? 'warn',
    nodeLogsDir: args.string('node-logs'),
  };
}

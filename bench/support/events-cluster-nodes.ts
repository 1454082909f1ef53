/**
 * The GWS nodes of `bench:events -- --nodes N --redis`: each an OS process of its own as `npm run start:node` runs
 * it (test/support/gws-node-process.ts), with its own T-Server and Configuration Server links to the simulator child,
 * on the same private Redis under its own GWS_NODE_ID. They have no IPC: their usage is read from /proc, and their
 * heaps are settled before a drive by a signal to a preloaded hook (heap-settle-preload.js).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loopbackSimulatorEnv, startGwsNodeProcess, type GwsNodeProcess } from '../../test/support/gws-node-process';
import type { SimulatorPorts } from './events-protocol';
import { SERVER_START_TIMEOUT_MS, SHUTDOWN_TIMEOUT_MS } from './events-server-process';
import { procUsage, type ProcUsage } from './proc-usage';

const HEAP_SETTLE_PRELOAD = join(__dirname, 'heap-settle-preload.js');
const SETTLE_TIMEOUT_MS = 10_000;

export interface ClusterNodeOptions {
  readonly count: number;
  readonly redisUrl: string;
  readonly simulators: SimulatorPorts;
  /** --max-semi-space-size (MB), as the single-node GWS child gets it. */
  readonly semiSpaceMb: number | undefined;
  /** The nodes' LOG_LEVEL. */
  readonly logLevel: string;
  /**
   * Where each node writes V8 CPU profiles, cut at every heap settle (heap-settle-preload.js says which span each
   * covers); undefined: no profiling.
   */
  readonly cpuProfDir: string | undefined;
  /** NODE_STANDBY: whether each node stands by for the next one (docs/scale-out.md, "Standby"). */
  readonly standby: boolean;
}

/** One node's usage; undefined once its process is gone. */
export interface NodeUsage {
  readonly nodeId: string;
  readonly usage: ProcUsage | undefined;
}

export class ClusterNodes {
  private readonly settled = new Map<GwsNodeProcess, number>();

  private constructor(readonly nodes: readonly GwsNodeProcess[]) {}

  /** Starts every node at once; when one fails, the others are killed and the error names it. */
  static async start(options: ClusterNodeOptions): Promise<ClusterNodes> {
    const nodeOptions = [`--require ${HEAP_SETTLE_PRELOAD}`];
    if (options.semiSpaceMb !== undefined) nodeOptions.push(`--max-semi-space-size=${options.semiSpaceMb}`);
    const started = await Promise.allSettled(
      Array.from({ length: options.count }, (_, index) =>
        startGwsNodeProcess(
          {
            ...loopbackSimulatorEnv(options.simulators),
            GWS_EMBEDDED: 'false',
            GWS_NODE_ID: `bench-node-${index + 1}`,
            REDIS_URL: options.redisUrl,
            // Every simulated browser logs in from the loopback interface: never lock that address out.
            LOGIN_ADDRESS_FAILURE_LIMIT: '1000000',
            LOGIN_FAILURE_LIMIT: '1000000',
            LOG_LEVEL: options.logLevel,
            NODE_STANDBY: String(options.standby),
            NODE_OPTIONS: nodeOptions.join(' '),
            ...(options.cpuProfDir === undefined ? {} : { BENCH_CPU_PROF_DIR: options.cpuProfDir }),
          },
          { readyTimeoutMs: SERVER_START_TIMEOUT_MS },
        ),
      ),
    );
    const nodes = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const failure = started.find((outcome) => outcome.status === 'rejected');
    if (failure !== undefined) {
      await Promise.all(nodes.map((node) => node.kill()));
      throw failure.reason;
    }
    return new ClusterNodes(nodes);
  }

  /** `host:port` of every node, for nginx. */
  get upstreams(): string[] {
    return this.nodes.map((node) => `127.0.0.1:${node.port}`);
  }

  /** Every node's usage; `settle`: each live node runs a full GC first. */
  async usage(settle = false): Promise<NodeUsage[]> {
    if (settle) await Promise.all(this.nodes.map((node) => this.settle(node)));
    return this.nodes.map((node) => ({ nodeId: node.nodeId, usage: procUsage(node.pid) }));
  }

  /** Writes the last lines each node wrote (stdout and stderr) to `<dir>/<node id>.log`. */
  saveOutput(dir: string): void {
    mkdirSync(dir, { recursive: true });
    for (const node of this.nodes) writeFileSync(join(dir, `${node.nodeId}.log`), `${node.output()}\n`);
  }

  /** SIGTERM (a node drains) bounded by the shutdown bound, then SIGKILL; never rejects. */
  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.terminate(SHUTDOWN_TIMEOUT_MS).catch(() => node.kill())));
  }

  /** SIGUSR2 to the preloaded hook, and its answer on stderr. */
  private async settle(node: GwsNodeProcess): Promise<void> {
    if (procUsage(node.pid) === undefined) return;
    const count = (this.settled.get(node) ?? 0) + 1;
    this.settled.set(node, count);
    const marker = `bench-heap-settled ${count}`;
    process.kill(node.pid, 'SIGUSR2');
    const deadline = performance.now() + SETTLE_TIMEOUT_MS;
    while (!node.output().split('\n').includes(marker)) {
      if (performance.now() > deadline) throw new Error(`${node.nodeId}: no full GC within ${SETTLE_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

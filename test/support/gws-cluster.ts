import { startRedisServer, type TestRedisServer } from '@gws/testing';
import { type EmbeddedPlatform } from '../../apps/gws/src/embedded/embedded-platform';
import { loopbackSimulatorEnv, startGwsNodeProcess, type GwsNodeProcess } from './gws-node-process';
import type { GwsTestPlatform } from './gws-test-platform';
import { startNginx, type TestNginx } from './nginx-server';
import { portsOf, startLoopbackSimulators } from './loopback-simulators';

/**
 * Several GWS nodes, each its own OS process, on one private Redis and the same simulators, behind a private nginx
 * (round robin): what a browser of the cluster sees is `front`. Nodes may be killed, drained and added.
 */
export interface GwsTestCluster {
  readonly redis: TestRedisServer;
  readonly simulators: EmbeddedPlatform;
  /** Every node started, dead or alive, in the order started. */
  readonly nodes: GwsNodeProcess[];
  readonly nginx: TestNginx;
  /** Where browsers go (nginx), shaped as the single-node platform test agents take. */
  readonly front: GwsTestPlatform;
  /** Starts one more node and points nginx at every node still running. */
  addNode(): Promise<GwsNodeProcess>;
  /** Points nginx at the nodes still running (after one was killed or drained). */
  rebalance(): Promise<void>;
  /** Resolves once every node still running answers `/health/ready` with 200 (bounded by `timeoutMs`). */
  ready(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Cluster timing for tests: heartbeats every 300 ms, a node dead 1.5 s after its last one. */
const CLUSTER_ENV = { NODE_HEARTBEAT_MS: '300', NODE_TTL_MS: '1500' };

export async function startGwsCluster(count: number, env: Record<string, string> = {}): Promise<GwsTestCluster> {
  const redis = await startRedisServer();
  const simulators = await startLoopbackSimulators();
  const nodeEnv = {
    ...loopbackSimulatorEnv(portsOf(simulators)),
    REDIS_URL: redis.url,
    GWS_HOST: '0.0.0.0',
    ...CLUSTER_ENV,
    ...env,
  };
  const nodes: GwsNodeProcess[] = [];
  const running = new Set<GwsNodeProcess>();
  const start = async (): Promise<GwsNodeProcess> => {
    const node = await startGwsNodeProcess(nodeEnv);
    nodes.push(node);
    running.add(node);
    void node.exited.then(() => running.delete(node));
    return node;
  };
  await Promise.all(Array.from({ length: count }, start));
  const upstreams = (): string[] => [...running].map((node) => `127.0.0.1:${node.port}`);
  const nginx = await startNginx({ upstreams: upstreams(), listenAllAddresses: true });
  const front = { baseUrl: nginx.url, port: nginx.port } as GwsTestPlatform;
  return {
    redis,
    simulators,
    nodes,
    nginx,
    front,
    addNode: async () => {
      const node = await start();
      await nginx.reload(upstreams());
      return node;
    },
    rebalance: () => nginx.reload(upstreams()),
    ready: async (timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      for (const node of running) {
        for (;;) {
          const status = await fetch(`${node.url}/health/ready`).then(
            (response) => response.status,
            () => 0,
          );
          if (status === 200) break;
          if (Date.now() > deadline) throw new Error(`node ${node.nodeId} not ready after ${timeoutMs} ms`);
          // Readiness has no event to wait on from outside the process: poll it.
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    },
    close: async () => {
      await nginx.stop();
      await Promise.all([...running].map((node) => node.kill()));
      await simulators.close();
      await redis.stop();
    },
  };
}

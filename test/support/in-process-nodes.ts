import type { NestExpressApplication } from '@nestjs/platform-express';
import type { TServerClient } from '@gws/tserver-client';
import { DeadNodeWatcher } from '../../apps/gws/src/cluster/dead-node-watcher';
import { NodeHeartbeat } from '../../apps/gws/src/cluster/node-heartbeat';
import type { EmbeddedPlatform } from '../../apps/gws/src/embedded/embedded-platform';
import { TSERVER_CLIENT } from '../../apps/gws/src/platform/platform.tokens';
import { loopbackGwsConfig, startGwsNode } from './gws-node';
import { portsOf } from './loopback-simulators';

/** A GWS node of a cluster test, in the test's own process: its internals stay reachable through `app`. */
export interface InProcessNode {
  readonly nodeId: string;
  readonly app: NestExpressApplication;
  readonly port: number;
}

/** Starts node `nodeId` on the simulators and Redis of the test; `env` adds to (or overrides) its settings. */
export async function startInProcessNode(
  simulators: EmbeddedPlatform,
  redisUrl: string,
  nodeId: string,
  env: Record<string, string> = {},
): Promise<InProcessNode> {
  const config = loopbackGwsConfig(portsOf(simulators), { GWS_NODE_ID: nodeId, REDIS_URL: redisUrl, ...env });
  return { nodeId, ...(await startGwsNode(config)) };
}

/**
 * What a crash (kill -9) looks like to the other nodes: no more heartbeats or takeovers, the T-Server link and the
 * HTTP port gone, no drain. The app itself is left for the test to close.
 */
export async function crashInProcessNode(node: InProcessNode): Promise<void> {
  node.app.get(NodeHeartbeat).stop();
  await node.app.get(DeadNodeWatcher).stop();
  node.app.get<TServerClient>(TSERVER_CLIENT).close();
  const server = node.app.getHttpServer();
  server.close();
  server.closeAllConnections();
}

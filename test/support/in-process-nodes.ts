import type { Message } from 'cometd';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startRedisServer, type TestRedisServer } from '@gws/testing';
import type { TServerClient } from '@gws/tserver-client';
import { DeadNodeWatcher } from '../../apps/gws/src/cluster/dead-node-watcher';
import { NodeHeartbeat } from '../../apps/gws/src/cluster/node-heartbeat';
import type { EmbeddedPlatform } from '../../apps/gws/src/embedded/embedded-platform';
import { TSERVER_CLIENT } from '../../apps/gws/src/platform/platform.tokens';
import { CometdTestClient, type CometdTestClientOptions } from './cometd-test-client';
import { GwsRestAgent } from './gws-rest-agent';
import { loopbackGwsConfig, startGwsNode } from './gws-node';
import { portsOf, startLoopbackSimulators } from './loopback-simulators';

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

/** The call a CallStateChangeMessage on `/v2/me/calls` reports (empty for any other message). */
export const callOf = (m: Message): { id?: string; state?: string } =>
  (m.data as { call?: { id?: string; state?: string } }).call ?? {};

/** The browser's next (not yet returned) CallStateChangeMessage for call `callId` in `state`. */
export function nextCall(browser: CometdTestClient, callId: string, state: string): Promise<Message> {
  return browser.nextMessage('/v2/me/calls', (m) => callOf(m).id === callId && callOf(m).state === state);
}

/** An agent seated by {@link seatAgent}: its login (cookie, CSRF token), its browser and its DN. */
export interface SeatedAgent {
  readonly login: GwsRestAgent;
  readonly browser: CometdTestClient;
  readonly dn: string;
}

/**
 * `userName` logs in on `holder`, a browser of the cluster's (closed in afterAll) handshakes on `browserNode`, and a
 * contact-center session starts on the holder; resolves once the browser has the device, with its DN.
 */
export async function seatAgent(
  cluster: InProcessCluster,
  userName: string,
  holder: InProcessNode,
  browserNode: InProcessNode,
): Promise<SeatedAgent> {
  const login = new GwsRestAgent(`http://127.0.0.1:${holder.port}`, userName);
  await login.login();
  const browser = cluster.browser({
    port: browserNode.port,
    cookies: { JSESSIONID: login.sessionId! },
    timeoutMs: 8000,
  });
  await browser.handshake();
  await browser.connected();
  const started = await login.startContactCenterSession();
  if ((started.body as { statusCode?: unknown }).statusCode !== 0) {
    throw new Error(`StartContactCenterSession of ${userName} answered ${JSON.stringify(started.body)}`);
  }
  const device = await browser.nextMessage('/v2/me/devices', (m) =>
    Boolean((m.data as { devices?: { phoneNumber: string }[] }).devices?.[0]),
  );
  const dn = (device.data as { devices: { phoneNumber: string }[] }).devices[0]!.phoneNumber;
  return { login, browser, dn };
}

/** What a suite of in-process cluster nodes shares: one Redis, the simulators, its nodes and browsers. */
export interface InProcessCluster {
  /** The simulators the nodes talk to (from beforeAll on). */
  readonly simulators: EmbeddedPlatform;
  /** Starts node `nodeId`, closed in afterAll unless `stopNode` closed it first. */
  startNode(nodeId: string): Promise<InProcessNode>;
  /** Closes the node now (Nest's shutdown: the drain SIGTERM runs), resolving once closed. */
  stopNode(node: InProcessNode): Promise<void>;
  /** A CometD browser, disconnected in afterAll. */
  browser(options: CometdTestClientOptions): CometdTestClient;
}

/**
 * Registers beforeAll/afterAll for a suite of in-process nodes: a private Redis and the simulators on loopback,
 * started once; every node and browser the suite made, stopped at the end. `env`: the nodes' settings.
 */
export function useInProcessCluster(env: Record<string, string>): InProcessCluster {
  let redis: TestRedisServer | undefined;
  let simulators: EmbeddedPlatform | undefined;
  const nodes: InProcessNode[] = [];
  const browsers: CometdTestClient[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
    simulators = await startLoopbackSimulators();
  });
  afterAll(async () => {
    await Promise.all(browsers.map((browser) => browser.disconnect().catch(() => undefined)));
    for (const node of nodes.splice(0)) await node.app.close();
    await simulators?.close();
    await redis?.stop();
  }, 30_000);
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the cluster starts in beforeAll');
    return value;
  };
  return {
    get simulators() {
      return started(simulators);
    },
    async startNode(nodeId) {
      const node = await startInProcessNode(started(simulators), started(redis).url, nodeId, env);
      nodes.push(node);
      return node;
    },
    async stopNode(node) {
      nodes.splice(nodes.indexOf(node), 1);
      await node.app.close();
    },
    browser(options) {
      const browser = new CometdTestClient(options);
      browsers.push(browser);
      return browser;
    },
  };
}

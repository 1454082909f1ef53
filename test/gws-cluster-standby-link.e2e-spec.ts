import type { AgentSessionStore } from '@gws/stores';
import type { TServerClient } from '@gws/tserver-client';
import { waitFor } from '@gws/testing';
import { TSERVER_CLIENT } from '../apps/gws/src/platform/platform.tokens';
import { AGENT_SESSION_STORE } from '../apps/gws/src/stores/store.tokens';
import { StandbySessions } from '../apps/gws/src/voice/standby/standby-sessions';
import { crashInProcessNode, nextCall, seatAgent, useInProcessCluster } from './support/in-process-nodes';

/** As in gws-cluster-standby: heartbeats every 200 ms, a node dead 2 s after its last one (the window is 15 s). */
const CLUSTER_ENV = { NODE_HEARTBEAT_MS: '200', NODE_TTL_MS: '2000' };

describe('GWS cluster: a standby whose T-Server link is down', () => {
  const cluster = useInProcessCluster(CLUSTER_ENV);

  it('is passed over: the next node stands by, and takes over at once when the holder dies', async () => {
    // Of a, b and c, b stands by for a, until its link goes.
    const nodeA = await cluster.startNode('a');
    const nodeB = await cluster.startNode('b');
    const nodeC = await cluster.startNode('c');
    const { browser, dn } = await seatAgent(cluster, 'agent1', nodeA, nodeC);
    await waitFor(() => nodeB.app.get(StandbySessions).size === 1, 5000, 'node B to stand by for the session');

    // B loses its T-Server link: it says it stands by no more, and C, next in the ring, does.
    nodeB.app.get<TServerClient>(TSERVER_CLIENT).close();
    await waitFor(() => nodeC.app.get(StandbySessions).size === 1, 5000, 'node C to stand by for the session');

    // A dies: C takes over once A is seen dead (the TTL), not after B's window, with the call of the gap.
    await crashInProcessNode(nodeA);
    const call = cluster.simulators.tserver.injectCall({ ani: '+15551239002', destination: dn });
    await nextCall(browser, call.callUuid, 'Ringing');
    const records = nodeC.app.get<AgentSessionStore>(AGENT_SESSION_STORE);
    expect((await records.listByNode('c')).map((r) => r.userName)).toEqual(['agent1']);
  }, 30_000);
});

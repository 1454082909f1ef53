import type { Message } from 'cometd';
import type { AgentSessionStore, NodeRegistry } from '@gws/stores';
import { waitFor } from '@gws/testing';
import type { TServerClient } from '@gws/tserver-client';
import { TSERVER_CLIENT } from '../apps/gws/src/platform/platform.tokens';
import { AGENT_SESSION_STORE, NODE_REGISTRY } from '../apps/gws/src/stores/store.tokens';
import { StandbySessions } from '../apps/gws/src/voice/standby/standby-sessions';
import { GwsRestAgent } from './support/gws-rest-agent';
import { crashInProcessNode, useInProcessCluster } from './support/in-process-nodes';

/**
 * A liveness entry that outlives the whole test (30 s): only the standby's watch of its ward's port
 * (cluster/ward-watch.ts) can see the crash in time.
 */
const CLUSTER_ENV = { NODE_HEARTBEAT_MS: '200', NODE_TTL_MS: '30000' };

const callOf = (m: Message): { id?: string; state?: string } =>
  (m.data as { call?: { id?: string; state?: string } }).call ?? {};

describe('GWS cluster: a node whose process is gone is taken over before its liveness expires', () => {
  const cluster = useInProcessCluster(CLUSTER_ENV);

  it('has its standby take its sessions over within seconds of the crash, with the calls of the gap', async () => {
    const nodeA = await cluster.startNode('a');
    const nodeB = await cluster.startNode('b');
    const login = new GwsRestAgent(`http://127.0.0.1:${nodeA.port}`, 'agent1');
    await login.login();
    const browser = cluster.browser({ port: nodeB.port, cookies: { JSESSIONID: login.sessionId! }, timeoutMs: 8000 });
    await browser.handshake();
    await browser.connected();
    expect((await login.startContactCenterSession()).body).toEqual({ statusCode: 0 });
    expect((await login.ready()).body).toEqual({ statusCode: 0 });
    const device = await browser.nextMessage('/v2/me/devices', (m) =>
      Boolean((m.data as { devices?: { phoneNumber: string }[] }).devices?.[0]),
    );
    const dn = (device.data as { devices: { phoneNumber: string }[] }).devices[0]!.phoneNumber;
    await waitFor(() => nodeB.app.get(StandbySessions).size === 1, 5000, 'node B to stand by for the session');

    const crashedAt = Date.now();
    await crashInProcessNode(nodeA);
    const call = cluster.simulators.tserver.injectCall({ ani: '+15551239001', destination: dn });

    // B saw A's port close and refuse: A's entry is gone long before its 30 s, and B holds the session.
    const registry = nodeB.app.get<NodeRegistry>(NODE_REGISTRY);
    const records = nodeB.app.get<AgentSessionStore>(AGENT_SESSION_STORE);
    await browser.nextMessage('/v2/me/calls', (m) => callOf(m).id === call.callUuid && callOf(m).state === 'Ringing');
    expect(await registry.get('a')).toBeUndefined();
    expect((await records.listByNode('b')).map((r) => r.userName)).toEqual(['agent1']);
    expect(Date.now() - crashedAt).toBeLessThan(8000);

    // The agent goes on through B, with the same cookie: the call that rang meanwhile is answered there.
    const viaB = new GwsRestAgent(`http://127.0.0.1:${nodeB.port}`, login.userName);
    viaB.sessionId = login.sessionId;
    viaB.csrfToken = login.csrfToken;
    expect((await viaB.post(`/api/v2/me/calls/${call.callUuid}`, { operationName: 'Answer' })).body).toEqual({
      statusCode: 0,
    });
    await browser.nextMessage(
      '/v2/me/calls',
      (m) => callOf(m).id === call.callUuid && callOf(m).state === 'Established',
    );
  }, 30_000);

  it('passes over a standby whose T-Server link is down: the next node stands by and takes over at once', async () => {
    // With b (alive from the test above), d, e and f: e stands by for d, until its link goes.
    const nodeD = await cluster.startNode('d');
    const nodeE = await cluster.startNode('e');
    const nodeF = await cluster.startNode('f');
    const login = new GwsRestAgent(`http://127.0.0.1:${nodeD.port}`, 'agent2');
    await login.login();
    const browser = cluster.browser({ port: nodeF.port, cookies: { JSESSIONID: login.sessionId! }, timeoutMs: 8000 });
    await browser.handshake();
    await browser.connected();
    expect((await login.startContactCenterSession()).body).toEqual({ statusCode: 0 });
    const device = await browser.nextMessage('/v2/me/devices', (m) =>
      Boolean((m.data as { devices?: { phoneNumber: string }[] }).devices?.[0]),
    );
    const dn = (device.data as { devices: { phoneNumber: string }[] }).devices[0]!.phoneNumber;
    await waitFor(() => nodeE.app.get(StandbySessions).size === 1, 5000, 'node E to stand by for the session');

    // E loses its T-Server link: it says it stands by no more, and F, next in the ring, does.
    nodeE.app.get<TServerClient>(TSERVER_CLIENT).close();
    await waitFor(() => nodeF.app.get(StandbySessions).size === 1, 5000, 'node F to stand by for the session');

    await crashInProcessNode(nodeD);
    const call = cluster.simulators.tserver.injectCall({ ani: '+15551239002', destination: dn });
    await browser.nextMessage('/v2/me/calls', (m) => callOf(m).id === call.callUuid && callOf(m).state === 'Ringing');
    const records = nodeF.app.get<AgentSessionStore>(AGENT_SESSION_STORE);
    expect((await records.listByNode('f')).map((r) => r.userName)).toEqual(['agent2']);
  }, 30_000);
});

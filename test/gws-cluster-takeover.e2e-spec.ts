import type { Message } from 'cometd';
import type { AgentSessionStore, DnMap } from '@gws/stores';
import { waitFor } from '@gws/testing';
import { AGENT_SESSION_STORE, DN_MAP } from '../apps/gws/src/stores/store.tokens';
import { VoiceSessions } from '../apps/gws/src/voice/voice-session';
import type { CometdTestClient } from './support/cometd-test-client';
import { GwsRestAgent } from './support/gws-rest-agent';
import { crashInProcessNode, nextCall, useInProcessCluster, type InProcessNode } from './support/in-process-nodes';

interface Device {
  readonly id: string;
  readonly phoneNumber: string;
  readonly deviceState: string;
  readonly userState: { readonly state: string };
}

/** Heartbeats every 200 ms; a node is dead 600 ms after its last one. */
const CLUSTER_ENV = { NODE_HEARTBEAT_MS: '200', NODE_TTL_MS: '600' };

/** The device of the next DeviceStateChangeMessage after the first `after` (not yet returned) that matches. */
async function nextDevice(
  browser: CometdTestClient,
  predicate: (device: Device) => boolean,
  after = 0,
): Promise<Device> {
  const deviceOf = (m: Message): Device | undefined => (m.data as { devices?: Device[] }).devices?.[0];
  const later = new Set(browser.messages('/v2/me/devices').slice(0, after));
  const message = await browser.nextMessage('/v2/me/devices', (m) => {
    const device = deviceOf(m);
    return !later.has(m) && device !== undefined && predicate(device);
  });
  return deviceOf(message)!;
}

/** The agent's browser, on REST, sent to `node` with the cookie and CSRF token of its login elsewhere. */
function restOn(node: InProcessNode, login: GwsRestAgent): GwsRestAgent {
  const rest = new GwsRestAgent(`http://127.0.0.1:${node.port}`, login.userName);
  rest.sessionId = login.sessionId;
  rest.csrfToken = login.csrfToken;
  return rest;
}

describe('GWS cluster: the voice sessions of a node lost or drained are taken over, agents still logged in', () => {
  const cluster = useInProcessCluster(CLUSTER_ENV);
  const startNode = (nodeId: string): Promise<InProcessNode> => cluster.startNode(nodeId);
  const crash = crashInProcessNode;
  const browserOn = (node: InProcessNode, login: GwsRestAgent): CometdTestClient =>
    cluster.browser({ port: node.port, cookies: { JSESSIONID: login.sessionId! }, timeoutMs: 5000 });

  const sessionsOn = async (node: InProcessNode): Promise<string[]> =>
    (await node.app.get<AgentSessionStore>(AGENT_SESSION_STORE).listByNode(node.nodeId)).map((r) => r.userName);

  const agentOn = (dn: string) => cluster.simulators.tserver.snapshot().agents.find((agent) => agent.dn === dn);
  const registrarsOf = (dn: string) =>
    cluster.simulators.tserver.snapshot().dns.find((row) => row.number === dn)?.registeredBy;

  let login: GwsRestAgent;
  let device: Device;
  let callId: string;
  let nodeB: InProcessNode;
  let lastNode: InProcessNode;

  it('serves the session of node A through node B, and B takes it over when A dies, the call ringing', async () => {
    const nodeA = await startNode('a');
    nodeB = await startNode('b');
    login = new GwsRestAgent(`http://127.0.0.1:${nodeA.port}`, 'agent1');
    await login.login();
    const browser = browserOn(nodeB, login);
    await browser.handshake();
    await browser.connected();
    expect((await login.startContactCenterSession()).body).toEqual({ statusCode: 0 });
    device = await nextDevice(browser, (d) => d.userState.state === 'NotReady');
    expect(await sessionsOn(nodeA)).toEqual(['agent1']);

    // Any node answers: B forwards to A, which holds the session (a GET, and operations with the CSRF token).
    const viaB = restOn(nodeB, login);
    expect(await viaB.get('/api/v2/me/devices?fields=*')).toMatchObject({
      status: 200,
      body: { statusCode: 0, devices: [{ id: device.id, userState: { state: 'NotReady' } }] },
    });
    expect((await viaB.ready()).body).toEqual({ statusCode: 0 });
    await nextDevice(browser, (d) => d.userState.state === 'Ready');
    expect(await sessionsOn(nodeB)).toEqual([]);
    // A second browser logging in on B (Basic) gets B's new HTTP session and the session's devices from A.
    const second = new GwsRestAgent(`http://127.0.0.1:${nodeB.port}`, 'agent1');
    await second.login();
    expect(second.sessionId).not.toBe(login.sessionId);
    expect(await second.get('/api/v2/me/devices?fields=*')).toMatchObject({
      body: { devices: [{ id: device.id, userState: { state: 'Ready' } }] },
    });

    const call = cluster.simulators.tserver.injectCall({ ani: '+15551230001', destination: device.phoneNumber });
    callId = call.callUuid;
    await nextCall(browser, callId, 'Ringing');
    const agentBefore = agentOn(device.phoneNumber);
    expect(agentBefore).toMatchObject({ state: 'Ready' });

    const sent = browser.messages('/v2/me/devices').length;
    await crash(nodeA);
    // At once, before the cluster has seen A die: B finds nothing listening where A was, waits until A's entry
    // expires, takes the session over and answers the call.
    expect((await viaB.post(`/api/v2/me/calls/${callId}`, { operationName: 'Answer' })).body).toEqual({
      statusCode: 0,
    });
    await nextCall(browser, callId, 'Established');
    // B showed the device again as T-Server has it; the agent is still logged in as before (a new login would be
    // NotReady), and only B's link has the DN.
    await nextDevice(browser, (d) => d.deviceState === 'Active', sent);
    expect(await sessionsOn(nodeB)).toEqual(['agent1']);
    expect(await sessionsOn(nodeA)).toEqual([]);
    expect(agentOn(device.phoneNumber)).toEqual(agentBefore);
    expect(registrarsOf(device.phoneNumber)).toHaveLength(1);
    expect(await nodeB.app.get<DnMap>(DN_MAP).get(device.phoneNumber)).toMatchObject({ nodeId: 'b' });
    // A, were it only paused, lets go of the session B took (it would otherwise serve every event twice).
    await waitFor(() => nodeA.app.get(VoiceSessions).size === 0, 2000, 'node A to let go of the session');
    const calls = await viaB.get('/api/v2/me/calls?fields=*');
    expect(calls.body).toMatchObject({ statusCode: 0, calls: [{ id: callId, state: 'Established' }] });
  }, 30_000);

  it('hands the session over when its node drains, and the call goes on', async () => {
    const nodeC = await startNode('c');
    const browser = browserOn(nodeC, login);
    await browser.handshake();
    await browser.connected();
    const viaC = restOn(nodeC, login);
    expect(await viaC.get('/api/v2/me/calls?fields=*')).toMatchObject({ body: { calls: [{ id: callId }] } });
    const agentBefore = agentOn(device.phoneNumber);

    const sent = browser.messages('/v2/me/devices').length;
    await cluster.stopNode(nodeB);
    await nextDevice(browser, (d) => d.deviceState === 'Active', sent);
    expect(await sessionsOn(nodeC)).toEqual(['agent1']);
    expect(agentOn(device.phoneNumber)).toEqual(agentBefore);
    expect(registrarsOf(device.phoneNumber)).toHaveLength(1);

    expect((await viaC.get('/api/v2/me/calls?fields=*')).body).toMatchObject({
      calls: [{ id: callId, state: 'Established' }],
    });
    expect((await viaC.post(`/api/v2/me/calls/${callId}`, { operationName: 'Hangup' })).body).toEqual({
      statusCode: 0,
    });
    await nextCall(browser, callId, 'Released');
    lastNode = nodeC;
  }, 30_000);

  it('adopts its sessions at start when the last node comes back under the same GWS_NODE_ID', async () => {
    const agentBefore = agentOn(device.phoneNumber);
    await cluster.stopNode(lastNode);
    expect(registrarsOf(device.phoneNumber)).toEqual([]);

    const restarted = await startNode('c');
    const browser = browserOn(restarted, login);
    await browser.handshake();
    await browser.connected();
    await nextDevice(browser, (d) => d.deviceState === 'Active');
    expect(await sessionsOn(restarted)).toEqual(['agent1']);
    expect(agentOn(device.phoneNumber)).toEqual(agentBefore);
    expect(registrarsOf(device.phoneNumber)).toHaveLength(1);
    expect((await restOn(restarted, login).get('/api/v2/me/devices?fields=*')).body).toMatchObject({
      devices: [{ id: device.id, deviceState: 'Active' }],
    });
    lastNode = restarted;
  }, 30_000);

  it('serves the session of a dead node on a node started less than a TTL ago, once it can tell the node dead', async () => {
    const agentBefore = agentOn(device.phoneNumber);
    await crash(lastNode);
    // Up within the dead node's TTL: until its own heartbeats are a TTL old, a missing holder might only be one a
    // Redis outage erased. The request waits for that (it used to answer 503 "cannot be reached yet").
    const nodeD = await startNode('d');
    expect((await restOn(nodeD, login).get('/api/v2/me/devices?fields=*')).body).toMatchObject({
      statusCode: 0,
      devices: [{ id: device.id, deviceState: 'Active' }],
    });
    expect(await sessionsOn(nodeD)).toEqual(['agent1']);
    expect(agentOn(device.phoneNumber)).toEqual(agentBefore);
  }, 30_000);
});

import type { Message } from 'cometd';
import type { AgentSessionStore } from '@gws/stores';
import { waitFor } from '@gws/testing';
import { AGENT_SESSION_STORE } from '../apps/gws/src/stores/store.tokens';
import { DeadNodeWatcher } from '../apps/gws/src/cluster/dead-node-watcher';
import { StandbySessions } from '../apps/gws/src/voice/standby/standby-sessions';
import { VoiceSessions } from '../apps/gws/src/voice/voice-session';
import { GwsRestAgent } from './support/gws-rest-agent';
import {
  callOf,
  crashInProcessNode,
  nextCall,
  seatAgent,
  useInProcessCluster,
  type InProcessNode,
} from './support/in-process-nodes';

/**
 * Heartbeats every 200 ms; a node is dead 2 s after its last one: the calls below ring and end well inside the
 * gap between a crash and the takeover.
 */
const CLUSTER_ENV = { NODE_HEARTBEAT_MS: '200', NODE_TTL_MS: '2000' };

const seqOf = (m: Message): number | undefined => (m.ext as { seq?: number } | undefined)?.seq;

describe('GWS cluster: a standby node announces what happened while the holder was dead', () => {
  const cluster = useInProcessCluster(CLUSTER_ENV);
  const startNode = (nodeId: string): Promise<InProcessNode> => cluster.startNode(nodeId);
  /** The first test's standby, alive in the later ones. */
  let nodeB: InProcessNode;

  const dnRow = (dn: string) => cluster.simulators.tserver.snapshot().dns.find((row) => row.number === dn);

  const seat = (userName: string, holder: InProcessNode, browserNode: InProcessNode) =>
    seatAgent(cluster, userName, holder, browserNode);

  /** Resolves once `standby` shadows one session and watches `dn` (ModeMonitor), its holder having it too. */
  async function standingBy(standby: InProcessNode, dn: string): Promise<void> {
    await waitFor(
      () => standby.app.get(StandbySessions).size === 1 && dnRow(dn)?.monitoredBy.length === 1,
      5000,
      `node ${standby.nodeId} to stand by for the session of DN ${dn}`,
    );
    expect(dnRow(dn)).toMatchObject({ registeredBy: [expect.any(String)], monitoredBy: [expect.any(String)] });
  }

  it('delivers a call that rang and ended between the crash of the holder and the takeover', async () => {
    const nodeA = await startNode('a');
    nodeB = await startNode('b');
    const { login, browser, dn } = await seat('agent1', nodeA, nodeB);
    expect((await login.ready()).body).toEqual({ statusCode: 0 });
    // B is A's standby: it watches the DN (ModeMonitor) and shadows the session.
    await standingBy(nodeB, dn);

    // A call the holder announces: the standby holds it too, and does not announce it again.
    const first = cluster.simulators.tserver.injectCall({ ani: '+15551230001', destination: dn });
    await nextCall(browser, first.callUuid, 'Ringing');
    cluster.simulators.tserver.externalHangup(first.connId);
    await nextCall(browser, first.callUuid, 'Released');

    // What A logged is let go of on B: only the last event's message stays held.
    const shadow = nodeB.app.get(StandbySessions).all()[0]!;
    await waitFor(() => (shadow.standby?.size ?? 0) <= 1, 5000, 'node B to let go of what A announced');

    await crashInProcessNode(nodeA);
    const missed = cluster.simulators.tserver.injectCall({ ani: '+15551230002', destination: dn });
    cluster.simulators.tserver.externalHangup(missed.connId);
    const records = nodeB.app.get<AgentSessionStore>(AGENT_SESSION_STORE);
    expect((await records.listByNode('a')).map((r) => r.userName)).toEqual(['agent1']);

    // Taken over: the call that rang and ended meanwhile reaches the agent, in order, with no gap in ext.seq.
    await nextCall(browser, missed.callUuid, 'Released');
    expect((await records.listByNode('b')).map((r) => r.userName)).toEqual(['agent1']);
    const calls = browser
      .messages('/v2/me/calls')
      .map((m) => `${callOf(m).id === first.callUuid ? 'first' : 'missed'} ${callOf(m).state}`);
    expect(calls).toEqual(['first Ringing', 'first Released', 'missed Ringing', 'missed Released']);
    const seqs = browser.allMessages().flatMap((m) => seqOf(m) ?? []);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    // B serves the DN now, on its own link, and stands by for nobody.
    expect(dnRow(dn)).toMatchObject({ registeredBy: [expect.any(String)], monitoredBy: [] });
    expect(nodeB.app.get(StandbySessions).size).toBe(0);
    const metrics = await (await fetch(`http://127.0.0.1:${nodeB.port}/metrics`)).text();
    expect(metrics).toMatch(/^gws_standby_promotions_total\{overrun="false"\} 1$/m);
    expect(metrics).toMatch(/^gws_standby_announced_total 2$/m);
    // The agent goes on with the same cookie (no new login).
    const viaB = new GwsRestAgent(`http://127.0.0.1:${nodeB.port}`, login.userName);
    viaB.sessionId = login.sessionId;
    viaB.csrfToken = login.csrfToken;
    expect((await viaB.get('/api/v2/me/calls?fields=*')).body).toEqual({ statusCode: 0, calls: [] });
  }, 30_000);

  it('sends a request that reaches a third node to the dead holder’s standby, which takes over with the gap', async () => {
    const nodeD = await startNode('d');
    const nodeE = await startNode('e');
    const nodeF = await startNode('f');
    const { login, browser: onF, dn } = await seat('agent2', nodeD, nodeF);
    // Of b, d, e and f, e is d's standby.
    await standingBy(nodeE, dn);

    // Only a request can take the session over now: no node looks for dead ones.
    for (const node of [nodeB, nodeE, nodeF]) await node.app.get(DeadNodeWatcher).stop();
    await crashInProcessNode(nodeD);
    const missed = cluster.simulators.tserver.injectCall({ ani: '+15551230003', destination: dn });
    cluster.simulators.tserver.externalHangup(missed.connId);

    // F finds nothing where D was, waits until D is seen dead, and sends the request to E, which serves it.
    const viaF = new GwsRestAgent(`http://127.0.0.1:${nodeF.port}`, login.userName);
    viaF.sessionId = login.sessionId;
    viaF.csrfToken = login.csrfToken;
    expect((await viaF.get('/api/v2/me/devices?fields=*')).body).toMatchObject({ statusCode: 0 });
    const records = nodeF.app.get<AgentSessionStore>(AGENT_SESSION_STORE);
    expect((await records.listByNode('e')).map((r) => r.userName)).toEqual(['agent2']);
    await nextCall(onF, missed.callUuid, 'Released');
    expect(onF.messages('/v2/me/calls').map((m) => callOf(m).state)).toEqual(['Ringing', 'Released']);
  }, 30_000);

  it('loses no call event of a node that drains (SIGTERM) while a call rings and ends', async () => {
    const nodeG = await startNode('g');
    const nodeH = await startNode('h');
    const { browser: onH, dn } = await seat('agent3', nodeG, nodeH);
    // h is g's standby (the nodes before stopped looking for dead ones).
    await standingBy(nodeH, dn);

    // G drains (what SIGTERM runs); once it has let its sessions go, a call rings and ends on its agent's DN.
    const drained = cluster.stopNode(nodeG);
    await waitFor(() => nodeG.app.get(VoiceSessions).size === 0, 5000, 'node G to let its sessions go');
    const call = cluster.simulators.tserver.injectCall({ ani: '+15551230004', destination: dn });
    cluster.simulators.tserver.externalHangup(call.connId);
    await drained;

    await nextCall(onH, call.callUuid, 'Released');
    expect(onH.messages('/v2/me/calls').map((m) => callOf(m).state)).toEqual(['Ringing', 'Released']);
    const records = nodeH.app.get<AgentSessionStore>(AGENT_SESSION_STORE);
    expect((await records.listByNode('h')).map((r) => r.userName)).toEqual(['agent3']);
    const seqs = onH.allMessages().flatMap((m) => seqOf(m) ?? []);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
  }, 30_000);
});

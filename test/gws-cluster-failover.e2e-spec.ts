import type { Message } from 'cometd';
import { CallAgent } from './support/gws-call-agent';
import { startGwsCluster, type GwsTestCluster } from './support/gws-cluster';

/** Per browser: the user's stream sequence numbers (`ext.seq`) it received, checked for gaps and repeats. */
function sequenceOf(messages: readonly Message[]): { first: number; last: number; gaps: number[]; repeats: number[] } {
  const seqs = messages.flatMap((m) => {
    const seq = (m.ext as { seq?: unknown } | undefined)?.seq;
    return typeof seq === 'number' ? [seq] : [];
  });
  const gaps: number[] = [];
  const repeats: number[] = [];
  for (let i = 1; i < seqs.length; i++) {
    if (seqs[i]! <= seqs[i - 1]!) repeats.push(seqs[i]!);
    else if (seqs[i]! > seqs[i - 1]! + 1) gaps.push(seqs[i - 1]! + 1);
  }
  return { first: seqs[0] ?? 0, last: seqs.at(-1) ?? 0, gaps, repeats };
}

const AGENTS = Array.from({ length: 20 }, (_, i) => `agent${i + 1}`);
/** Agents 1-10 take calls (no wrap-up time); 11-20 only follow their devices. */
const CALLERS = 10;

describe('GWS cluster: 20 agents on nodes behind nginx, on Redis', () => {
  let cluster: GwsTestCluster;
  let agents: CallAgent[] = [];
  const clientIds = new Map<CallAgent, string | null>();

  beforeAll(async () => {
    cluster = await startGwsCluster(2);
    agents = await Promise.all(AGENTS.map((name) => CallAgent.seat(cluster.front, name)));
    agents.forEach((agent) => clientIds.set(agent, agent.browser.clientId));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(agents.map((agent) => agent.browser.disconnect()));
    await cluster?.close();
  }, 60_000);

  /**
   * Rings the callers; the first half answer. Then `fault` strikes, and a call rings and ends at each of the others
   * at once (during a kill's gap, before the takeover); then every ringing call is answered and every call is held,
   * retrieved and released, through whichever node nginx picks, with the cookie of the first login, and the others
   * have each seen their call ring and end.
   */
  async function callsThrough(fault: () => Promise<void>): Promise<void> {
    const callers = agents.slice(0, CALLERS);
    const injected = callers.map((agent, i) =>
      cluster.simulators.tserver.injectCall({ ani: `+1555010${String(i).padStart(2, '0')}`, destination: agent.dn }),
    );
    // By the call's UUID: after a takeover the new holder announces the calls it recovered again, an earlier
    // call's Ringing included.
    const calls = (
      await Promise.all(
        callers.map((agent, i) =>
          agent.next((m) => m.call.state === 'Ringing' && m.call.callUuid === injected[i]!.callUuid),
        ),
      )
    ).map((message) => message.call.id);
    const half = CALLERS / 2;
    await Promise.all(callers.slice(0, half).map((agent, i) => agent.act(calls[i]!, { operationName: 'Answer' })));
    await Promise.all(callers.slice(0, half).map((agent, i) => agent.nextState('Established', calls[i])));

    await fault();
    // Meanwhile a call rings and ends at each of the other agents: whichever node serves them now announces it.
    const followers = agents.slice(CALLERS);
    const brief = followers.map((agent, i) =>
      cluster.simulators.tserver.injectCall({ ani: `+1555020${String(i).padStart(2, '0')}`, destination: agent.dn }),
    );
    brief.forEach((call) => cluster.simulators.tserver.externalHangup(call.connId));

    await Promise.all(
      callers.map(async (agent, i) => {
        const callId = calls[i]!;
        const step = async (operationName: string, state: string): Promise<void> => {
          const answer = await agent.act(callId, { operationName });
          expect({ agent: agent.rest.userName, operationName, answer: answer.body }).toEqual({
            agent: agent.rest.userName,
            operationName,
            answer: { statusCode: 0 },
          });
          await agent.nextState(state, callId);
        };
        if (i >= half) await step('Answer', 'Established');
        await step('Hold', 'Held');
        await step('Retrieve', 'Established');
        await step('Hangup', 'Released');
      }),
    );
    await Promise.all(
      followers.map(async (agent, i) => {
        const callUuid = brief[i]!.callUuid;
        await agent.next((m) => m.call.callUuid === callUuid && m.call.state === 'Released', 15_000);
        const states = agent.browser
          .messages('/v2/me/calls')
          .map((m) => m.data as { call?: { callUuid?: string; state?: string } })
          .filter((data) => data.call?.callUuid === callUuid)
          .map((data) => data.call!.state);
        expect({ agent: agent.rest.userName, states }).toEqual({
          agent: agent.rest.userName,
          states: ['Ringing', 'Released'],
        });
      }),
    );
    await everyAgentKeptEverything();
  }

  /** No re-login, no re-handshake, nothing lost; the next REST call with the first cookie succeeds. */
  async function everyAgentKeptEverything(): Promise<void> {
    for (const agent of agents) {
      const me = await agent.rest.get('/api/v2/me?subresources=*');
      expect({ agent: agent.rest.userName, status: me.status }).toEqual({ agent: agent.rest.userName, status: 200 });
      expect({
        agent: agent.rest.userName,
        clientId: agent.browser.clientId,
        failedPolls: agent.browser.connectReplies.filter((reply) => !reply.successful),
      }).toEqual({ agent: agent.rest.userName, clientId: clientIds.get(agent), failedPolls: [] });
      expect(agent.browser.handshakes).toBe(1);
      const sequence = sequenceOf(agent.browser.allMessages());
      expect({ agent: agent.rest.userName, gaps: sequence.gaps, repeats: sequence.repeats }).toEqual({
        agent: agent.rest.userName,
        gaps: [],
        repeats: [],
      });
    }
  }

  it('loses nothing when a node is killed (kill -9) with calls ringing and established', async () => {
    await callsThrough(async () => {
      await cluster.nodes[0]!.kill('SIGKILL');
    });
  }, 90_000);

  it('loses nothing when a node drains (SIGTERM) after a new node joined', async () => {
    await cluster.addNode();
    await callsThrough(async () => {
      // nginx is not told: a stopped node refuses connections, and nginx moves on to the next by itself.
      await cluster.nodes[1]!.terminate();
    });
  }, 120_000);

  it('loses nothing when Redis restarts', async () => {
    await callsThrough(async () => {
      await cluster.redis.restart();
      // Redis is back when the nodes say so: until their links reconnect, REST answers 503 "try again shortly".
      await cluster.ready();
    });
  }, 90_000);
});

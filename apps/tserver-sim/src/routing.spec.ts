import { CallType } from '@gws/tlib';
import { SimulatorFixture } from './testing/simulator-fixture';
import type { TestClient } from './testing/test-client';

async function readyAgent(client: TestClient, dn: string, agentId: string): Promise<void> {
  await client.request('RequestAgentLogin', { ThisDN: dn, AgentID: agentId, AgentWorkMode: 2 });
  await client.expectEvents(dn, ['EventAgentLogin', 'EventAgentReady']);
}

describe('T-Server simulator: routing', () => {
  const fixture = new SimulatorFixture();
  afterEach(() => fixture.teardown());

  it('routes a call from the routing point to the queue and on to the longest-idle Ready agent', async () => {
    let clock = Date.now();
    const sim = await fixture.start({ now: () => (clock += 1) });
    const client = await fixture.clientFor(sim, '7001', '8001', '5001', '5002');
    await client.request('RequestAgentLogin', { ThisDN: '5001', AgentID: '1001' });
    await readyAgent(client, '5002', '1002');
    await client.request('RequestAgentReady', { ThisDN: '5001' });
    await client.expectEvents('5001', ['EventAgentLogin', 'EventAgentReady']);
    const { connId } = sim.injectCall({
      ani: '+15550001',
      dnis: '18005550100',
      destination: '7001',
      userData: { Lang: 'en' },
    });
    const [queuedRp, request, used, divertedRp] = await client.expectEvents('7001', [
      'EventQueued',
      'EventRouteRequest',
      'EventRouteUsed',
      'EventDiverted',
    ]);
    expect(queuedRp?.attributes).toMatchObject({ ConnID: connId, ANI: '+15550001', DNIS: '18005550100' });
    expect(request?.attributes.UserData?.get('Lang')).toBe('en');
    expect(used?.attributes.OtherDN).toBe('8001');
    expect(divertedRp?.attributes.ThirdPartyDN).toBe('8001');
    const [, divertedQ] = await client.expectEvents('8001', ['EventQueued', 'EventDiverted']);
    expect(divertedQ?.attributes.ThirdPartyDN).toBe('5002');
    const [ringing] = await client.expectEvents('5002', ['EventRinging']);
    expect(ringing?.attributes).toMatchObject({
      ConnID: connId,
      CallType: CallType.Inbound,
      ANI: '+15550001',
      DNIS: '18005550100',
      OtherDN: '+15550001',
      ThisQueue: '8001',
    });
    expect(ringing?.attributes.UserData?.get('Lang')).toBe('en');
    expect(client.pendingEvents('5001')).toEqual([]);

    const second = sim.injectCall({ ani: '+15550002', destination: '8001' });
    const [ringing5001] = await client.expectEvents('5001', ['EventRinging']);
    expect(ringing5001?.attributes.ConnID).toBe(second.connId);
  });

  it('keeps calls queued while nobody is Ready and distributes them, oldest first, as agents become Ready', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '8001', '5001');
    await client.request('RequestAgentLogin', { ThisDN: '5001', AgentID: '1001' });
    const first = sim.injectCall({ ani: '+15550001', destination: '8001' });
    const second = sim.injectCall({ ani: '+15550002', destination: '8001' });
    await client.expectEvents('8001', ['EventQueued', 'EventQueued']);
    expect(sim.snapshot().queues).toEqual([
      { dn: '8001', calls: [first.connId, second.connId] },
      { dn: '8002', calls: [] },
    ]);
    await client.request('RequestAgentReady', { ThisDN: '5001' });
    const [, , ringing] = await client.expectEvents('5001', ['EventAgentLogin', 'EventAgentReady', 'EventRinging']);
    expect(ringing?.attributes.ConnID).toBe(first.connId);
    await client.request('RequestAnswerCall', { ThisDN: '5001', ConnID: first.connId });
    await client.request('RequestReleaseCall', { ThisDN: '5001', ConnID: first.connId });
    const [, , next] = await client.expectEvents('5001', ['EventEstablished', 'EventReleased', 'EventRinging']);
    expect(next?.attributes.ConnID).toBe(second.connId);
  });

  it('reports EventAbandoned when the caller hangs up while queued or while the agent rings', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '8001', '5001');
    const queued = sim.injectCall({ ani: '+15550001', destination: '8001' });
    await client.expectEvents('8001', ['EventQueued']);
    sim.externalHangup(queued.connId);
    const [abandoned] = await client.expectEvents('8001', ['EventAbandoned']);
    expect(abandoned?.attributes.ConnID).toBe(queued.connId);
    expect(sim.snapshot().queues[0]?.calls).toEqual([]);

    await readyAgent(client, '5001', '1001');
    const ringing = sim.injectCall({ ani: '+15550002', destination: '8001' });
    await client.expectEvents('5001', ['EventRinging']);
    sim.externalHangup(ringing.connId);
    await client.expectEvents('5001', ['EventAbandoned']);
    expect(sim.snapshot().calls).toEqual([]);
  });

  it('skips agents logged in to another queue and agents in do-not-disturb', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '8001', '5001', '5002', '5003');
    await client.request('RequestAgentLogin', { ThisDN: '5001', AgentID: '1001', AgentWorkMode: 2, ThisQueue: '8002' });
    await readyAgent(client, '5002', '1002');
    await client.request('RequestSetDNDOn', { ThisDN: '5002' });
    await client.register('5004');
    await readyAgent(client, '5004', '1004');
    const { connId } = sim.injectCall({ ani: '+15550001', destination: '8001' });
    const [ringing] = await client.expectEvents('5004', ['EventRinging']);
    expect(ringing?.attributes.ConnID).toBe(connId);
  });
});

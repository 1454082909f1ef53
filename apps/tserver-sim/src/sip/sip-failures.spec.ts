import { waitFor } from '@gws/testing';
import { CallState } from '@gws/tlib';
import { SimulatorFixture } from '../testing/simulator-fixture';
import type { TestClient } from '../testing/test-client';
import { freeUdpPort } from './udp-port';
import { expectScenarioPassed, sipOptionsFor } from './testing/sip-test-options';
import { SippUas } from './testing/sipp-uas';

const WAIT_MS = 5000;
/** Only 5001 has a softphone; 5002 is simulated as before. */
const ONLY_5001 = /^5001$/;

async function readyAgent(client: TestClient, dn: string, agentId: string): Promise<void> {
  await client.request('RequestAgentLogin', { ThisDN: dn, AgentID: agentId, AgentWorkMode: 2 });
  await client.expectEvents(dn, ['EventAgentLogin', 'EventAgentReady']);
}

describe('T-Server simulator, SIP side: a phone that does not take the call', () => {
  const fixture = new SimulatorFixture();
  let sipp: SippUas | undefined;
  afterEach(async () => {
    sipp?.stop();
    await fixture.teardown();
  });

  it('480 for a distributed call: the DN never rings, its agent goes NotReady, the queue gives the call to the next agent', async () => {
    sipp = await SippUas.start({ scenario: 'uas-unavailable.xml' });
    let clock = Date.now();
    const sim = await fixture.start({ sip: sipOptionsFor(sipp, { dnPattern: ONLY_5001 }), now: () => (clock += 1) });
    const client = await fixture.clientFor(sim, '8001', '5001', '5002');
    await readyAgent(client, '5001', '1001');
    await readyAgent(client, '5002', '1002');
    const { connId } = sim.injectCall({ ani: '+15550001', destination: '8001' });

    const [notReady] = await client.expectEvents('5001', ['EventAgentNotReady'], WAIT_MS);
    expect(notReady?.attributes.AgentID).toBe('1001');
    const [ringing] = await client.expectEvents('5002', ['EventRinging']);
    expect(ringing?.attributes).toMatchObject({ ConnID: connId, ThisQueue: '8001' });
    await client.expectEvents('8001', ['EventQueued', 'EventDiverted', 'EventQueued', 'EventDiverted']);
    expect(client.pendingEvents('5001')).toEqual([]);
    await expectScenarioPassed(sipp);
    expect(sim.sipLegs()).toMatchObject([{ connId, dn: '5001', state: 'failed' }]);
  });

  it('480 for a dialled call: the caller is released with CallState NoAnswer', async () => {
    sipp = await SippUas.start({ scenario: 'uas-unavailable.xml' });
    const sim = await fixture.start({ sip: sipOptionsFor(sipp, { dnPattern: ONLY_5001 }) });
    const client = await fixture.clientFor(sim, '5001', '5002');
    await client.request('RequestMakeCall', { ThisDN: '5002', OtherDN: '5001' });
    const [, released] = await client.expectEvents('5002', ['EventDialing', 'EventReleased'], WAIT_MS);
    expect(released?.attributes.CallState).toBe(CallState.NoAnswer);
    expect(client.pendingEvents('5001')).toEqual([]);
    await expectScenarioPassed(sipp);
    expect(sim.snapshot().calls).toEqual([]);
  });

  it('no answer at all from the gateway within inviteTimeoutMs: the same as unreachable', async () => {
    const silent = await freeUdpPort('127.0.0.1');
    const sim = await fixture.start({
      sip: {
        listen: { host: '127.0.0.2', port: 0 },
        gateway: { host: '127.0.0.1', port: silent },
        dnPattern: ONLY_5001,
        inviteTimeoutMs: 300,
      },
    });
    const client = await fixture.clientFor(sim, '5001', '5002');
    await client.request('RequestMakeCall', { ThisDN: '5002', OtherDN: '5001' });
    const [, released] = await client.expectEvents('5002', ['EventDialing', 'EventReleased'], WAIT_MS);
    expect(released?.attributes.CallState).toBe(CallState.NoAnswer);
    await waitFor(() => sim.sipLegs()[0]?.state === 'failed', WAIT_MS, 'the leg to fail');
    expect(client.pendingEvents('5001')).toEqual([]);
  });
});

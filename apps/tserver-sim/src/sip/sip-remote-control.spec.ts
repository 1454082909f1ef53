import { waitFor } from '@gws/testing';
import { CallState } from '@gws/tlib';
import { SimulatorFixture } from '../testing/simulator-fixture';
import { expectScenarioPassed, sipOptionsFor } from './testing/sip-test-options';
import { SippUas } from './testing/sipp-uas';

const WAIT_MS = 5000;

describe('T-Server simulator, SIP side: a phone with remote control (SIPp as gateway + phone)', () => {
  const fixture = new SimulatorFixture();
  let sipp: SippUas | undefined;
  afterEach(async () => {
    sipp?.stop();
    await fixture.teardown();
  });

  it('rings on 180, answers by NOTIFY talk, holds and retrieves by NOTIFY, sends DTMF, hangs up by BYE', async () => {
    sipp = await SippUas.start({ scenario: 'uas-remote-control.xml' });
    const sim = await fixture.start({ sip: sipOptionsFor(sipp), controlPort: 0 });
    expect(sim.sipPort).toBeGreaterThan(0);
    const client = await fixture.clientFor(sim, '5001');
    const { connId } = sim.injectCall({ ani: '+15550001', destination: '5001' });
    await client.expectEvents('5001', ['EventRinging'], WAIT_MS);

    const answered = await client.request('RequestAnswerCall', { ThisDN: '5001', ConnID: connId }, WAIT_MS);
    expect(answered.name).toBe('EventEstablished');
    await client.expectEvents('5001', ['EventEstablished']);
    const echoed = (): boolean => {
      const rtp = sim.sipLegs()[0]?.rtp;
      return rtp !== undefined && rtp.packetsIn >= 25 && rtp.rms > 0.3;
    };
    await waitFor(echoed, WAIT_MS, 'half a second of the tone echoed back');
    const response = await fetch(`http://127.0.0.1:${sim.controlPort}/sip/legs`);
    const { legs } = (await response.json()) as { legs: unknown[] };
    expect(legs).toEqual([
      {
        connId,
        dn: '5001',
        callId: expect.stringMatching(/@tserver-sim$/) as unknown,
        state: 'established',
        rtp: {
          packetsIn: expect.any(Number) as unknown,
          packetsOut: expect.any(Number) as unknown,
          rms: expect.any(Number) as unknown,
        },
        dtmfSent: '',
      },
    ]);

    const held = await client.request('RequestHoldCall', { ThisDN: '5001', ConnID: connId }, WAIT_MS);
    expect(held.name).toBe('EventHeld');
    expect(sim.sipLegs()[0]?.state).toBe('held');
    const retrieved = await client.request('RequestRetrieveCall', { ThisDN: '5001', ConnID: connId }, WAIT_MS);
    expect(retrieved.name).toBe('EventRetrieved');
    await client.expectReply('RequestSendDTMF', { ThisDN: '5001', ConnID: connId, DTMFDigits: '12' }, 'EventDTMFSent');
    await client.expectEvents('5001', ['EventHeld', 'EventRetrieved', 'EventDTMFSent']);
    await waitFor(() => sim.sipLegs()[0]?.dtmfSent === '12', WAIT_MS, 'both INFOs sent');

    await client.expectReply('RequestReleaseCall', { ThisDN: '5001', ConnID: connId }, 'EventReleased');
    const [released] = await client.expectEvents('5001', ['EventReleased']);
    expect(released?.attributes.CallState).toBe(CallState.Ok);
    await expectScenarioPassed(sipp);
    const [leg] = sim.sipLegs();
    expect(leg).toMatchObject({ connId, dn: '5001', state: 'ended', dtmfSent: '12' });
    expect(leg?.rtp.packetsIn).toBeGreaterThanOrEqual(25);
    expect(leg?.rtp.packetsOut).toBeGreaterThanOrEqual(25);
  });
});

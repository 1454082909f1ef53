import { waitFor } from '@gws/testing';
import { TErrorCode } from '@gws/tlib';
import { SimulatorFixture } from '../testing/simulator-fixture';
import { expectScenarioPassed, sipOptionsFor } from './testing/sip-test-options';
import { SippUas } from './testing/sipp-uas';

const WAIT_MS = 5000;

describe('T-Server simulator, SIP side: a phone without remote control (SIPp as gateway + phone)', () => {
  const fixture = new SimulatorFixture();
  let sipp: SippUas | undefined;
  afterEach(async () => {
    sipp?.stop();
    await fixture.teardown();
  });

  it('refuses the desktop Answer, follows the phone: answered by hand, held by re-INVITE, its own hold, its BYE', async () => {
    sipp = await SippUas.start({ scenario: 'uas-no-remote-control.xml' });
    const sim = await fixture.start({ sip: sipOptionsFor(sipp, { ctiControl: [] }) });
    const client = await fixture.clientFor(sim, '5001');
    const { connId } = sim.injectCall({ ani: '+15550001', destination: '5001' });
    await client.expectEvents('5001', ['EventRinging'], WAIT_MS);
    await client.expectError('RequestAnswerCall', { ThisDN: '5001', ConnID: connId }, TErrorCode.UnsupportedOperation);

    const [established] = await client.expectEvents('5001', ['EventEstablished'], WAIT_MS);
    expect(established?.attributes.ReferenceID).toBeUndefined();
    const held = await client.request('RequestHoldCall', { ThisDN: '5001', ConnID: connId }, WAIT_MS);
    expect(held.name).toBe('EventHeld');
    const retrieved = await client.request('RequestRetrieveCall', { ThisDN: '5001', ConnID: connId }, WAIT_MS);
    expect(retrieved.name).toBe('EventRetrieved');
    await client.expectEvents('5001', ['EventHeld', 'EventRetrieved']);

    const [phoneHeld, released] = await client.expectEvents('5001', ['EventHeld', 'EventReleased'], WAIT_MS);
    expect(phoneHeld?.attributes.ReferenceID).toBeUndefined();
    expect(released?.attributes.ConnID).toBe(connId);
    await expectScenarioPassed(sipp);
    expect(sim.snapshot().calls).toEqual([]);
    expect(sim.sipLegs()).toMatchObject([{ connId, dn: '5001', state: 'ended' }]);
  });

  it('rings the phone of the DN that dials first, asking it to answer at once (3PCC), and hangs it up', async () => {
    sipp = await SippUas.start({ scenario: 'uas-auto-answer.xml' });
    const sim = await fixture.start({ sip: sipOptionsFor(sipp) });
    const client = await fixture.clientFor(sim, '5001');
    const dialing = await client.expectReply(
      'RequestMakeCall',
      { ThisDN: '5001', OtherDN: '+15551230000' },
      'EventDialing',
    );
    const connId = dialing.attributes.ConnID!;
    await client.expectEvents('5001', ['EventDialing', 'EventNetworkReached', 'EventEstablished'], WAIT_MS);
    await waitFor(() => sim.sipLegs()[0]?.state === 'established', WAIT_MS, 'the calling phone to answer');
    await client.expectReply('RequestReleaseCall', { ThisDN: '5001', ConnID: connId }, 'EventReleased');
    await expectScenarioPassed(sipp);
    expect(sim.sipLegs()).toMatchObject([{ connId, dn: '5001', state: 'ended' }]);
  });

  it('cancels the INVITE when the caller gives up while the phone rings', async () => {
    sipp = await SippUas.start({ scenario: 'uas-cancelled.xml' });
    const sim = await fixture.start({ sip: sipOptionsFor(sipp) });
    const client = await fixture.clientFor(sim, '5001');
    const { connId } = sim.injectCall({ ani: '+15550001', destination: '5001' });
    await client.expectEvents('5001', ['EventRinging'], WAIT_MS);
    sim.externalHangup(connId);
    await client.expectEvents('5001', ['EventAbandoned']);
    await expectScenarioPassed(sipp);
    await waitFor(() => sim.sipLegs()[0]?.state === 'ended', WAIT_MS, 'the leg to end on 487');
  });
});

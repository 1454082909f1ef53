import { AddressInfoType, AddressStatus, CallInfoType, CallState, CallType, KVList, TErrorCode } from '@gws/tlib';
import { SimulatorFixture } from './testing/simulator-fixture';

describe('T-Server simulator: call control', () => {
  const fixture = new SimulatorFixture();
  afterEach(() => fixture.teardown());

  it('makes an internal call: Dialing / Ringing, then Established on both sides, then Released on both', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001', '5002');
    const dialing = await client.expectReply(
      'RequestMakeCall',
      { ThisDN: '5001', OtherDN: '5002', UserData: KVList.from({ Case: '42' }) },
      'EventDialing',
    );
    const connId = dialing.attributes.ConnID!;
    expect(connId).toMatch(/^[0-9a-f]{16}$/);
    expect(dialing.attributes.CallUUID).toMatch(/^[0-9A-Z]{32}$/);
    expect(dialing.attributes).toMatchObject({ CallType: CallType.Internal, OtherDN: '5002' });
    const [ringing] = await client.expectEvents('5002', ['EventRinging']);
    expect(ringing?.attributes).toMatchObject({ ConnID: connId, OtherDN: '5001', CallType: CallType.Internal });
    expect(ringing?.attributes.UserData?.get('Case')).toBe('42');
    await client.expectReply('RequestAnswerCall', { ThisDN: '5002', ConnID: connId }, 'EventEstablished');
    await client.expectEvents('5001', ['EventDialing', 'EventEstablished']);
    await client.expectEvents('5002', ['EventEstablished']);
    await client.expectReply('RequestReleaseCall', { ThisDN: '5001', ConnID: connId }, 'EventReleased');
    await client.expectEvents('5001', ['EventReleased']);
    const [released] = await client.expectEvents('5002', ['EventReleased']);
    expect(released?.attributes.CallState).toBe(CallState.Ok);
    expect(sim.snapshot().calls).toEqual([]);
  });

  it('dials an external number: NetworkReached, then Established after the answer delay', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001');
    await client.request('RequestMakeCall', { ThisDN: '5001', OtherDN: '+15551230000' });
    const [dialing, , established] = await client.expectEvents('5001', [
      'EventDialing',
      'EventNetworkReached',
      'EventEstablished',
    ]);
    expect(dialing?.attributes.CallType).toBe(CallType.Outbound);
    expect(established?.attributes.OtherDN).toBe('+15551230000');
    sim.externalHangup(established!.attributes.ConnID!);
    await client.expectEvents('5001', ['EventReleased']);
  });

  it('gets DestinationBusy and Released(Busy) from a ...0486 number', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001');
    await client.request('RequestMakeCall', { ThisDN: '5001', OtherDN: '5550486' });
    const [, busy, released] = await client.expectEvents('5001', [
      'EventDialing',
      'EventDestinationBusy',
      'EventReleased',
    ]);
    expect(busy?.attributes.OtherDN).toBe('5550486');
    expect(released?.attributes.CallState).toBe(CallState.Busy);
  });

  it('lets a ...0487 number ring until the no-answer timeout (CallState NoAnswer), or until answered by control', async () => {
    const sim = await fixture.start({ noAnswerTimeoutMs: 100 });
    const client = await fixture.clientFor(sim, '5001');
    await client.request('RequestMakeCall', { ThisDN: '5001', OtherDN: '5550487' });
    const [, , released] = await client.expectEvents('5001', ['EventDialing', 'EventNetworkReached', 'EventReleased']);
    expect(released?.attributes.CallState).toBe(CallState.NoAnswer);

    const again = await client.request('RequestMakeCall', { ThisDN: '5001', OtherDN: '5550487' });
    await client.expectEvents('5001', ['EventDialing', 'EventNetworkReached']);
    sim.externalAnswer(again.attributes.ConnID!);
    await client.expectEvents('5001', ['EventEstablished']);
  });

  it('holds and retrieves (43 when already in that state)', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001');
    const { connId } = sim.injectCall({ ani: '+15550001', destination: '5001' });
    await client.request('RequestAnswerCall', { ThisDN: '5001', ConnID: connId });
    await client.expectReply('RequestHoldCall', { ThisDN: '5001', ConnID: connId }, 'EventHeld');
    await client.expectError('RequestHoldCall', { ThisDN: '5001', ConnID: connId }, TErrorCode.InSameState);
    await client.expectReply('RequestRetrieveCall', { ThisDN: '5001', ConnID: connId }, 'EventRetrieved');
    await client.expectError('RequestRetrieveCall', { ThisDN: '5001', ConnID: connId }, TErrorCode.InSameState);
    await client.expectEvents('5001', ['EventRinging', 'EventEstablished', 'EventHeld', 'EventRetrieved']);
  });

  it('answers unknown ConnIDs with 56 and a wrong call state with 53', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001', '5002');
    await client.expectError(
      'RequestAnswerCall',
      { ThisDN: '5001', ConnID: '00000000000000ff' },
      TErrorCode.InvalidConnId,
    );
    await client.expectError('RequestQueryCall', { ThisDN: '5001', ConnID: '00000000000000ff', CallInfoType: 0 }, 56);
    const { connId } = sim.injectCall({ ani: '+15550001', destination: '5001' });
    await client.expectError('RequestAnswerCall', { ThisDN: '5002', ConnID: connId }, TErrorCode.InvalidConnId);
    await client.expectError('RequestHoldCall', { ThisDN: '5001', ConnID: connId }, TErrorCode.InvalidAttribute);
    await client.expectError('RequestMakeCall', { ThisDN: '5001', OtherDN: '5001' }, TErrorCode.InvalidCalledDn);
  });

  it('redirects a ringing call to another DN', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001', '5002');
    const { connId } = sim.injectCall({ ani: '+15550001', destination: '5001' });
    await client.expectEvents('5001', ['EventRinging']);
    const released = await client.expectReply(
      'RequestRedirectCall',
      { ThisDN: '5001', ConnID: connId, OtherDN: '5002' },
      'EventReleased',
    );
    expect(released.attributes.CallState).toBe(CallState.Redirected);
    const [ringing] = await client.expectEvents('5002', ['EventRinging']);
    expect(ringing?.attributes).toMatchObject({ ConnID: connId, CallType: CallType.Inbound, OtherDN: '+15550001' });
  });

  it('clears a call for every party', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001', '5002');
    const dialing = await client.request('RequestMakeCall', { ThisDN: '5001', OtherDN: '5002' });
    const connId = dialing.attributes.ConnID!;
    await client.request('RequestAnswerCall', { ThisDN: '5002', ConnID: connId });
    await client.expectReply('RequestClearCall', { ThisDN: '5002', ConnID: connId }, 'EventReleased');
    await client.expectEvents('5001', ['EventDialing', 'EventEstablished', 'EventReleased']);
    await client.expectEvents('5002', ['EventRinging', 'EventEstablished', 'EventReleased']);
    expect(sim.snapshot().calls).toEqual([]);
  });

  it('sends DTMF (EventDTMFSent) and reports digits keyed by the external party', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001');
    const { connId } = sim.injectCall({ ani: '+15550001', destination: '5001' });
    await client.request('RequestAnswerCall', { ThisDN: '5001', ConnID: connId });
    const sent = await client.expectReply(
      'RequestSendDTMF',
      { ThisDN: '5001', ConnID: connId, DTMFDigits: '12#' },
      'EventDTMFSent',
    );
    expect(sent.attributes.DTMFDigits).toBe('12#');
    await client.expectError('RequestSendDTMF', { ThisDN: '5001', ConnID: connId, DTMFDigits: 'xyz' }, 53);
    sim.externalSendDtmf(connId, '9');
    const [, , , collected] = await client.expectEvents('5001', [
      'EventRinging',
      'EventEstablished',
      'EventDTMFSent',
      'EventDigitsCollected',
    ]);
    expect(collected?.attributes.CollectedDigits).toBe('9');
  });

  it('answers QueryAddress and QueryCall with the current state', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001');
    await client.request('RequestAgentLogin', { ThisDN: '5001', AgentID: '1001', AgentWorkMode: 2 });
    const { connId, callUuid } = sim.injectCall({ ani: '+15550001', destination: '5001', userData: { Order: 7 } });
    await client.request('RequestAnswerCall', { ThisDN: '5001', ConnID: connId });
    const status = await client.expectReply(
      'RequestQueryAddress',
      { ThisDN: '5001', AddressInfoType: AddressInfoType.DNStatus },
      'EventAddressInfo',
    );
    expect(status.attributes.AddressInfoStatus).toBe(AddressStatus.Talking);
    const calls = status.attributes.Extensions?.get('Calls') as KVList;
    expect((calls.get(connId) as KVList).get('State')).toBe('Established');
    const agent = await client.expectReply(
      'RequestQueryAddress',
      { ThisDN: '5001', AddressInfoType: AddressInfoType.AgentStatus },
      'EventAddressInfo',
    );
    expect(agent.attributes.AddressInfoStatus).toBe(2);
    expect(agent.attributes.Extensions?.get('AgentStatus')).toBe('Ready');
    const queue = await client.expectReply(
      'RequestQueryAddress',
      { ThisDN: '8001', AddressInfoType: AddressInfoType.NumberOfCallsInQueue },
      'EventAddressInfo',
    );
    expect(queue.attributes.AddressInfoStatus).toBe(0);
    await client.expectError('RequestQueryAddress', { ThisDN: '5001', AddressInfoType: 16 }, 51);
    const party = await client.expectReply(
      'RequestQueryCall',
      { ThisDN: '5001', ConnID: connId, CallInfoType: CallInfoType.PartiesQuery },
      'EventPartyInfo',
    );
    expect(party.attributes).toMatchObject({ ConnID: connId, CallUUID: callUuid, CallType: CallType.Inbound });
    expect(party.attributes.UserData?.get('Order')).toBe(7);
    const parties = party.attributes.Extensions!;
    expect(parties.keys()).toEqual(['party-1', 'party-2']);
    expect((parties.get('party-2') as KVList).toObject()).toMatchObject({ DN: '5001', State: 'Established' });
  });
});

import { CallState, CallType, DNRole } from '@gws/tlib';
import type { TServerSimulator } from './simulator';
import { SimulatorFixture } from './testing/simulator-fixture';
import type { TestClient } from './testing/test-client';

/** C (external) calls A (5001); A answers. Returns X. */
async function inboundTalking(sim: TServerSimulator, client: TestClient, a = '5001'): Promise<string> {
  const { connId } = sim.injectCall({ ani: '+15550001', destination: a, userData: { Case: '42' } });
  await client.expectEvents(a, ['EventRinging']);
  await client.expectReply('RequestAnswerCall', { ThisDN: a, ConnID: connId }, 'EventEstablished');
  await client.expectEvents(a, ['EventEstablished']);
  return connId;
}

/** A consults B on a new call Y (X held); B answers. Returns Y. */
async function consult(client: TestClient, x: string, kind: 'Transfer' | 'Conference', a = '5001', b = '5002') {
  const held = await client.expectReply(`RequestInitiate${kind}`, { ThisDN: a, ConnID: x, OtherDN: b }, 'EventHeld');
  expect(held.attributes.ConnID).toBe(x);
  const [, dialing] = await client.expectEvents(a, ['EventHeld', 'EventDialing']);
  const y = dialing!.attributes.ConnID!;
  expect(y).not.toBe(x);
  expect(dialing?.attributes).toMatchObject({ CallType: CallType.Consult, OtherDN: b });
  const [ringing] = await client.expectEvents(b, ['EventRinging']);
  expect(ringing?.attributes).toMatchObject({ ConnID: y, OtherDN: a, CallType: CallType.Consult });
  expect(ringing?.attributes.UserData?.get('Case')).toBe('42');
  await client.request('RequestAnswerCall', { ThisDN: b, ConnID: y });
  await client.expectEvents(b, ['EventEstablished']);
  await client.expectEvents(a, ['EventEstablished']);
  return y;
}

describe('T-Server simulator: transfer and conference', () => {
  const fixture = new SimulatorFixture();
  afterEach(() => fixture.teardown());

  it('consults then completes a transfer: the held ConnID survives, the consult ConnID is released', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001', '5002');
    const x = await inboundTalking(sim, client);
    const y = await consult(client, x, 'Transfer');
    const reply = await client.expectReply(
      'RequestCompleteTransfer',
      { ThisDN: '5001', ConnID: x, TransferConnID: y },
      'EventReleased',
    );
    expect(reply.attributes.ConnID).toBe(y);
    const [, releasedX] = await client.expectEvents('5001', ['EventReleased', 'EventReleased']);
    expect(releasedX?.attributes).toMatchObject({ ConnID: x, CallState: CallState.Transferred });
    const [changed] = await client.expectEvents('5002', ['EventPartyChanged']);
    expect(changed?.attributes).toMatchObject({
      ConnID: x,
      PreviousConnID: y,
      OtherDN: '+15550001',
      ThirdPartyDN: '5001',
    });
    expect(sim.snapshot().calls).toEqual([
      expect.objectContaining({
        connId: x,
        parties: [
          expect.objectContaining({ dn: '+15550001' }),
          expect.objectContaining({ dn: '5002', state: 'Established' }),
        ],
      }),
    ]);
    sim.externalHangup(x);
    await client.expectEvents('5002', ['EventReleased']);
  });

  it('accepts the two ConnIDs of a complete transfer in either order, and a blind transfer before the answer', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001', '5002');
    const x = await inboundTalking(sim, client);
    await client.request('RequestInitiateTransfer', { ThisDN: '5001', ConnID: x, OtherDN: '5002' });
    const [, dialing] = await client.expectEvents('5001', ['EventHeld', 'EventDialing']);
    const y = dialing!.attributes.ConnID!;
    await client.expectEvents('5002', ['EventRinging']);
    await client.expectReply(
      'RequestCompleteTransfer',
      { ThisDN: '5001', ConnID: y, TransferConnID: x },
      'EventReleased',
    );
    await client.expectEvents('5001', ['EventReleased', 'EventReleased']);
    await client.expectEvents('5002', ['EventPartyChanged']);
    await client.expectReply('RequestAnswerCall', { ThisDN: '5002', ConnID: x }, 'EventEstablished');
  });

  it('consults then reconnects: the consult call is released and the held call retrieved', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001', '5002');
    const x = await inboundTalking(sim, client);
    const y = await consult(client, x, 'Transfer');
    await client.expectReply('RequestReconnectCall', { ThisDN: '5001', ConnID: y, TransferConnID: x }, 'EventReleased');
    const [released, retrieved] = await client.expectEvents('5001', ['EventReleased', 'EventRetrieved']);
    expect(released?.attributes.ConnID).toBe(y);
    expect(retrieved?.attributes.ConnID).toBe(x);
    const [releasedB] = await client.expectEvents('5002', ['EventReleased']);
    expect(releasedB?.attributes.ConnID).toBe(y);
    expect(sim.snapshot().calls.map((call) => call.connId)).toEqual([x]);
  });

  it('alternates between the held and the active call', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001', '5002');
    const x = await inboundTalking(sim, client);
    const y = await consult(client, x, 'Transfer');
    await client.expectReply('RequestAlternateCall', { ThisDN: '5001', ConnID: y, TransferConnID: x }, 'EventHeld');
    const [held, retrieved] = await client.expectEvents('5001', ['EventHeld', 'EventRetrieved']);
    expect(held?.attributes.ConnID).toBe(y);
    expect(retrieved?.attributes.ConnID).toBe(x);
    await client.expectError('RequestCompleteTransfer', { ThisDN: '5001', ConnID: x, TransferConnID: x }, 53);
  });

  it('single-step transfers: the transferor is released (Transferred) and the target rings on the same ConnID', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001', '5002');
    const x = await inboundTalking(sim, client);
    const released = await client.expectReply(
      'RequestSingleStepTransfer',
      { ThisDN: '5001', ConnID: x, OtherDN: '5002' },
      'EventReleased',
    );
    expect(released.attributes.CallState).toBe(CallState.Transferred);
    const [ringing] = await client.expectEvents('5002', ['EventRinging']);
    expect(ringing?.attributes).toMatchObject({ ConnID: x, OtherDN: '+15550001' });
    await client.expectEvents('5001', ['EventReleased']);
  });

  it('single-step transfers to the ACD queue, which distributes to a Ready agent', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001', '5002', '8001');
    await client.request('RequestAgentLogin', { ThisDN: '5002', AgentID: '1002', AgentWorkMode: 2 });
    await client.expectEvents('5002', ['EventAgentLogin', 'EventAgentReady']);
    const x = await inboundTalking(sim, client);
    await client.request('RequestSingleStepTransfer', { ThisDN: '5001', ConnID: x, OtherDN: '8001' });
    await client.expectEvents('8001', ['EventQueued', 'EventDiverted']);
    const [ringing] = await client.expectEvents('5002', ['EventRinging']);
    expect(ringing?.attributes).toMatchObject({ ConnID: x, ThisQueue: '8001' });
  });

  it('mute-transfers in one step: the target rings on the held ConnID', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001', '5002');
    const x = await inboundTalking(sim, client);
    await client.expectReply('RequestMuteTransfer', { ThisDN: '5001', ConnID: x, OtherDN: '5002' }, 'EventReleased');
    const [, dialing, releasedY, releasedX] = await client.expectEvents('5001', [
      'EventHeld',
      'EventDialing',
      'EventReleased',
      'EventReleased',
    ]);
    expect(releasedY?.attributes.ConnID).toBe(dialing?.attributes.ConnID);
    expect(releasedX?.attributes).toMatchObject({ ConnID: x, CallState: CallState.Transferred });
    await client.expectEvents('5002', ['EventRinging', 'EventPartyChanged']);
    await client.expectReply('RequestAnswerCall', { ThisDN: '5002', ConnID: x }, 'EventEstablished');
  });

  it('conferences three parties, then deletes one', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001', '5002');
    const x = await inboundTalking(sim, client);
    const y = await consult(client, x, 'Conference');
    await client.expectReply(
      'RequestCompleteConference',
      { ThisDN: '5001', ConnID: x, ConferenceConnID: y },
      'EventReleased',
    );
    const [releasedY, retrieved, added] = await client.expectEvents('5001', [
      'EventReleased',
      'EventRetrieved',
      'EventPartyAdded',
    ]);
    expect(releasedY?.attributes.ConnID).toBe(y);
    expect(retrieved?.attributes.ConnID).toBe(x);
    expect(added?.attributes).toMatchObject({ ConnID: x, ThirdPartyDN: '5002' });
    const [changed] = await client.expectEvents('5002', ['EventPartyChanged']);
    expect(changed?.attributes).toMatchObject({ ConnID: x, PreviousConnID: y, ThirdPartyDN: '5001' });
    const call = sim.snapshot().calls[0]!;
    expect(call.parties.map((p) => [p.dn, p.state])).toEqual([
      ['+15550001', 'Established'],
      ['5001', 'Established'],
      ['5002', 'Established'],
    ]);
    expect(call.parties[2]?.role).toBe(DNRole.ConferenceMember);

    await client.expectReply(
      'RequestDeleteFromConference',
      { ThisDN: '5001', ConnID: x, OtherDN: '5002' },
      'EventPartyDeleted',
    );
    const [deleted] = await client.expectEvents('5001', ['EventPartyDeleted']);
    expect(deleted?.attributes.ThirdPartyDN).toBe('5002');
    const [releasedB] = await client.expectEvents('5002', ['EventReleased']);
    expect(releasedB?.attributes.ConnID).toBe(x);
    expect(sim.snapshot().calls[0]?.parties.map((p) => p.dn)).toEqual(['+15550001', '5001']);
    await client.expectError('RequestDeleteFromConference', { ThisDN: '5001', ConnID: x, OtherDN: '+15550001' }, 53);
  });

  it('a conference member leaving tells the others with EventPartyDeleted', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001', '5002');
    const x = await inboundTalking(sim, client);
    const y = await consult(client, x, 'Conference');
    await client.request('RequestCompleteConference', { ThisDN: '5001', ConnID: x, ConferenceConnID: y });
    await client.expectEvents('5001', ['EventReleased', 'EventRetrieved', 'EventPartyAdded']);
    await client.expectEvents('5002', ['EventPartyChanged']);
    await client.request('RequestReleaseCall', { ThisDN: '5002', ConnID: x });
    await client.expectEvents('5002', ['EventReleased']);
    const [deleted] = await client.expectEvents('5001', ['EventPartyDeleted']);
    expect(deleted?.attributes.ThirdPartyDN).toBe('5002');
  });

  it('single-step conferences a DN in: the others get PartyAdded, the new party rings and answers', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001', '5002');
    const x = await inboundTalking(sim, client);
    const added = await client.expectReply(
      'RequestSingleStepConference',
      { ThisDN: '5001', ConnID: x, OtherDN: '5002' },
      'EventPartyAdded',
    );
    expect(added.attributes.ThirdPartyDN).toBe('5002');
    const [ringing] = await client.expectEvents('5002', ['EventRinging']);
    expect(ringing?.attributes).toMatchObject({ ConnID: x, ThirdPartyDN: '5001' });
    await client.expectReply('RequestAnswerCall', { ThisDN: '5002', ConnID: x }, 'EventEstablished');
    expect(sim.snapshot().calls[0]?.parties).toHaveLength(3);
  });
});

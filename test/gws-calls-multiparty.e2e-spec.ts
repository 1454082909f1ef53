import type { GwsCall } from '../apps/gws/src/notifications';
import { useCallPlatform, type CallAgent, type CallMessage } from './support/gws-call-agent';
import type { GwsTestPlatform } from './support/gws-test-platform';

const CUSTOMER = '+15557654321';

describe('GWS calls: consultations, conferences and call data', () => {
  const fixture = useCallPlatform();
  const seat = (userName: string, ready = true): Promise<CallAgent> => fixture.seat(userName, ready);
  let platform: GwsTestPlatform;
  beforeAll(() => {
    platform = fixture.platform;
  });

  /** A customer's call rung straight at `agent`'s DN and answered: the agent's established call. */
  async function customerCall(agent: CallAgent): Promise<GwsCall> {
    platform.simulators.tserver.injectCall({ ani: CUSTOMER, destination: agent.dn, userData: { Case: '7' } });
    const ringing = await agent.nextState('Ringing');
    await agent.act(ringing.call.id, { operationName: 'Answer' });
    return (await agent.nextState('Established', ringing.call.id)).call;
  }

  /** Position of the first notification of `callId` in `state` in the agent's log. */
  function positionOf(log: CallMessage[], callId: string, state: string): number {
    return log.findIndex((message) => message.call.id === callId && message.call.state === state);
  }

  it('consults and completes a transfer, in the GWS message order, keeping the target call id', async () => {
    const a = await seat('agent5');
    const b = await seat('agent6');
    const original = await customerCall(a);
    await a.act(original.id, { operationName: 'InitiateTransfer', destination: { phoneNumber: b.dn } });
    const held = await a.nextState('Held', original.id);
    expect(held.call.capabilities).toEqual(expect.arrayContaining(['Retrieve', 'CompleteTransfer']));
    const consult = await a.nextState('Dialing');
    expect(consult.call).toMatchObject({
      callType: 'Consult',
      parentCallUri: `http://127.0.0.1:${platform.port}/api/v2/me/calls/${original.id}`,
      parentCallPath: `/calls/${original.id}`,
      userData: { Case: '7' },
    });
    expect(positionOf(a.callLog(), original.id, 'Held')).toBeLessThan(
      positionOf(a.callLog(), consult.call.id, 'Dialing'),
    );

    const ringing = await b.nextState('Ringing');
    expect(ringing.call.id).toBe(consult.call.id);
    await b.act(ringing.call.id, { operationName: 'Answer' });
    const talking = await a.nextState('Established', consult.call.id);
    expect(talking.call.capabilities).toEqual(
      expect.arrayContaining(['SwapCalls', 'CompleteTransfer', 'CompleteConference']),
    );

    expect((await a.act(original.id, { operationName: 'CompleteTransfer' })).body).toEqual({ statusCode: 0 });
    await a.nextState('Released', consult.call.id);
    const log = a.callLog();
    expect(positionOf(log, original.id, 'Released')).toBeGreaterThanOrEqual(0);
    expect(positionOf(log, original.id, 'Released')).toBeLessThan(positionOf(log, consult.call.id, 'Released'));

    const merged = await b.next((m) => m.notificationType === 'ParticipantsUpdated');
    expect(merged.call).toMatchObject({ id: ringing.call.id, connId: original.connId, state: 'Established' });
    expect(merged.call.participants.map((p) => p.phoneNumber)).toEqual([CUSTOMER]);
    expect(await a.calls()).toEqual([]);
    expect(await b.calls()).toEqual([expect.objectContaining({ id: ringing.call.id, connId: original.connId })]);
    await b.act(ringing.call.id, { operationName: 'Hangup' });
    await b.nextState('Released', ringing.call.id);
  });

  it('cancels a consultation by hanging it up: back to the customer', async () => {
    const a = await seat('agent7');
    const b = await seat('agent8');
    const original = await customerCall(a);
    await a.act(original.id, { operationName: 'InitiateTransfer', destination: { phoneNumber: b.dn } });
    const consult = await a.nextState('Dialing');
    await b.nextState('Ringing', consult.call.id);
    await a.act(consult.call.id, { operationName: 'Hangup' });
    await a.nextState('Released', consult.call.id);
    const back = await a.nextState('Established', original.id);
    expect(back.call.capabilities).toContain('InitiateTransfer');
    await b.nextState('Released', consult.call.id);
    await a.act(original.id, { operationName: 'Hangup' });
    await a.nextState('Released', original.id);
  });

  it('transfers blind (single step) and redirects a ringing call', async () => {
    const a = await seat('agent9');
    const b = await seat('agent10', false);
    const original = await customerCall(a);
    await a.act(original.id, { operationName: 'SingleStepTransfer', destination: { phoneNumber: b.dn } });
    await a.nextState('Released', original.id);
    const atB = await b.nextState('Ringing');
    expect(atB.call.id).toBe(original.id);

    const c = await seat('agent12', false);
    await b.act(atB.call.id, { operationName: 'Redirect', destination: { phoneNumber: c.dn } });
    await b.nextState('Released', atB.call.id);
    const atC = await c.nextState('Ringing');
    await c.act(atC.call.id, { operationName: 'Hangup' });
    await c.nextState('Released', atC.call.id);
  });

  it('conferences three parties, then removes one; and adds one in a single step', async () => {
    const a = await seat('agent13');
    const b = await seat('agent14');
    const c = await seat('agent15');
    const original = await customerCall(a);
    await a.act(original.id, { operationName: 'InitiateConference', destination: { phoneNumber: b.dn } });
    const held = await a.nextState('Held', original.id);
    expect(held.call.capabilities).toContain('CompleteConference');
    const consult = await a.nextState('Dialing');
    const atB = await b.nextState('Ringing', consult.call.id);
    await b.act(atB.call.id, { operationName: 'Answer' });
    await a.nextState('Established', consult.call.id);
    await a.act(original.id, { operationName: 'CompleteConference' });
    await a.nextState('Released', consult.call.id);
    const conference = await a.next(
      (m) => m.call.id === original.id && m.call.participants.length === 2 && m.call.state === 'Established',
    );
    expect(conference.call.participants.map((p) => p.phoneNumber)).toEqual([CUSTOMER, b.dn]);
    expect(conference.call.capabilities).toContain('RemoveParticipantFromConference');
    const bView = await b.next((m) => m.notificationType === 'ParticipantsUpdated');
    expect(bView.call.connId).toBe(original.connId);
    // Joined by a conference, B talks with both the customer and A (a transfer would have left A out).
    expect(bView.call.participants.map((p) => p.phoneNumber).sort()).toEqual([CUSTOMER, a.dn].sort());

    await a.act(original.id, { operationName: 'SingleStepConference', destination: { phoneNumber: c.dn } });
    const withC = await a.next((m) => m.notificationType === 'ParticipantsUpdated' && m.call.participants.length === 3);
    expect(withC.call.participants.map((p) => p.phoneNumber)).toEqual([CUSTOMER, b.dn, c.dn]);
    await c.nextState('Ringing', original.id);

    await a.act(original.id, { operationName: 'RemoveParticipantFromConference', participant: b.dn });
    const without = await a.next(
      (m) => m.notificationType === 'ParticipantsUpdated' && !m.call.participants.some((p) => p.phoneNumber === b.dn),
    );
    expect(without.call.participants.map((p) => p.phoneNumber)).toEqual([CUSTOMER, c.dn]);
    await b.nextState('Released', bView.call.id);
    await a.act(original.id, { operationName: 'Hangup' });
    await a.nextState('Released', original.id);
  });

  it('swaps between a consultation and the held call with two StatusChange messages', async () => {
    const a = await seat('agent16');
    const b = await seat('agent17');
    const original = await customerCall(a);
    await a.act(original.id, { operationName: 'InitiateTransfer', destination: { phoneNumber: b.dn } });
    const consult = await a.nextState('Dialing');
    await b.act((await b.nextState('Ringing', consult.call.id)).call.id, { operationName: 'Answer' });
    await a.nextState('Established', consult.call.id);
    await a.act(consult.call.id, { operationName: 'SwapCalls' });
    await a.nextState('Held', consult.call.id);
    await a.nextState('Established', original.id);
    const lastTwo = a.callLog().slice(-2);
    expect(lastTwo.map((m) => [m.notificationType, m.call.id, m.call.state])).toEqual([
      ['StatusChange', consult.call.id, 'Held'],
      ['StatusChange', original.id, 'Established'],
    ]);
    await a.act(original.id, { operationName: 'Hangup' });
    await a.nextState('Released', original.id);
    await a.act(consult.call.id, { operationName: 'Hangup' });
    await a.nextState('Released', consult.call.id);
  });

  it('sends DTMF and attaches, updates and deletes call data, dropping userData when empty', async () => {
    const a = await seat('agent18');
    const call = await customerCall(a);
    await a.act(call.id, { operationName: 'SendDtmf', digits: '12#' });
    expect((await a.next((m) => m.notificationType === 'DtmfSent')).call.state).toBe('Established');

    const changed = (): Promise<CallMessage> => a.next((m) => m.notificationType === 'AttachedDataChanged');
    await a.act(call.id, { operationName: 'AttachUserData', userData: { Segment: 'Gold', Score: 7 } });
    expect((await changed()).call.userData).toEqual({ Case: '7', Segment: 'Gold', Score: 7 });
    await a.act(call.id, { operationName: 'UpdateUserData', userData: { Segment: 'Platinum' } });
    expect((await changed()).call.userData).toEqual({ Case: '7', Segment: 'Platinum', Score: 7 });
    await a.act(call.id, { operationName: 'DeleteUserDataPair', key: 'Score' });
    expect((await changed()).call.userData).toEqual({ Case: '7', Segment: 'Platinum' });
    await a.act(call.id, { operationName: 'DeleteUserData' });
    expect((await changed()).call).not.toHaveProperty('userData');
    expect((await a.rest.get(`/api/v2/me/calls/${call.id}`)).body['call']).not.toHaveProperty('userData');
    await a.act(call.id, { operationName: 'Hangup' });
    await a.nextState('Released', call.id);
  });

  it('puts an agent with a wrap-up time into AfterCallWork after an inbound call', async () => {
    const agent = await seat('agent11');
    const call = await customerCall(agent);
    await agent.act(call.id, { operationName: 'Hangup' });
    await agent.nextState('Released', call.id);
    const acw = await agent.browser.nextMessage(
      '/v2/me/devices',
      (m) =>
        (m.data as { devices: { userState: { workMode?: string } }[] }).devices[0]?.userState.workMode ===
        'AfterCallWork',
    );
    expect((acw.data as { devices: { userState: { state: string } }[] }).devices[0]!.userState.state).toBe('NotReady');
  });

  it('refuses unknown, foreign and not-allowed operations without touching the call', async () => {
    const a = await seat('agent19');
    const b = await seat('agent20');
    const call = await customerCall(a);
    expect((await a.act('NOSUCHCALL', { operationName: 'Hangup' })).body).toEqual({
      statusCode: 6,
      statusMessage: 'Call NOSUCHCALL not found',
    });
    const foreign = await b.act(call.id, { operationName: 'Hangup' });
    expect(foreign).toMatchObject({ status: 404, body: { statusCode: 6 } });
    expect((await b.rest.get(`/api/v2/me/calls/${call.id}`)).body['statusCode']).toBe(6);
    const answer = await a.act(call.id, { operationName: 'Answer' });
    expect(answer.status).toBe(409);
    expect(answer.body['statusCode']).toBe(2);
    expect(answer.body['statusMessage']).toMatch(
      /Answer is not allowed on call .* \(Established\); allowed: Hold, Hangup/,
    );
    const malformed = await a.act(call.id, {
      operationName: 'SingleStepTransfer',
      destination: { phoneNumber: 'abc' },
    });
    expect(malformed.body).toMatchObject({ statusCode: 10 });
    const missing = await a.act(call.id, { operationName: 'InitiateTransfer' });
    expect(missing.body).toMatchObject({
      statusCode: 1,
      statusMessage: "Missing required parameter 'destination' for InitiateTransfer",
    });
    expect((await a.dial('')).body['statusCode']).toBe(10);

    expect(
      (await a.act(call.id, { operationName: 'SingleStepTransfer', destination: { phoneNumber: a.dn } })).body,
    ).toEqual({
      statusCode: 0,
    });
    const error = await a.nextError();
    expect(error).toMatchObject({
      messageType: 'ErrorMessage',
      errorCode: 71,
      operationName: 'SingleStepTransfer',
      resourceUri: `http://127.0.0.1:${platform.port}/api/v2/me/calls/${call.id}`,
    });
    expect(await a.calls()).toEqual([expect.objectContaining({ id: call.id, state: 'Established' })]);
    await a.act(call.id, { operationName: 'Hangup' });
    await a.nextState('Released', call.id);
  });
});

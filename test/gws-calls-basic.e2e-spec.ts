import { useCallPlatform, type CallAgent } from './support/gws-call-agent';
import type { GwsTestPlatform } from './support/gws-test-platform';

describe('GWS calls: inbound, outbound, internal', () => {
  const fixture = useCallPlatform();
  const seat = (userName: string, ready = true): Promise<CallAgent> => fixture.seat(userName, ready);
  let platform: GwsTestPlatform;
  beforeAll(() => {
    platform = fixture.platform;
  });

  it('routes an inbound call through the routing point to a Ready agent, who answers and hangs up', async () => {
    const agent = await seat('agent1');
    const { callUuid, connId } = platform.simulators.tserver.injectCall({
      ani: '+15551234567',
      dnis: '8005551000',
      destination: '7001',
      userData: { Customer: 'ACME', Score: 42 },
    });
    const ringing = await agent.nextState('Ringing');
    expect(ringing).toMatchObject({
      notificationType: 'StatusChange',
      phoneNumber: agent.dn,
      call: {
        id: callUuid,
        callUuid,
        connId,
        state: 'Ringing',
        callType: 'Inbound',
        ani: '+15551234567',
        dnis: '8005551000',
        userData: { Customer: 'ACME', Score: 42 },
        participants: [
          {
            phoneNumber: '+15551234567',
            digits: '15551234567',
            formattedPhoneNumber: '+15551234567',
            e164Number: '+15551234567',
          },
        ],
        uri: `http://127.0.0.1:${platform.port}/api/v2/me/calls/${callUuid}`,
        path: `/calls/${callUuid}`,
        mute: 'Off',
      },
    });
    expect(ringing.call.capabilities).toEqual(
      expect.arrayContaining(['Answer', 'Hangup', 'Redirect', 'AttachUserData']),
    );
    expect(ringing.call.duration).toMatch(/^\d+$/);
    expect(await agent.calls()).toEqual([expect.objectContaining({ id: callUuid, state: 'Ringing' })]);

    expect((await agent.act(callUuid, { operationName: 'Answer' })).body).toEqual({ statusCode: 0 });
    const established = await agent.nextState('Established', callUuid);
    expect(established.call.capabilities).toEqual(
      expect.arrayContaining([
        'Hold',
        'Hangup',
        'SendDtmf',
        'InitiateTransfer',
        'InitiateConference',
        'SingleStepTransfer',
      ]),
    );
    expect((await agent.rest.get(`/api/v2/me/calls/${callUuid}`)).body).toMatchObject({
      statusCode: 0,
      call: { id: callUuid, state: 'Established' },
    });

    await agent.act(callUuid, { operationName: 'Hangup' });
    const released = await agent.nextState('Released', callUuid);
    expect(released.call.capabilities).toEqual([]);
    expect(await agent.calls()).toEqual([]);
  });

  it('dials out to an external number that answers, is busy, or does not answer', async () => {
    const agent = await seat('agent2');
    expect((await agent.dial('+15550001', { userData: { Campaign: 'Spring' } })).body).toEqual({ statusCode: 0 });
    const dialing = await agent.nextState('Dialing');
    expect(dialing.call).toMatchObject({ callType: 'Outbound', userData: { Campaign: 'Spring' } });
    expect(dialing.call.capabilities).toEqual([
      'Hangup',
      'SendDtmf',
      'AttachUserData',
      'UpdateUserData',
      'DeleteUserData',
      'DeleteUserDataPair',
    ]);
    await agent.nextState('Established', dialing.call.id);
    await agent.act(dialing.call.id, { operationName: 'Hangup' });
    await agent.nextState('Released', dialing.call.id);

    await agent.dial('+15550486');
    const busy = await agent.nextState('Dialing');
    await agent.nextState('Released', busy.call.id);

    await agent.dial('+15550487');
    const unanswered = await agent.nextState('Dialing');
    await agent.act(unanswered.call.id, { operationName: 'Hangup' });
    await agent.nextState('Released', unanswered.call.id);
    expect(await agent.calls()).toEqual([]);
  });

  it('gives both agents of an internal call a consistent view', async () => {
    const a = await seat('agent3');
    const b = await seat('agent4');
    await a.dial(b.dn);
    const dialing = await a.nextState('Dialing');
    const ringing = await b.nextState('Ringing');
    expect(ringing.call.id).toBe(dialing.call.id);
    expect(dialing.call).toMatchObject({
      callType: 'Internal',
      participants: [expect.objectContaining({ phoneNumber: b.dn })],
    });
    expect(ringing.call).toMatchObject({
      callType: 'Internal',
      participants: [expect.objectContaining({ phoneNumber: a.dn })],
    });
    await b.act(ringing.call.id, { operationName: 'Answer' });
    await Promise.all([a.nextState('Established', dialing.call.id), b.nextState('Established', ringing.call.id)]);
    await b.act(ringing.call.id, { operationName: 'Hangup' });
    await Promise.all([a.nextState('Released', dialing.call.id), b.nextState('Released', ringing.call.id)]);
  });

  it('holds and retrieves a call, the capabilities following each state', async () => {
    const agent = await seat('agent5');
    platform.simulators.tserver.injectCall({ ani: '+15550303', destination: agent.dn });
    const ringing = await agent.nextState('Ringing');
    await agent.act(ringing.call.id, { operationName: 'Answer' });
    await agent.nextState('Established', ringing.call.id);
    await agent.act(ringing.call.id, { operationName: 'Hold' });
    const held = await agent.nextState('Held', ringing.call.id);
    expect(held.call.capabilities).toEqual([
      'Retrieve',
      'Hangup',
      'SingleStepTransfer',
      'InitiateTransfer',
      'SingleStepConference',
      'InitiateConference',
      'AttachUserData',
      'UpdateUserData',
      'DeleteUserData',
      'DeleteUserDataPair',
    ]);
    expect(await agent.calls()).toEqual([expect.objectContaining({ id: ringing.call.id, state: 'Held' })]);
    await agent.act(ringing.call.id, { operationName: 'Retrieve' });
    const back = await agent.nextState('Established', ringing.call.id);
    expect(back.call.capabilities).toContain('Hold');
    expect(back.call.capabilities).not.toContain('Retrieve');
    expect(await agent.calls()).toEqual([expect.objectContaining({ id: ringing.call.id, state: 'Established' })]);
    await agent.act(ringing.call.id, { operationName: 'Hangup' });
    await agent.nextState('Released', ringing.call.id);
    expect(await agent.calls()).toEqual([]);
  });
});

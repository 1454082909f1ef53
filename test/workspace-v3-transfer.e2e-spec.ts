import { V3Agent } from './support/workspace-v3/v3-agent';
import { V3Platform } from './support/workspace-v3/v3-platform';

describe('Workspace API v3 with Genesys’ library: two clients', () => {
  let platform: V3Platform;
  beforeAll(async () => {
    platform = await V3Platform.start();
  });
  afterAll(() => platform.close());

  it('transfers an inbound call with a consultation from one library client to another', async () => {
    const first = await V3Agent.initialize(platform, 'agent4');
    const second = await V3Agent.initialize(platform, 'agent5');
    await first.activateAndReady();
    await second.activateAndReady();
    const { callUuid } = await platform.injectCall({
      ani: '+15550044',
      destination: '5004',
      userData: { Case: 'A-1' },
    });
    await first.nextCall('Ringing', callUuid);
    await first.api.voice.answerCall(callUuid);
    await first.nextCall('Established', callUuid);

    await first.api.voice.initiateTransfer(callUuid, '5005');
    const held = await first.nextCall('Held', callUuid);
    expect(held.capabilities).toContain('complete-transfer');
    const consult = await first.nextCall('Dialing');
    expect(consult).toMatchObject({ callType: 'Consult', phoneNumber: '5004', parentConnId: held.connId });

    const offered = await second.nextCall('Ringing');
    expect(offered.callType).toBe('Consult');
    await second.api.voice.answerCall(offered.id);
    await second.nextCall('Established', offered.id);
    const answered = await first.nextCall('Established', consult.id);
    expect(answered.capabilities).toEqual(
      expect.arrayContaining(['alternate', 'reconnect', 'merge', 'complete-transfer', 'complete-conference']),
    );

    // As the transfer tutorial does: complete on the consultation, naming the original as its parent.
    await first.api.voice.completeTransfer(consult.id, callUuid);
    await first.nextCall('Released', callUuid);
    await first.nextCall('Released', consult.id);
    expect(first.api.voice.calls.size).toBe(0);

    const transferred = await second.calls.next(
      ({ call }) => call.id === offered.id && call.participants.some((party) => party.number === '+15550044'),
      'the transferred call joined to the customer',
    );
    expect(transferred.call).toMatchObject({
      state: 'Established',
      userData: [{ key: 'Case', type: 'str', value: 'A-1' }],
    });
    await second.api.voice.releaseCall(offered.id);
    await second.nextCall('Released', offered.id);
    await Promise.all([first.destroy(), second.destroy()]);
  });

  it('alternates between a call and its consultation, then reconnects to the original', async () => {
    const first = await V3Agent.initialize(platform, 'agent6');
    const second = await V3Agent.initialize(platform, 'agent7');
    await first.activateAndReady();
    await second.activateAndReady();
    const { callUuid } = await platform.injectCall({ ani: '+15550066', destination: '5006' });
    await first.nextCall('Ringing', callUuid);
    await first.api.voice.answerCall(callUuid);
    await first.nextCall('Established', callUuid);
    await first.api.voice.initiateConference(callUuid, '5007');
    await first.nextCall('Held', callUuid);
    const consult = await first.nextCall('Dialing');
    const offered = await second.nextCall('Ringing');
    await second.api.voice.answerCall(offered.id);
    await first.nextCall('Established', consult.id);

    await first.api.voice.alternateCalls(consult.id, callUuid);
    await first.nextCall('Held', consult.id);
    await first.nextCall('Established', callUuid);
    await first.api.voice.alternateCalls(callUuid, consult.id);
    await first.nextCall('Held', callUuid);
    await first.nextCall('Established', consult.id);

    await first.api.voice.reconnectCall(consult.id, callUuid);
    await first.nextCall('Released', consult.id);
    await first.nextCall('Established', callUuid);
    await second.nextCall('Released', offered.id);
    await first.api.voice.releaseCall(callUuid);
    await first.nextCall('Released', callUuid);
    await Promise.all([first.destroy(), second.destroy()]);
  });
});

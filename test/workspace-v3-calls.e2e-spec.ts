import { V3Agent } from './support/workspace-v3/v3-agent';
import { V3Platform } from './support/workspace-v3/v3-platform';

describe('Workspace API v3 with Genesys’ library: call control, user data, agent states', () => {
  let platform: V3Platform;
  beforeAll(async () => {
    platform = await V3Platform.start();
  });
  afterAll(() => platform.close());

  it('answers, holds, retrieves and releases an inbound call, with kebab-case capabilities at each step', async () => {
    const agent = await V3Agent.initialize(platform, 'agent1');
    await agent.activateAndReady();
    const { connId, callUuid } = await platform.injectCall({
      ani: '+15551234567',
      dnis: '8005551000',
      destination: '5001',
      userData: { Customer: 'ACME', Score: 42 },
    });

    const ringing = await agent.nextCall('Ringing');
    expect(ringing).toMatchObject({
      type: 'Call',
      id: callUuid,
      connId,
      callUuid,
      phoneNumber: '5001',
      callType: 'Inbound',
      ani: '+15551234567',
      dnis: '8005551000',
      participants: [{ number: '+15551234567' }],
      userData: [
        { key: 'Customer', type: 'str', value: 'ACME' },
        { key: 'Score', type: 'int', value: 42 },
      ],
    });
    expect(ringing.capabilities).toEqual([
      'answer',
      'release',
      'redirect',
      'attach-user-data',
      'update-user-data',
      'delete-user-data-pair',
    ]);
    expect(agent.api.voice.calls.get(callUuid)?.state).toBe('Ringing');

    await agent.api.voice.answerCall(ringing.id);
    const established = await agent.nextCall('Established', callUuid);
    expect(established.capabilities).toEqual([
      'hold',
      'release',
      'send-dtmf',
      'initiate-transfer',
      'initiate-conference',
      'single-step-transfer',
      'single-step-conference',
      'attach-user-data',
      'update-user-data',
      'delete-user-data-pair',
    ]);

    await agent.api.voice.holdCall(callUuid);
    const held = await agent.nextCall('Held', callUuid);
    expect(held.capabilities).toEqual([
      'retrieve',
      'release',
      'initiate-transfer',
      'initiate-conference',
      'single-step-transfer',
      'single-step-conference',
      'attach-user-data',
      'update-user-data',
      'delete-user-data-pair',
    ]);

    // The path takes the ConnID as well (Genesys' server uses it as the call id).
    await agent.api.voice.retrieveCall(connId);
    expect((await agent.nextCall('Established', callUuid)).capabilities).toContain('hold');

    await agent.api.voice.releaseCall(callUuid);
    const released = await agent.nextCall('Released', callUuid);
    expect(released.capabilities).toEqual([]);
    expect(agent.api.voice.calls.size).toBe(0);
    await agent.destroy();
  });

  it('attaches and updates user data, which the library sees as KV lists', async () => {
    const agent = await V3Agent.initialize(platform, 'agent2');
    await agent.activateAndReady();
    const { callUuid } = await platform.injectCall({ ani: '+15550002', destination: '5002', userData: { Order: 7 } });
    await agent.nextCall('Ringing', callUuid);
    await agent.api.voice.answerCall(callUuid);
    await agent.nextCall('Established', callUuid);

    await agent.api.voice.attachUserData(callUuid, [
      { key: 'Segment', type: 'str', value: 'Gold' },
      { key: 'Visits', type: 'int', value: 3 },
    ]);
    const attached = await agent.nextNotification('AttachedDataChanged', callUuid);
    expect(attached.userData).toEqual([
      { key: 'Order', type: 'int', value: 7 },
      { key: 'Segment', type: 'str', value: 'Gold' },
      { key: 'Visits', type: 'int', value: 3 },
    ]);

    await agent.api.voice.updateUserData(callUuid, [{ key: 'Segment', type: 'str', value: 'Platinum' }]);
    const updated = await agent.nextNotification('AttachedDataChanged', callUuid);
    expect(updated.userData).toEqual(expect.arrayContaining([{ key: 'Segment', type: 'str', value: 'Platinum' }]));

    await agent.api.voice.deleteUserDataPair(callUuid, 'Visits');
    const deleted = await agent.nextNotification('AttachedDataChanged', callUuid);
    expect(deleted.userData.map((pair) => pair.key)).toEqual(['Order', 'Segment']);
    expect(agent.api.voice.calls.get(callUuid)?.userData).toEqual(deleted.userData);

    await agent.api.voice.releaseCall(callUuid);
    await agent.nextCall('Released', callUuid);
    await agent.destroy();
  });

  it('goes NotReady with a reason (both body shapes), then AfterCallWork', async () => {
    const agent = await V3Agent.initialize(platform, 'agent3');
    await agent.activateAndReady();

    // The library puts reasonCode beside `data`: {"data":{},"reasonCode":"Lunch"}.
    await agent.api.voice.notReady(undefined, 'Lunch');
    const lunch = await agent.nextDn((dn) => dn.agentState === 'NotReady', 'NotReady with Lunch');
    expect(lunch).toMatchObject({
      agentWorkMode: 'Unknown',
      available: false,
      reasons: [{ key: 'ReasonCode', type: 'str', value: '101' }],
    });
    expect(lunch.capabilities).toEqual(['ready', 'not-ready', 'dnd-on', 'set-forward']);

    await agent.api.voice.notReady('AuxWork', '100');
    const aux = await agent.nextDn((dn) => dn.agentWorkMode === 'AuxWork', 'AuxWork');
    expect(aux.reasons).toEqual([{ key: 'ReasonCode', type: 'str', value: '100' }]);

    await agent.api.voice.notReady('AfterCallWork');
    const acw = await agent.nextDn((dn) => dn.agentWorkMode === 'AfterCallWork', 'AfterCallWork');
    expect(acw).toMatchObject({ agentState: 'NotReady', reasons: [] });

    await agent.api.voice.ready();
    await agent.nextDn((dn) => dn.agentState === 'Ready', 'Ready again');
    await agent.destroy();
  });
});

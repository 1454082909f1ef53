import { KVList } from '@gws/tlib';
import { ResourceUrls } from '../../resource-urls';
import { agentCall } from '../../testing/voice-fixtures';
import { callView } from './call-view';

const urls = new ResourceUrls('http://gws.test');

describe('callView', () => {
  it('shows the whole call: ids, URIs, participants, capabilities and a duration in whole seconds', () => {
    const call = agentCall({ startedAt: 1_000, parties: ['+15550100', '5002'] });
    expect(callView(call, [call], urls, 'DEVICE-1', 62_999)).toEqual({
      id: 'CALL-1',
      callUuid: 'CALL-1',
      connId: '0000000000000001',
      state: 'Established',
      callType: 'Inbound',
      deviceUri: 'http://gws.test/api/v2/me/devices/DEVICE-1',
      uri: 'http://gws.test/api/v2/me/calls/CALL-1',
      path: '/calls/CALL-1',
      participants: [
        { phoneNumber: '+15550100', digits: '15550100', formattedPhoneNumber: '+15550100', e164Number: '+15550100' },
        { phoneNumber: '5002', digits: '5002', formattedPhoneNumber: '5002', e164Number: '' },
      ],
      ani: '+15550100',
      dnis: '8001',
      capabilities: expect.arrayContaining(['Hold', 'RemoveParticipantFromConference']) as unknown,
      duration: '61',
      mute: 'Off',
      supervisorListeningIn: false,
      monitoredUserMuted: false,
      monitoring: false,
    });
  });

  it('shows user data when there is some, leaves out absent ani and dnis, and links a consultation to its parent', () => {
    const consult = agentCall({
      id: 'CALL-2',
      callType: 'Consult',
      ani: undefined,
      dnis: undefined,
      parentId: 'CALL-1',
      userData: KVList.from({ Segment: 'Gold', Score: 7 }),
    });
    const view = callView(consult, [consult], urls, 'DEVICE-1', 0);
    expect(view).toMatchObject({
      userData: { Segment: 'Gold', Score: 7 },
      parentCallUri: 'http://gws.test/api/v2/me/calls/CALL-1',
      parentCallPath: '/calls/CALL-1',
    });
    expect(view).not.toHaveProperty('ani');
    expect(view).not.toHaveProperty('dnis');
  });

  it('never shows a negative duration, and a released call offers nothing', () => {
    const released = agentCall({ state: 'Released', startedAt: 5_000 });
    expect(callView(released, [], urls, 'DEVICE-1', 0)).toMatchObject({ duration: '0', capabilities: [] });
  });

  it('gives the JSON browsers have always received, byte for byte (key order, optional keys left out)', () => {
    const at = new ResourceUrls('https://gws.example:8443/');
    const ringing = agentCall({
      state: 'Ringing',
      startedAt: 10_000,
      userData: KVList.from({ Customer: 'Alice', Order: 42, Nested: { A: 'b' } }),
    });
    const held = agentCall({ state: 'Held', consult: { id: 'CALL-2', kind: 'transfer' } });
    const consult = agentCall({
      id: 'CALL-2',
      callUuid: 'CALL-2',
      connId: '0000000000000002',
      callType: 'Consult',
      parties: ['5002'],
      ani: undefined,
      dnis: undefined,
      parentId: 'CALL-1',
    });
    const conference = agentCall({ parties: ['+15550100', '5002', '5003'], dnis: undefined });
    const released = agentCall({ state: 'Released', startedAt: 5_000 });
    const render = (): string[] =>
      [
        callView(ringing, [ringing], at, 'DEVICE-1', 12_345),
        callView(held, [held, consult], at, 'DEVICE-1', 70_000),
        callView(consult, [held, consult], at, 'DEVICE-1', 70_000),
        callView(conference, [conference], at, 'DEVICE-1', 3_600_000),
        callView(released, [], at, 'DEVICE-1', 0),
      ].map((view) => JSON.stringify(view));
    expect(render()).toEqual(PINNED);
  });
});

/** The JSON of the views above as the code before issue 16 target 3's work gave it (204c65f). */
const PINNED = [
  '{"id":"CALL-1","callUuid":"CALL-1","connId":"0000000000000001","state":"Ringing","callType":"Inbound","deviceUri":"https://gws.example:8443/api/v2/me/devices/DEVICE-1","uri":"https://gws.example:8443/api/v2/me/calls/CALL-1","path":"/calls/CALL-1","participants":[{"phoneNumber":"+15550100","digits":"15550100","formattedPhoneNumber":"+15550100","e164Number":"+15550100"}],"ani":"+15550100","dnis":"8001","capabilities":["Answer","Hangup","Redirect","AttachUserData","UpdateUserData","DeleteUserData","DeleteUserDataPair"],"userData":{"Customer":"Alice","Order":42,"Nested":{"A":"b"}},"duration":"2","mute":"Off","supervisorListeningIn":false,"monitoredUserMuted":false,"monitoring":false}',
  '{"id":"CALL-1","callUuid":"CALL-1","connId":"0000000000000001","state":"Held","callType":"Inbound","deviceUri":"https://gws.example:8443/api/v2/me/devices/DEVICE-1","uri":"https://gws.example:8443/api/v2/me/calls/CALL-1","path":"/calls/CALL-1","participants":[{"phoneNumber":"+15550100","digits":"15550100","formattedPhoneNumber":"+15550100","e164Number":"+15550100"}],"ani":"+15550100","dnis":"8001","capabilities":["Retrieve","Hangup","SwapCalls","CompleteTransfer","AttachUserData","UpdateUserData","DeleteUserData","DeleteUserDataPair"],"duration":"70","mute":"Off","supervisorListeningIn":false,"monitoredUserMuted":false,"monitoring":false}',
  '{"id":"CALL-2","callUuid":"CALL-2","connId":"0000000000000002","state":"Established","callType":"Consult","deviceUri":"https://gws.example:8443/api/v2/me/devices/DEVICE-1","uri":"https://gws.example:8443/api/v2/me/calls/CALL-2","path":"/calls/CALL-2","participants":[{"phoneNumber":"5002","digits":"5002","formattedPhoneNumber":"5002","e164Number":""}],"capabilities":["Hold","Hangup","SendDtmf","SingleStepTransfer","SingleStepConference","SwapCalls","CompleteTransfer","CompleteConference","AttachUserData","UpdateUserData","DeleteUserData","DeleteUserDataPair"],"duration":"70","mute":"Off","supervisorListeningIn":false,"monitoredUserMuted":false,"monitoring":false,"parentCallUri":"https://gws.example:8443/api/v2/me/calls/CALL-1","parentCallPath":"/calls/CALL-1"}',
  '{"id":"CALL-1","callUuid":"CALL-1","connId":"0000000000000001","state":"Established","callType":"Inbound","deviceUri":"https://gws.example:8443/api/v2/me/devices/DEVICE-1","uri":"https://gws.example:8443/api/v2/me/calls/CALL-1","path":"/calls/CALL-1","participants":[{"phoneNumber":"+15550100","digits":"15550100","formattedPhoneNumber":"+15550100","e164Number":"+15550100"},{"phoneNumber":"5002","digits":"5002","formattedPhoneNumber":"5002","e164Number":""},{"phoneNumber":"5003","digits":"5003","formattedPhoneNumber":"5003","e164Number":""}],"ani":"+15550100","capabilities":["Hold","Hangup","SendDtmf","SingleStepTransfer","InitiateTransfer","SingleStepConference","InitiateConference","RemoveParticipantFromConference","AttachUserData","UpdateUserData","DeleteUserData","DeleteUserDataPair"],"duration":"3600","mute":"Off","supervisorListeningIn":false,"monitoredUserMuted":false,"monitoring":false}',
  '{"id":"CALL-1","callUuid":"CALL-1","connId":"0000000000000001","state":"Released","callType":"Inbound","deviceUri":"https://gws.example:8443/api/v2/me/devices/DEVICE-1","uri":"https://gws.example:8443/api/v2/me/calls/CALL-1","path":"/calls/CALL-1","participants":[{"phoneNumber":"+15550100","digits":"15550100","formattedPhoneNumber":"+15550100","e164Number":"+15550100"}],"ani":"+15550100","dnis":"8001","capabilities":[],"duration":"0","mute":"Off","supervisorListeningIn":false,"monitoredUserMuted":false,"monitoring":false}',
];

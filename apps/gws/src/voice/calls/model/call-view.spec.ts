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
});

import { ResourceUrls } from '../resource-urls';
import { voiceDevice } from '../testing/voice-fixtures';
import { deviceView, voiceChannelView } from './device-view';
import { NotReadyReasons } from './not-ready-reasons';
import { SYSTEM_STATE_IDS } from './user-state-view';

const urls = new ResourceUrls('http://gws.test');
const reasons = new NotReadyReasons([{ name: 'Lunch', code: '101' }]);

describe('deviceView', () => {
  it('shows an active device with its DN, agent state, capabilities and URIs', () => {
    expect(deviceView(voiceDevice({ agent: { state: 'Ready' }, agentId: '1001' }), reasons, urls)).toEqual({
      id: 'DEVICE-1',
      deviceState: 'Active',
      userState: { id: SYSTEM_STATE_IDS.Ready, displayName: 'Ready', state: 'Ready' },
      phoneNumber: '5001',
      e164Number: '5001',
      telephonyNetwork: 'Private',
      doNotDisturb: 'Off',
      voiceEnvironmentUri: urls.voiceEnvironment('SIP_Switch'),
      capabilities: ['DoNotDisturbOn', 'ForwardCallsOn'],
      uri: 'http://gws.test/api/v2/me/devices/DEVICE-1',
      path: '/devices/DEVICE-1',
    });
  });

  it('shows forwarding and DND while on, and an inactive device offers nothing', () => {
    const view = deviceView(voiceDevice({ active: false, doNotDisturb: true, forwardTo: '5002' }), reasons, urls);
    expect(view).toMatchObject({ deviceState: 'Inactive', doNotDisturb: 'On', forwardTo: '5002', capabilities: [] });
    expect(deviceView(voiceDevice(), reasons, urls)).not.toHaveProperty('forwardTo');
  });
});

describe('voiceChannelView', () => {
  it('shows the state of the device the agent is logged in on, with its reason', () => {
    const idle = voiceDevice({ id: 'DEVICE-0', dn: '5000', doNotDisturb: true });
    const lunch = voiceDevice({ agentId: '1001', agent: { state: 'NotReady', reasonCode: '101' } });
    expect(voiceChannelView([idle, lunch], reasons)).toEqual({
      channel: 'voice',
      userState: { id: reasons.find('101')!.stateId, displayName: 'Lunch', state: 'NotReady', reason: 'Lunch' },
      dndState: 'Off',
    });
  });

  it('falls back to the first device, and to LoggedOut without devices', () => {
    expect(voiceChannelView([voiceDevice({ doNotDisturb: true })], reasons)).toMatchObject({
      userState: { state: 'LoggedOut', id: SYSTEM_STATE_IDS.LoggedOut },
      dndState: 'On',
    });
    expect(voiceChannelView([], reasons)).toEqual({
      channel: 'voice',
      userState: { id: SYSTEM_STATE_IDS.LoggedOut, displayName: 'Logged Out', state: 'LoggedOut' },
      dndState: 'Off',
    });
  });
});

import { KVList } from '@gws/tlib';
import { errorMessage } from '../../notifications';
import { callView } from '../../voice/calls/model/call-view';
import { deviceView } from '../../voice/model/device-view';
import { NotReadyReasons } from '../../voice/model/not-ready-reasons';
import { ResourceUrls } from '../../voice/resource-urls';
import { agentCall, voiceDevice } from '../../voice/testing/voice-fixtures';
import { translate, type TranslationContext } from './v3-translation';

const urls = new ResourceUrls('http://gws');
const reasons = new NotReadyReasons([{ name: 'Lunch', code: '101' }]);
const context: TranslationContext = {
  dnFacts: () => ({ switchName: 'SIP_Switch', agentId: '1001', reasonCode: (name) => reasons.find(name)?.code }),
  connIdOf: (callId) => (callId === 'PARENT' ? '00000000000000aa' : undefined),
  now: () => 1_700_000_000_000,
};

describe('translate (v2 event -> v3 messages)', () => {
  it('turns each device of a DeviceStateChangeMessage into a DnStateChanged with v3 capabilities', () => {
    const device = voiceDevice({ agentId: '1001', agent: { state: 'NotReady', reasonCode: '101' } });
    const [message, ...rest] = translate(
      { messageType: 'DeviceStateChangeMessage', devices: [deviceView(device, reasons, urls)] },
      context,
    );
    expect(rest).toEqual([]);
    expect(message).toEqual({
      messageType: 'DnStateChanged',
      dn: {
        number: '5001',
        switchName: 'SIP_Switch',
        agentId: '1001',
        agentState: 'NotReady',
        agentWorkMode: 'Unknown',
        capabilities: ['ready', 'not-ready', 'dnd-on', 'set-forward'],
        available: false,
        dnd: false,
        reasons: [{ key: 'ReasonCode', type: 'str', value: '101' }],
        timestamp: 1_700_000_000_000,
      },
    });
  });

  it('shows Ready as available in ManualIn, and an inactive DN with no capabilities', () => {
    const ready = deviceView(voiceDevice({ agentId: '1001', agent: { state: 'Ready' } }), reasons, urls);
    const inactive = deviceView(voiceDevice({ active: false }), reasons, urls);
    const messages = translate({ messageType: 'DeviceStateChangeMessage', devices: [ready, inactive] }, context);
    expect(messages).toMatchObject([
      {
        dn: {
          agentState: 'Ready',
          agentWorkMode: 'ManualIn',
          available: true,
          capabilities: ['not-ready', 'dnd-on', 'set-forward'],
        },
      },
      { dn: { agentState: 'LoggedOut', available: false, capabilities: [] } },
    ]);
  });

  it('turns a CallStateChangeMessage into a CallStateChanged: StateChange, kebab-case, KV lists, the parent ConnID', () => {
    const userData = new KVList().add('Segment', 'Gold').add('Score', 42);
    const consult = agentCall({ id: 'CONSULT', callType: 'Consult', parentId: 'PARENT', userData, state: 'Dialing' });
    const view = callView(consult, [consult], urls, 'DEVICE-1', 5000);
    const [message] = translate(
      {
        messageType: 'CallStateChangeMessage',
        notificationType: 'StatusChange',
        call: view,
        phoneNumber: '5001',
        extensions: { BusinessCall: 0 },
      },
      context,
    );
    expect(message).toEqual({
      messageType: 'CallStateChanged',
      notificationType: 'StateChange',
      call: {
        type: 'Call',
        id: 'CONSULT',
        connId: '0000000000000001',
        callUuid: 'CALL-1',
        parentConnId: '00000000000000aa',
        phoneNumber: '5001',
        callType: 'Consult',
        state: 'Dialing',
        capabilities: ['release', 'send-dtmf', 'attach-user-data', 'update-user-data', 'delete-user-data-pair'],
        participants: [{ number: '+15550100' }],
        ani: '+15550100',
        dnis: '8001',
        userData: [
          { key: 'Segment', type: 'str', value: 'Gold' },
          { key: 'Score', type: 'int', value: 42 },
        ],
        extensions: [{ key: 'BusinessCall', type: 'int', value: 0 }],
        duration: 5,
      },
    });
  });

  it('turns an ErrorMessage into an EventError naming the v3 operation and the call', () => {
    const failed = (operationName: string, resourceUri: string) =>
      translate(errorMessage({ errorCode: 43, errorMessage: 'no', operationName, resourceUri }), context);
    expect(failed('Hangup', 'http://gws/api/v2/me/calls/CALL-1')).toEqual([
      {
        messageType: 'EventError',
        error: { errorCode: 43, errorMessage: 'no' },
        operationName: 'release',
        callId: 'CALL-1',
      },
    ]);
    expect(failed('AfterCallWork', 'http://gws/api/v2/me/channels/voice')).toEqual([
      { messageType: 'EventError', error: { errorCode: 43, errorMessage: 'no' }, operationName: 'not-ready' },
    ]);
    expect(failed('CompleteConference', 'http://gws/api/v2/me/calls/C')[0]).toMatchObject({
      operationName: 'complete-conference',
    });
    expect(failed('Dial', 'http://gws/api/v2/me/devices/D/calls')[0]).toMatchObject({ operationName: 'make-call' });
  });

  it('has nothing to say for the channel and password messages', () => {
    const channel = translate({ messageType: 'ChannelStateChangeMessageV2', channels: [] }, context);
    const password = translate(
      { messageType: 'PasswordChangeMessage', notificationType: 'PasswordChangeSuccessful' },
      context,
    );
    expect([channel, password]).toEqual([[], []]);
  });
});

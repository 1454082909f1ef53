/// <reference types="jest" />
import { parseCall } from './call';
import { DesktopState, type EndedCall } from './desktop-state';
import { parseDevice } from './device';

const DEVICE = {
  id: 'device-1',
  phoneNumber: '5001',
  deviceState: 'Active',
  userState: { id: 'ready-id', state: 'Ready', displayName: 'Ready' },
  doNotDisturb: 'Off',
  capabilities: ['DoNotDisturbOn', 'ForwardCallsOn'],
};

function call(state: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'call-1',
    state,
    callType: 'Inbound',
    participants: [{ phoneNumber: '+15551234567' }],
    capabilities: [],
    uri: 'http://gws/api/v2/me/calls/call-1',
    userData: { CustomerName: 'Ada' },
    ...extra,
  };
}

describe('DesktopState', () => {
  let said: string[];
  let ended: EndedCall[];
  let state: DesktopState;
  /** The device as GWS last described it (each message is the whole device, as GWS sends it). */
  let device: Record<string, unknown>;

  beforeEach(() => {
    device = DEVICE;
    said = [];
    ended = [];
    state = new DesktopState({
      changed: () => undefined,
      announce: (text) => said.push(text),
      callEnded: (call) => ended.push(call),
    });
    state.beginSnapshot();
    state.applySnapshot([parseDevice(DEVICE)!], []);
  });

  const deviceMessage = (change: Record<string, unknown>): void => {
    device = { ...device, ...change };
    state.message('/v2/me/devices', { messageType: 'DeviceStateChangeMessage', devices: [device] });
  };
  const callMessage = (value: Record<string, unknown>): void =>
    state.message('/v2/me/calls', { messageType: 'CallStateChangeMessage', call: value });

  it('announces a new agent state, Do Not Disturb and forwarding as they change, and nothing when they do not', () => {
    deviceMessage({});
    expect(said).toEqual([]);
    deviceMessage({ userState: { id: 'nr', state: 'NotReady', displayName: 'Not Ready', reason: 'Lunch' } });
    deviceMessage({ doNotDisturb: 'On' });
    deviceMessage({ doNotDisturb: 'Off' });
    deviceMessage({ forwardTo: '5014' });
    deviceMessage({ forwardTo: undefined });
    expect(said).toEqual([
      'Your state is Not Ready: Lunch',
      'Do not disturb is on',
      'Do not disturb is off',
      'Calls are forwarded to 5014',
      'Calls are no longer forwarded',
    ]);
  });

  it('starts a wrap-up for a call the agent talked on, with its data, and none for one that only rang', () => {
    callMessage(call('Ringing'));
    callMessage(call('Released', { userData: undefined }));
    expect(ended).toEqual([]);

    callMessage(call('Ringing', { id: 'call-2' }));
    callMessage(call('Established', { id: 'call-2' }));
    callMessage(call('Released', { id: 'call-2', userData: undefined }));
    expect(ended.map((entry) => [entry.call.id, entry.call.userData])).toEqual([['call-2', { CustomerName: 'Ada' }]]);
    expect(state.calls).toEqual([]);
  });

  it('keeps what a message said over an older REST read that was in flight', () => {
    state.beginSnapshot();
    callMessage(call('Held'));
    state.applySnapshot(undefined, [parseCall(call('Established'), Date.now())!]);
    expect(state.call('call-1')?.state).toBe('Held');
  });

  it('shows an ErrorMessage next to the call it names, and a Dial refusal under "Make a call"', () => {
    callMessage(call('Established'));
    state.message('/v2/me/calls', {
      messageType: 'ErrorMessage',
      operationName: 'InitiateTransfer',
      errorMessage: 'Invalid called DN',
      errorCode: 71,
      resourceUri: 'http://gws/api/v2/me/calls/call-1',
    });
    expect(state.errorOf('call-1')?.text).toBe('InitiateTransfer failed: Invalid called DN (71)');
    state.message('/v2/me/calls', {
      messageType: 'ErrorMessage',
      operationName: 'Dial',
      errorMessage: 'Invalid called DN',
      errorCode: 71,
      resourceUri: 'http://gws/api/v2/me/devices/device-1/calls',
    });
    expect(state.dialError?.text).toBe('Dial failed: Invalid called DN (71)');
  });
});

import { AgentWorkMode, KVList, tmessage, type TMessage } from '@gws/tlib';
import { voiceDevice } from '../testing/voice-fixtures';
import { applyDeviceEvent } from './apply-device-event';
import { NotReadyReasons } from './not-ready-reasons';
import { SYSTEM_STATE_IDS, userStateView } from './user-state-view';
import type { VoiceDevice } from './voice-device';
import { deviceCapabilities } from './voice-device';

const device = voiceDevice();
const reasons = new NotReadyReasons([
  { name: 'Break', code: '100' },
  { name: 'Lunch', code: '101' },
]);

function after(...events: TMessage[]): VoiceDevice {
  return events.reduce((current, event) => applyDeviceEvent(current, event) ?? current, device);
}

describe('applyDeviceEvent', () => {
  it('follows the agent through login, Ready, NotReady with a reason, after-call work and logout', () => {
    const loggedIn = after(tmessage('EventAgentLogin', { ThisDN: '5001', AgentID: '1001' }));
    expect(loggedIn).toMatchObject({ agentId: '1001', agent: { state: 'NotReady' } });
    expect(userStateView(loggedIn.agent, reasons)).toEqual({
      id: SYSTEM_STATE_IDS.NotReady,
      displayName: 'Not Ready',
      state: 'NotReady',
    });

    const ready = applyDeviceEvent(loggedIn, tmessage('EventAgentReady', { ThisDN: '5001' }))!;
    expect(userStateView(ready.agent, reasons)).toEqual({
      id: SYSTEM_STATE_IDS.Ready,
      displayName: 'Ready',
      state: 'Ready',
    });

    const lunch = applyDeviceEvent(
      ready,
      tmessage('EventAgentNotReady', { ThisDN: '5001', Reasons: KVList.from({ ReasonCode: '101' }) }),
    )!;
    expect(userStateView(lunch.agent, reasons)).toEqual({
      id: reasons.find('Lunch')!.stateId,
      displayName: 'Lunch',
      state: 'NotReady',
      reason: 'Lunch',
    });

    const acw = applyDeviceEvent(
      lunch,
      tmessage('EventAgentNotReady', { ThisDN: '5001', AgentWorkMode: AgentWorkMode.AfterCallWork }),
    )!;
    expect(userStateView(acw.agent, reasons)).toEqual({
      id: SYSTEM_STATE_IDS.AfterCallWork,
      displayName: 'AfterCallWork',
      state: 'NotReady',
      workMode: 'AfterCallWork',
    });

    const aux = applyDeviceEvent(acw, tmessage('EventAgentNotReady', { ThisDN: '5001', AgentWorkMode: 4 }))!;
    expect(userStateView(aux.agent, reasons).workMode).toBe('AuxWork');

    const out = applyDeviceEvent(aux, tmessage('EventAgentLogout', { ThisDN: '5001' }))!;
    expect(out).toMatchObject({ agentId: undefined, agent: { state: 'LoggedOut' } });
  });

  it('turns DND and forwarding on and off, and the capabilities follow', () => {
    const dnd = after(tmessage('EventDNDOn', { ThisDN: '5001' }));
    expect(deviceCapabilities(dnd)).toEqual(['DoNotDisturbOff', 'ForwardCallsOn']);
    const forwarded = applyDeviceEvent(dnd, tmessage('EventForwardSet', { ThisDN: '5001', OtherDN: '5002' }))!;
    expect(forwarded.forwardTo).toBe('5002');
    expect(deviceCapabilities(forwarded)).toEqual(['DoNotDisturbOff', 'ForwardCallsOff']);
    const plain = after(
      tmessage('EventDNDOn', { ThisDN: '5001' }),
      tmessage('EventDNDOff', { ThisDN: '5001' }),
      tmessage('EventForwardSet', { ThisDN: '5001', OtherDN: '5002' }),
      tmessage('EventForwardCancel', { ThisDN: '5001' }),
    );
    expect(deviceCapabilities(plain)).toEqual(['DoNotDisturbOn', 'ForwardCallsOn']);
    expect(deviceCapabilities({ ...plain, active: false })).toEqual([]);
  });

  it('ignores call events', () => {
    expect(
      applyDeviceEvent(device, tmessage('EventRinging', { ThisDN: '5001', ConnID: '0000000000000001', CallType: 2 })),
    ).toBeUndefined();
  });
});

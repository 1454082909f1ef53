import { AgentWorkMode, type KVList, type TMessage } from '@gws/tlib';
import { LOGGED_OUT, type AgentState } from './agent-state';
import type { VoiceDevice } from './voice-device';

/** The key Workspace and GWS use for a not-ready reason in Reasons or Extensions (configurable in GWS). */
export const REASON_CODE_KEY = 'ReasonCode';

/**
 * The device after a T-Server event on its DN, or undefined when the event does not change what an agent sees.
 * Call events are the call model's business, not this one's.
 */
export function applyDeviceEvent(device: VoiceDevice, event: TMessage): VoiceDevice | undefined {
  const a = event.attributes;
  switch (event.name) {
    case 'EventAgentLogin':
      return { ...device, agentId: a.AgentID ?? device.agentId, agent: { state: 'NotReady' } };
    case 'EventAgentLogout':
      return { ...device, agentId: undefined, agent: LOGGED_OUT };
    case 'EventAgentReady':
      return { ...device, agentId: a.AgentID ?? device.agentId, agent: { state: 'Ready' } };
    case 'EventAgentNotReady':
    case 'EventAgentAfterCallWork':
      return { ...device, agentId: a.AgentID ?? device.agentId, agent: notReadyFrom(event) };
    case 'EventDNDOn':
    case 'EventDNDOff':
      return { ...device, doNotDisturb: event.name === 'EventDNDOn' };
    case 'EventForwardSet':
      return { ...device, forwardTo: a.OtherDN ?? device.forwardTo };
    case 'EventForwardCancel':
      return { ...device, forwardTo: undefined };
    case 'EventDNOutOfService':
    case 'EventDNBackInService':
      return { ...device, active: event.name === 'EventDNBackInService' };
    default:
      return undefined;
  }
}

function notReadyFrom(event: TMessage): AgentState {
  const workMode =
    event.name === 'EventAgentAfterCallWork' || event.attributes.AgentWorkMode === AgentWorkMode.AfterCallWork
      ? 'AfterCallWork'
      : event.attributes.AgentWorkMode === AgentWorkMode.AuxWork
        ? 'AuxWork'
        : undefined;
  const reasonCode = reasonCodeOf(event.attributes.Reasons) ?? reasonCodeOf(event.attributes.Extensions);
  return {
    state: 'NotReady',
    ...(workMode === undefined ? {} : { workMode }),
    ...(reasonCode === undefined ? {} : { reasonCode }),
  };
}

function reasonCodeOf(list: KVList | undefined): string | undefined {
  const value = list?.getIC(REASON_CODE_KEY);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

import { AgentWorkMode, KVList } from '@gws/tlib';
import { LOGGED_OUT, type AgentState } from './agent-state';
import { REASON_CODE_KEY } from './apply-device-event';
import type { VoiceDevice } from './voice-device';

/**
 * The device as EventRegistered / EventAddressInfo Extensions describe it (keys `AgentStatus`, `AgentID`,
 * `AgentWorkMode`, `Reasons`, `DND`, `ForwardTo`, documented in docs/simulator.md). Used when a DN is (re)registered,
 * so GWS starts from T-Server's truth, not from what it last believed.
 */
export function deviceFromStatus(device: VoiceDevice, extensions: KVList | undefined): VoiceDevice {
  if (extensions === undefined) return { ...device, active: true };
  const status = extensions.getString('AgentStatus');
  const agentId = extensions.getString('AgentID');
  const forwardTo = extensions.getString('ForwardTo');
  return {
    ...device,
    active: true,
    agent: agentStateOf(status, extensions),
    agentId: status === undefined || status === 'LoggedOut' ? undefined : (agentId ?? device.agentId),
    doNotDisturb: extensions.getInt('DND') === 1,
    forwardTo: forwardTo === undefined || forwardTo === '' ? undefined : forwardTo,
  };
}

function agentStateOf(status: string | undefined, extensions: KVList): AgentState {
  if (status === 'Ready') return { state: 'Ready' };
  if (status !== 'NotReady') return LOGGED_OUT;
  const workMode = extensions.getInt('AgentWorkMode');
  const reasons = extensions.get('Reasons');
  const code = reasons instanceof KVList ? reasons.getIC(REASON_CODE_KEY) : undefined;
  return {
    state: 'NotReady',
    ...(workMode === AgentWorkMode.AfterCallWork ? { workMode: 'AfterCallWork' as const } : {}),
    ...(workMode === AgentWorkMode.AuxWork ? { workMode: 'AuxWork' as const } : {}),
    ...(typeof code === 'string' || typeof code === 'number' ? { reasonCode: String(code) } : {}),
  };
}

import type { DeviceOperationName } from '../device-operations';
import type { AgentState } from './agent-state';

/** One DN of an agent's place, with what T-Server last said about it. */
export interface VoiceDevice {
  readonly id: string;
  readonly dn: string;
  readonly switchName: string;
  /** Active while the T-Server link is up and the DN registered; Inactive otherwise. */
  readonly active: boolean;
  readonly agent: AgentState;
  readonly agentId: string | undefined;
  readonly doNotDisturb: boolean;
  readonly forwardTo: string | undefined;
}

/** Device operations offered to the agent now (names of DEVICE_OPERATIONS). */
export function deviceCapabilities(device: VoiceDevice): DeviceOperationName[] {
  if (!device.active) return [];
  return [
    device.doNotDisturb ? 'DoNotDisturbOff' : 'DoNotDisturbOn',
    device.forwardTo === undefined ? 'ForwardCallsOn' : 'ForwardCallsOff',
  ];
}

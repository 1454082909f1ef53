import type { EndpointRegistration } from '@gws/stores';
import type { DeviceOperationName } from '../device-operations';
import type { AgentState } from './agent-state';

/** One DN of an agent's place, with what T-Server last said about it. */
export interface VoiceDevice {
  readonly id: string;
  readonly dn: string;
  readonly switchName: string;
  /** In service on T-Server: the link is up and the DN registered there. */
  readonly active: boolean;
  /**
   * The softphone behind a WebRTC DN, as the SIP gateway reports it (docs/sip-gateway.md); absent for any other DN
   * (a desk phone, or no gateway configured), whose state is T-Server's alone.
   */
  readonly endpoint?: EndpointRegistration;
  readonly agent: AgentState;
  readonly agentId: string | undefined;
  readonly doNotDisturb: boolean;
  readonly forwardTo: string | undefined;
}

/** `Active` for the agent: in service on T-Server and, for a WebRTC DN, its softphone registered. */
export function deviceIsActive(device: VoiceDevice): boolean {
  return device.active && (device.endpoint === undefined || device.endpoint === 'registered');
}

/** Device operations offered to the agent now (names of DEVICE_OPERATIONS). */
export function deviceCapabilities(device: VoiceDevice): DeviceOperationName[] {
  if (!deviceIsActive(device)) return [];
  return [
    device.doNotDisturb ? 'DoNotDisturbOff' : 'DoNotDisturbOn',
    device.forwardTo === undefined ? 'ForwardCallsOn' : 'ForwardCallsOff',
  ];
}

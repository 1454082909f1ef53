import type { GwsChannelState, GwsDevice } from '../../notifications';
import type { ResourceUrls } from '../resource-urls';
import { LOGGED_OUT } from './agent-state';
import type { NotReadyReasons } from './not-ready-reasons';
import { userStateView } from './user-state-view';
import { deviceCapabilities, deviceIsActive, type VoiceDevice } from './voice-device';

/** A device as served: the GWS device object plus its own `uri` and `path`. */
export type DeviceResource = GwsDevice & { uri: string; path: string };

/** The device object of REST answers and DeviceStateChangeMessage: always the whole snapshot. */
export function deviceView(device: VoiceDevice, reasons: NotReadyReasons, urls: ResourceUrls): DeviceResource {
  return {
    id: device.id,
    deviceState: deviceIsActive(device) ? 'Active' : 'Inactive',
    userState: userStateView(device.agent, reasons),
    phoneNumber: device.dn,
    e164Number: device.dn,
    telephonyNetwork: 'Private',
    doNotDisturb: device.doNotDisturb ? 'On' : 'Off',
    ...(device.forwardTo === undefined ? {} : { forwardTo: device.forwardTo }),
    voiceEnvironmentUri: urls.voiceEnvironment(device.switchName),
    capabilities: deviceCapabilities(device),
    ...urls.device(device.id),
  };
}

/** The voice channel's state: the agent state of the device the agent logged in on. */
export function voiceChannelView(devices: readonly VoiceDevice[], reasons: NotReadyReasons): GwsChannelState {
  const device = devices.find((candidate) => candidate.agentId !== undefined) ?? devices[0];
  return {
    channel: 'voice',
    userState: userStateView(device?.agent ?? LOGGED_OUT, reasons),
    dndState: device?.doNotDisturb ? 'On' : 'Off',
  };
}

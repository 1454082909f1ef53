import type { GwsDevice } from './gws-device';

/** `/v2/me/devices`: agent state, DND, forwarding or monitoring changed; full device snapshots. */
export interface DeviceStateChangeMessage {
  messageType: 'DeviceStateChangeMessage';
  devices: GwsDevice[];
}

import type { GwsUserState } from './gws-user-state';

/** One media channel's agent state, e.g. `{channel: 'voice', userState, dndState: 'Off'}`. */
export interface GwsChannelState {
  channel: string;
  userState: GwsUserState;
  dndState?: 'On' | 'Off';
}

/** `/v2/me/channels`: per-media agent state changed. */
export interface ChannelStateChangeMessageV2 {
  messageType: 'ChannelStateChangeMessageV2';
  channels: GwsChannelState[];
}

import type { GwsCall } from './gws-call';

export type CallNotificationType =
  | 'StatusChange'
  | 'ParticipantsUpdated'
  | 'AttachedDataChanged'
  | 'CallRecordingStateChange'
  | 'DtmfSent'
  | 'MonitoredUserMutedStateChange';

/** `/v2/me/calls`: every call event, with the whole call object. */
export interface CallStateChangeMessage {
  messageType: 'CallStateChangeMessage';
  notificationType: CallNotificationType;
  call: GwsCall;
  /** The DN of this user's device the event happened on. */
  phoneNumber: string;
  /** T-Server extensions, e.g. `{BusinessCall: 0}`; left out when T-Server sent none. */
  extensions?: Record<string, string | number>;
}

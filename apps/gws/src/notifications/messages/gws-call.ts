/** A call participant (8.5.2+ shape). */
export interface GwsCallParticipant {
  phoneNumber: string;
  digits: string;
  formattedPhoneNumber: string;
  e164Number: string;
}

export type GwsCallState = 'Dialing' | 'Ringing' | 'Established' | 'Held' | 'Released';

/**
 * A call as `GET /api/v2/me/calls/{id}` and `CallStateChangeMessage.call` show it (gws-api-v2.md 3.3):
 * always a full snapshot. The voice layer fills it.
 */
export interface GwsCall {
  /** Opaque and stable for the life of the call; this server uses the CallUUID. */
  id: string;
  callUuid: string;
  /** May change while `id` stays, e.g. after CompleteTransfer. */
  connId: string;
  state: GwsCallState;
  callType: 'Internal' | 'Inbound' | 'Outbound' | 'Consult';
  deviceUri: string;
  uri: string;
  /** Relative path, `/calls/{id}`. */
  path: string;
  participants: GwsCallParticipant[];
  ani?: string;
  dnis?: string;
  /** Operation names valid now; `[]` once Released. */
  capabilities: string[];
  /** Attached data; left out when empty. */
  userData?: Record<string, string | number>;
  /** Seconds since the call started, as a string. */
  duration: string;
  mute: 'On' | 'Off';
  recordingState?: 'Recording' | 'Paused' | 'Stopped';
  supervisorListeningIn: boolean;
  monitoredUserMuted: boolean;
  monitoring: boolean;
  /** Consult calls only: the original call. */
  parentCallUri?: string;
  parentCallPath?: string;
}

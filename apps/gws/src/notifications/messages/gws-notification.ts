import type { GwsTopic } from '../gws-topics';
import type { CallStateChangeMessage } from './call-state-change-message';
import type { ChannelStateChangeMessageV2 } from './channel-state-change-message';
import type { DeviceStateChangeMessage } from './device-state-change-message';
import type { ErrorMessage } from './error-message';
import type { PasswordChangeMessage } from './password-change-message';

/** The `data` of every message this server pushes; `messageType` picks the schema. */
export type GwsNotification =
  | DeviceStateChangeMessage
  | CallStateChangeMessage
  | ChannelStateChangeMessageV2
  | PasswordChangeMessage
  | ErrorMessage;

/** Which messages each topic carries: its own family, plus ErrorMessage for failures on that resource. */
export interface GwsTopicMessages {
  '/v2/me/devices': DeviceStateChangeMessage | ErrorMessage;
  '/v2/me/calls': CallStateChangeMessage | ErrorMessage;
  '/v2/me/channels': ChannelStateChangeMessageV2 | ErrorMessage;
  '/v2/me': PasswordChangeMessage | ErrorMessage;
}

/** The message type a topic accepts. */
export type GwsTopicMessage<T extends GwsTopic> = GwsTopicMessages[T];

export type { CallNotificationType, CallStateChangeMessage } from './call-state-change-message';
export type { ChannelStateChangeMessageV2, GwsChannelState } from './channel-state-change-message';
export type { DeviceStateChangeMessage } from './device-state-change-message';
export { errorMessage, type ErrorMessage } from './error-message';
export type { GwsCall, GwsCallParticipant, GwsCallState } from './gws-call';
export type { GwsDevice, GwsSupervisorMonitoringState } from './gws-device';
export type { GwsNotification, GwsTopicMessage, GwsTopicMessages } from './gws-notification';
export type { GwsUserState } from './gws-user-state';
export type { PasswordChangeMessage } from './password-change-message';

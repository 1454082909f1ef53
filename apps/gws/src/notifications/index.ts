export {
  BayeuxSessionRegistry,
  type BayeuxSessionInfo,
  type NotificationStats,
  type SessionAddedEvent,
  type SessionRemovalReason,
  type SessionRemovedEvent,
} from './bayeux-session-registry';
export { CometdGateway } from './cometd-gateway';
export { GWS_TOPICS, SUBSCRIBABLE_CHANNELS, type GwsTopic } from './gws-topics';
export {
  HANDSHAKE_AUTHENTICATOR,
  type AuthenticatedPrincipal,
  type HandshakeAuthenticator,
} from './handshake-authenticator';
export * from './messages';
export { NotificationPublisher } from './notification-publisher';
export { createNotificationsEndpoint, type NotificationsEndpoint } from './notifications-endpoint';
export type { NotificationsLogger } from './notifications-logger';
export { DEFAULT_NOTIFICATIONS_OPTIONS, type NotificationsOptions } from './notifications-options';
export {
  NotificationsModule,
  type HandshakeAuthenticatorProvider,
  type NotificationsDependencies,
} from './notifications.module';
export {
  PUSH_CLUSTER,
  standalonePushCluster,
  type AdoptedPushSession,
  type PushCluster,
  type PushSessionEnd,
} from './push-cluster';
export type { SequencedMessage } from './sequenced-delivery';

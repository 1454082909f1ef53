import {
  Module,
  type ClassProvider,
  type DynamicModule,
  type ExistingProvider,
  type FactoryProvider,
  type ValueProvider,
} from '@nestjs/common';
import { BayeuxSessionRegistry } from './bayeux-session-registry';
import { CometdGateway } from './cometd-gateway';
import { HANDSHAKE_AUTHENTICATOR, type HandshakeAuthenticator } from './handshake-authenticator';
import { NotificationPublisher } from './notification-publisher';
import { NOTIFICATIONS_LOGGER, nestNotificationsLogger } from './notifications-logger';
import { NOTIFICATIONS_OPTIONS, resolveNotificationsOptions, type NotificationsOptions } from './notifications-options';

type WithoutProvide<P> = P extends unknown ? Omit<P, 'provide'> : never;

/** A provider of `HANDSHAKE_AUTHENTICATOR` without its `provide` key: `{useClass}`, `{useValue}`, `{useFactory}`, `{useExisting}`. */
export type HandshakeAuthenticatorProvider = WithoutProvide<
  | ClassProvider<HandshakeAuthenticator>
  | ValueProvider<HandshakeAuthenticator>
  | FactoryProvider<HandshakeAuthenticator>
  | ExistingProvider<HandshakeAuthenticator>
>;

/** Where the notifications module finds what it does not own. */
export interface NotificationsDependencies {
  /** Modules whose exports this module may inject, e.g. the auth module exporting `HANDSHAKE_AUTHENTICATOR`. */
  imports?: DynamicModule['imports'];
  /** Provides `HANDSHAKE_AUTHENTICATOR` here; leave it out when one of `imports` exports that token. */
  authenticator?: HandshakeAuthenticatorProvider;
}

/**
 * CometD push of GWS API v2 under `/api/v2/notifications` (docs/notifications.md).
 * After `NestFactory.create`, call `app.get(CometdGateway).mount(app)` before `listen`.
 */
@Module({})
export class NotificationsModule {
  static register(options: NotificationsOptions = {}, dependencies: NotificationsDependencies = {}): DynamicModule {
    const resolved = resolveNotificationsOptions(options);
    const authenticator = dependencies.authenticator
      ? [{ provide: HANDSHAKE_AUTHENTICATOR, ...dependencies.authenticator }]
      : [];
    return {
      module: NotificationsModule,
      imports: dependencies.imports ?? [],
      providers: [
        ...authenticator,
        { provide: NOTIFICATIONS_OPTIONS, useValue: resolved },
        { provide: NOTIFICATIONS_LOGGER, useValue: resolved.logger ?? nestNotificationsLogger(CometdGateway.name) },
        BayeuxSessionRegistry,
        CometdGateway,
        NotificationPublisher,
      ],
      exports: [CometdGateway, NotificationPublisher, BayeuxSessionRegistry],
    };
  }
}

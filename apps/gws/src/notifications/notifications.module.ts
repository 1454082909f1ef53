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
import { PUSH_CLUSTER, standalonePushCluster, type PushCluster } from './push-cluster';

type WithoutProvide<P> = P extends unknown ? Omit<P, 'provide'> : never;

/** A provider of `T` without its `provide` key: `{useClass}`, `{useValue}`, `{useFactory}`, `{useExisting}`. */
type ProviderOf<T> = WithoutProvide<ClassProvider<T> | ValueProvider<T> | FactoryProvider<T> | ExistingProvider<T>>;

/** A provider of `HANDSHAKE_AUTHENTICATOR` without its `provide` key. */
export type HandshakeAuthenticatorProvider = ProviderOf<HandshakeAuthenticator>;

/** Where the notifications module finds what it does not own. */
export interface NotificationsDependencies {
  /** Modules whose exports this module may inject, e.g. the auth module exporting `HANDSHAKE_AUTHENTICATOR`. */
  imports?: DynamicModule['imports'];
  /** Provides `HANDSHAKE_AUTHENTICATOR` here; leave it out when one of `imports` exports that token. */
  authenticator?: HandshakeAuthenticatorProvider;
  /** Provides `PUSH_CLUSTER` (sessions shared by the nodes of a cluster); by default sessions stay on this node. */
  pushCluster?: ProviderOf<PushCluster>;
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
        { provide: PUSH_CLUSTER, ...(dependencies.pushCluster ?? { useValue: standalonePushCluster }) },
        { provide: NOTIFICATIONS_LOGGER, useValue: resolved.logger ?? nestNotificationsLogger(CometdGateway.name) },
        BayeuxSessionRegistry,
        CometdGateway,
        NotificationPublisher,
      ],
      exports: [CometdGateway, NotificationPublisher, BayeuxSessionRegistry],
    };
  }
}

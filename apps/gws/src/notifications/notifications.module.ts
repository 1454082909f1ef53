import { Module, type DynamicModule } from '@nestjs/common';
import { BayeuxSessionRegistry } from './bayeux-session-registry';
import { CometdGateway } from './cometd-gateway';
import { NotificationPublisher } from './notification-publisher';
import { NOTIFICATIONS_LOGGER, nestNotificationsLogger } from './notifications-logger';
import { NOTIFICATIONS_OPTIONS, resolveNotificationsOptions, type NotificationsOptions } from './notifications-options';

/**
 * CometD push of GWS API v2 under `/api/v2/notifications`. The importing module must provide
 * `HANDSHAKE_AUTHENTICATOR` to this module's injector: pass a module exporting it in `imports`
 * (`NotificationsModule.register(options, [AuthModule])`) or make it global.
 * After `NestFactory.create`, call `app.get(CometdGateway).mount(app)` before `listen`.
 */
@Module({})
export class NotificationsModule {
  static register(options: NotificationsOptions = {}, imports: DynamicModule['imports'] = []): DynamicModule {
    const resolved = resolveNotificationsOptions(options);
    return {
      module: NotificationsModule,
      imports,
      providers: [
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

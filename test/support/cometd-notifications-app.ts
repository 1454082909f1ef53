import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CometdGateway } from '../../apps/gws/src/notifications/cometd-gateway';
import { NotificationPublisher } from '../../apps/gws/src/notifications/notification-publisher';
import type { NotificationsLogger } from '../../apps/gws/src/notifications/notifications-logger';
import type { NotificationsOptions } from '../../apps/gws/src/notifications/notifications-options';
import { NotificationsModule } from '../../apps/gws/src/notifications/notifications.module';
import { TestHandshakeAuthenticator } from '../../apps/gws/src/notifications/testing/test-handshake-authenticator';

/** Log lines the notifications layer wrote, to assert on (and to check nothing secret is logged). */
export interface RecordedLogLine {
  level: 'debug' | 'info' | 'warn';
  fields: object;
  message: string;
}

export interface CometdNotificationsApp {
  app: INestApplication;
  port: number;
  authenticator: TestHandshakeAuthenticator;
  publisher: NotificationPublisher;
  gateway: CometdGateway;
  logs: RecordedLogLine[];
  close(): Promise<void>;
}

/**
 * A minimal Nest application: NotificationsModule with {@link TestHandshakeAuthenticator}, mounted as
 * the real bootstrap will mount it, listening on 0.0.0.0 (every loopback hostname) on a free port.
 */
export async function startCometdNotificationsApp(options: NotificationsOptions = {}): Promise<CometdNotificationsApp> {
  const authenticator = new TestHandshakeAuthenticator();
  const logs: RecordedLogLine[] = [];
  const logger: NotificationsLogger = {
    debug: (fields, message) => logs.push({ level: 'debug', fields, message }),
    info: (fields, message) => logs.push({ level: 'info', fields, message }),
    warn: (fields, message) => logs.push({ level: 'warn', fields, message }),
  };
  const moduleRef = await Test.createTestingModule({
    imports: [NotificationsModule.register({ logger, ...options }, { authenticator: { useValue: authenticator } })],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  const gateway = app.get(CometdGateway);
  gateway.mount(app);
  await app.listen(0, '0.0.0.0');
  const httpServer = app.getHttpServer() as Server;
  const port = (httpServer.address() as AddressInfo).port;
  return {
    app,
    port,
    authenticator,
    publisher: app.get(NotificationPublisher),
    gateway,
    logs,
    close: () => app.close(),
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, type INestApplication, type OnModuleDestroy } from '@nestjs/common';
import type { ServerSession } from 'cometd-nodejs-server';
import { GWS_CONFIG, type GwsConfig } from '../../config/gws-config';
import {
  createNotificationsEndpoint,
  type AuthenticatedPrincipal,
  type NotificationPublisher,
  type NotificationsEndpoint,
} from '../../notifications';
import { V3_CHANNELS, type V3Message } from './v3-messages';
import { WorkspaceHandshakeAuthenticator } from './workspace-handshake-authenticator';

/** Where the library's CometD client posts (`/handshake`, `/connect`, ... under it). */
export const WORKSPACE_NOTIFICATIONS_PATH = '/workspace/v3/notifications';

/**
 * The Workspace API v3 CometD endpoint: a second endpoint of the notifications module (same limits and policy as
 * `/api/v2/notifications`), whose handshake rides on the WORKSPACE_SESSIONID cookie and whose channels are v3's.
 * Delivery is per user, as on v2. Its sessions stay on this node (not shared with a cluster's other nodes).
 */
@Injectable()
export class WorkspaceNotifications implements OnModuleDestroy {
  private readonly endpoint: NotificationsEndpoint;

  constructor(@Inject(GWS_CONFIG) config: GwsConfig, authenticator: WorkspaceHandshakeAuthenticator) {
    this.endpoint = createNotificationsEndpoint(
      {
        maxBodySize: config.bodyLimit,
        ...config.cometd,
        path: WORKSPACE_NOTIFICATIONS_PATH,
        channels: Object.values(V3_CHANNELS),
      },
      authenticator,
    );
  }

  /** Serves the endpoint; call before `app.listen`, as for v2's (`CometdGateway.mount`). */
  mount(app: INestApplication, intercept?: (request: IncomingMessage, response: ServerResponse) => boolean): void {
    this.endpoint.gateway.mount(app, intercept);
  }

  /** Delivers to every v3 session of the user; returns how many it reached. */
  publish(userId: string, message: V3Message): number {
    const { gateway, registry } = this.endpoint;
    return registry.forEachSessionOfUser(userId, (session) => gateway.deliver(session, message.channel, message.data));
  }

  deliver(session: ServerSession, message: V3Message): void {
    this.endpoint.gateway.deliver(session, message.channel, message.data);
  }

  hasSessions(userId: string): boolean {
    return this.endpoint.registry.forEachSessionOfUser(userId, () => undefined) > 0;
  }

  principalOf(session: ServerSession): AuthenticatedPrincipal | undefined {
    return this.endpoint.registry.principalOf(session.id);
  }

  onSubscribed(channel: string, listener: (session: ServerSession) => void): void {
    this.endpoint.gateway.onSubscribed(channel, listener);
  }

  /** Presence and disconnects of this endpoint's sessions (for the keeper that ties them to their HTTP session). */
  get publisher(): NotificationPublisher {
    return this.endpoint.publisher;
  }

  onModuleDestroy(): Promise<void> {
    return this.endpoint.gateway.close();
  }
}

import type { ServerSession } from 'cometd-nodejs-server';
import { BayeuxSessionRegistry } from './bayeux-session-registry';
import { CometdGateway } from './cometd-gateway';
import type { HandshakeAuthenticator } from './handshake-authenticator';
import { NotificationPublisher } from './notification-publisher';
import { nestNotificationsLogger } from './notifications-logger';
import { resolveNotificationsOptions, type NotificationsOptions } from './notifications-options';
import { standalonePushCluster, type PushCluster } from './push-cluster';

/** A Bayeux endpoint of its own: its server, the sessions it holds and how to reach them. */
export interface NotificationsEndpoint {
  readonly gateway: CometdGateway;
  readonly registry: BayeuxSessionRegistry<ServerSession>;
  /** Presence, disconnects and statistics of this endpoint's sessions (its `publish` is typed for the v2 topics). */
  readonly publisher: NotificationPublisher;
}

/**
 * A second endpoint beside the module's own (e.g. Workspace API v3 at `/workspace/v3/notifications`), with its own
 * path, channels and handshake authenticator, and the same limits and security policy. Built outside Nest's
 * injector so that its classes do not shadow the module's under their own tokens; the caller mounts the gateway
 * (`gateway.mount(app)`) and closes it (`gateway.close()`, also run on module destroy when provided through Nest).
 */
export function createNotificationsEndpoint(
  options: NotificationsOptions,
  authenticator: HandshakeAuthenticator,
  cluster: PushCluster = standalonePushCluster,
): NotificationsEndpoint {
  const resolved = resolveNotificationsOptions(options);
  const logger = resolved.logger ?? nestNotificationsLogger(`CometdGateway ${resolved.path}`);
  const registry = new BayeuxSessionRegistry<ServerSession>(logger);
  const gateway = new CometdGateway(resolved, authenticator, logger, registry, cluster);
  return { gateway, registry, publisher: new NotificationPublisher(gateway, registry) };
}

import { IncomingMessage } from 'node:http';
import type {
  Callback,
  CometDServer,
  SecurityPolicy,
  ServerChannel,
  ServerMessage,
  ServerSession,
} from 'cometd-nodejs-server';
import type { AuthenticatedPrincipal, HandshakeAuthenticator } from './handshake-authenticator';
import type { NotificationsLogger } from './notifications-logger';

/**
 * Channel security of `/api/v2/notifications`, as a cometd-nodejs-server policy:
 * - `/meta/handshake` needs an authenticated HTTP request (the injected {@link HandshakeAuthenticator});
 *   otherwise the reply is `403::handshake_denied` with advice `reconnect: none` (authenticate over REST first);
 * - a session may subscribe only to the endpoint's channels (`403::subscribe_denied` otherwise): for GWS API v2 the
 *   `/v2/me` topics and wildcards;
 * - clients never publish: `403::publish_denied` on an existing channel, `403::channel_denied` on a new one.
 * What a session receives is decided by `NotificationPublisher`, which delivers to the sessions of one user.
 */
export class ChannelSecurityPolicy implements SecurityPolicy {
  constructor(
    private readonly server: CometDServer,
    private readonly authenticator: HandshakeAuthenticator,
    /** Accepts the principal for the session; the handshake is answered once it resolves (it must not reject). */
    private readonly onAuthenticated: (
      session: ServerSession,
      principal: AuthenticatedPrincipal,
    ) => void | Promise<void>,
    private readonly logger: NotificationsLogger,
    /** Whether a client may subscribe to the channel (channels come into being only that way). */
    private readonly subscribable: (channel: string) => boolean,
    /** The principal of a session adopted from another node (an internal handshake), which needs no request. */
    private readonly adopted: (
      session: ServerSession,
      handshake: ServerMessage,
    ) => AuthenticatedPrincipal | undefined = () => undefined,
  ) {}

  canHandshake(session: ServerSession, message: ServerMessage, callback: Callback<boolean>): void {
    const adopted = this.adopted(session, message);
    if (adopted !== undefined) {
      void this.onAuthenticated(session, adopted);
      callback(undefined, true);
      return;
    }
    // The server's context is one shared object overwritten by every request: read it now, before any await.
    const request = this.currentRequest();
    if (!request) {
      this.logger.warn({ bayeuxSessionId: session.id }, 'handshake without an HTTP request in context: refused');
      callback(undefined, false);
      return;
    }
    const remoteAddress = request.socket.remoteAddress;
    this.authenticator
      .authenticate(request)
      .then(
        async (principal) => {
          if (principal) {
            await this.onAuthenticated(session, principal);
            this.logger.debug(
              { bayeuxSessionId: session.id, userId: principal.userId, userName: principal.userName },
              'handshake accepted',
            );
          } else {
            this.logger.info({ remoteAddress }, 'handshake refused: not authenticated');
          }
          callback(undefined, principal !== undefined);
        },
        (error: unknown) => {
          this.logger.warn(
            { remoteAddress, error: error instanceof Error ? error.message : String(error) },
            'handshake refused: authenticator failed',
          );
          callback(undefined, false);
        },
      )
      // The server goes on with the handshake inside the callback: a throw there must not become an unhandled
      // rejection (which would end the process).
      .catch((error: unknown) =>
        this.logger.warn(
          { remoteAddress, error: error instanceof Error ? error.message : String(error) },
          'handshake processing failed',
        ),
      );
  }

  canCreate(_session: ServerSession, _message: ServerMessage, channelName: string, callback: Callback<boolean>): void {
    // Channels come into being only by a permitted subscription; a publish to a new channel stops here.
    callback(undefined, this.subscribable(channelName));
  }

  canSubscribe(
    _session: ServerSession,
    _message: ServerMessage,
    channel: ServerChannel,
    callback: Callback<boolean>,
  ): void {
    callback(undefined, this.subscribable(channel.name));
  }

  canPublish(
    session: ServerSession,
    _message: ServerMessage,
    channel: ServerChannel,
    callback: Callback<boolean>,
  ): void {
    this.logger.debug({ bayeuxSessionId: session.id, channel: channel.name }, 'client publish refused');
    callback(undefined, false);
  }

  private currentRequest(): IncomingMessage | undefined {
    const context: unknown = this.server.context;
    if (typeof context !== 'object' || context === null || !('request' in context)) return undefined;
    const request: unknown = context.request;
    return request instanceof IncomingMessage ? request : undefined;
  }
}

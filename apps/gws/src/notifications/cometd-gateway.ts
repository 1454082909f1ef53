import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, type INestApplication, type OnModuleDestroy } from '@nestjs/common';
import { createCometDServer, type CometDServer, type ServerMessage, type ServerSession } from 'cometd-nodejs-server';
import { AcknowledgedMessagesExtension } from 'cometd-nodejs-server/ack-extension';
import { BayeuxSessionRegistry } from './bayeux-session-registry';
import { ChannelSecurityPolicy } from './channel-security.policy';
import { HANDSHAKE_AUTHENTICATOR, type AuthenticatedPrincipal, type HandshakeAuthenticator } from './handshake-authenticator';
import { NOTIFICATIONS_LOGGER, type NotificationsLogger } from './notifications-logger';
import { NOTIFICATIONS_OPTIONS, type ResolvedNotificationsOptions } from './notifications-options';

/**
 * The Bayeux endpoint: one cometd-nodejs-server instance (long-polling only) with the acknowledgement
 * extension and {@link ChannelSecurityPolicy}, mounted on the Nest HTTP server by {@link mount}.
 * Bayeux sessions are bound to their principal in {@link BayeuxSessionRegistry} from handshake to removal.
 */
@Injectable()
export class CometdGateway implements OnModuleDestroy {
  private readonly server: CometDServer;
  /** Principals accepted by the policy, until the server adds the session (or drops the handshake). */
  private readonly pending = new WeakMap<ServerSession, AuthenticatedPrincipal>();
  /** Sessions this node is disconnecting, to tell 'server' removals from 'client' ones. */
  private readonly serverDisconnects = new WeakSet<ServerSession>();
  private closed = false;

  constructor(
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: ResolvedNotificationsOptions,
    @Inject(HANDSHAKE_AUTHENTICATOR) authenticator: HandshakeAuthenticator,
    @Inject(NOTIFICATIONS_LOGGER) private readonly logger: NotificationsLogger,
    private readonly registry: BayeuxSessionRegistry<ServerSession>,
  ) {
    this.server = createCometDServer({
      timeout: options.timeout,
      interval: options.interval,
      maxInterval: options.maxInterval,
      maxSessionsPerBrowser: options.maxSessionsPerBrowser,
      multiSessionInterval: options.multiSessionInterval,
      browserCookieSecure: options.browserCookieSecure,
      browserCookieSameSite: 'Lax',
    });
    // Messages stay queued until the client acknowledges the /meta/connect that carried them, so a long
    // poll lost on the network is delivered again on the next one (clients opt in with their AckExtension).
    this.server.addExtension(new AcknowledgedMessagesExtension());
    this.server.policy = new ChannelSecurityPolicy(
      this.server,
      authenticator,
      (session, principal) => this.pending.set(session, principal),
      logger,
    );
    this.server.addListener('sessionAdded', (session: ServerSession, _message: ServerMessage) => this.bind(session));
    this.server.addListener('sessionRemoved', (session: ServerSession, timeout: boolean) => this.unbind(session, timeout));
  }

  /** The mount path, as configured. */
  get path(): string {
    return this.options.path;
  }

  /**
   * Mounts the endpoint on the application's HTTP server: `app.use(path, handler)`. Call it before
   * `app.listen`. Nest's JSON body parser may stay on: the server uses `request.body` when it is there.
   */
  mount(app: INestApplication): void {
    app.use(this.options.path, (request: IncomingMessage, response: ServerResponse) => {
      if (this.closed) {
        response.statusCode = 503;
        response.end();
        return;
      }
      this.server.handle(request, response);
    });
    this.logger.info({ path: this.options.path, transports: ['long-polling'] }, 'CometD endpoint mounted');
  }

  /** Delivers `{channel, data}` to one session; the message rides the session's next (or parked) long poll. */
  deliver(session: ServerSession, channel: string, data: object): void {
    session.deliver(null, channel, data);
  }

  /** Ends a session from the server side: the client gets a `/meta/disconnect` and stops. */
  disconnect(session: ServerSession): void {
    this.serverDisconnects.add(session);
    session.disconnect();
  }

  /**
   * Ends every session (which also answers every parked long poll, so the HTTP server can close) and
   * stops the server's sweeper. Idempotent; called on module destroy.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const sessions = this.registry.allSessions();
    sessions.forEach((session) => this.disconnect(session));
    this.server.close();
    this.logger.info({ disconnected: sessions.length }, 'CometD endpoint closed');
  }

  onModuleDestroy(): void {
    this.close();
  }

  private bind(session: ServerSession): void {
    const principal = this.pending.get(session);
    this.pending.delete(session);
    if (principal) {
      this.registry.bind(session, principal);
    } else {
      // Unreachable while the policy is in place; never keep an unbound session.
      this.logger.warn({ bayeuxSessionId: session.id }, 'session added without a principal: disconnected');
      session.disconnect();
    }
  }

  private unbind(session: ServerSession, timeout: boolean): void {
    const reason = timeout ? 'timeout' : this.serverDisconnects.has(session) ? 'server' : 'client';
    this.registry.unbind(session, reason);
    this.logger.debug({ bayeuxSessionId: session.id, reason }, 'session removed');
  }
}

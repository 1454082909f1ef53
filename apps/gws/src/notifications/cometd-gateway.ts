import type { IncomingMessage, RequestListener, Server as HttpServer, ServerResponse } from 'node:http';
import { Inject, Injectable, type INestApplication, type OnModuleDestroy } from '@nestjs/common';
import type { CometDServer, ServerChannel, ServerMessage, ServerSession } from 'cometd-nodejs-server';
import { isStoreUnavailable } from '../common/store-unavailable';
import { readBayeuxRequest } from './bayeux-request-reader';
import { BayeuxSessionRegistry } from './bayeux-session-registry';
import { ChannelSecurityPolicy } from './channel-security.policy';
import { ClientAdviceLimits } from './client-advice-limits';
import { deliverMessage, dropSession } from './cometd-internals';
import { createNotificationsServer } from './cometd-server';
import {
  HANDSHAKE_AUTHENTICATOR,
  type AuthenticatedPrincipal,
  type HandshakeAuthenticator,
} from './handshake-authenticator';
import { NOTIFICATIONS_LOGGER, type NotificationsLogger } from './notifications-logger';
import { NOTIFICATIONS_OPTIONS, type ResolvedNotificationsOptions } from './notifications-options';
import { PUSH_CLUSTER, type PushCluster } from './push-cluster';
import { PushSessionAdoption } from './push-session-adoption';
import { SequencedDelivery } from './sequenced-delivery';
import { ServerDisconnects } from './server-disconnects';
import { SessionQueueLimit } from './session-queue-limit';

/**
 * The Bayeux endpoint: one cometd-nodejs-server instance ({@link createNotificationsServer}) with
 * {@link ChannelSecurityPolicy}, mounted on the Nest HTTP server by {@link mount}.
 * Bayeux sessions are bound to their principal in {@link BayeuxSessionRegistry} from handshake to removal.
 * Limits (docs/security.md): request bodies and batches ({@link readBayeuxRequest}), client advice
 * ({@link ClientAdviceLimits}), messages held per session ({@link SessionQueueLimit}), sessions per user and per login.
 * In a cluster ({@link PushCluster}) every message carries the user's stream sequence number ({@link SequencedDelivery}),
 * a session another node opened continues here ({@link PushSessionAdoption}), and stopping hands sessions over.
 */
@Injectable()
export class CometdGateway implements OnModuleDestroy {
  private readonly server: CometDServer;
  /** Principals accepted by the policy, until the server adds the session (or drops the handshake). */
  private readonly pending = new WeakMap<ServerSession, AuthenticatedPrincipal>();
  /** Where each new session's client starts reading, as the cluster recorded it before the handshake reply. */
  private readonly cursors = new WeakMap<ServerSession, number>();
  private readonly disconnects = new ServerDisconnects();
  private readonly queueLimit: SessionQueueLimit;
  private readonly sequenced: SequencedDelivery;
  private readonly adoption: PushSessionAdoption;
  /** Sessions that continue on another node: removed here without ending them. */
  private readonly handedOver = new WeakSet<ServerSession>();
  private state: 'open' | 'closing' | 'closed' = 'open';

  constructor(
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: ResolvedNotificationsOptions,
    @Inject(HANDSHAKE_AUTHENTICATOR) authenticator: HandshakeAuthenticator,
    @Inject(NOTIFICATIONS_LOGGER) private readonly logger: NotificationsLogger,
    private readonly registry: BayeuxSessionRegistry<ServerSession>,
    @Inject(PUSH_CLUSTER) private readonly cluster: PushCluster,
  ) {
    this.server = createNotificationsServer(options);
    this.sequenced = new SequencedDelivery((session, confirmedSeq) =>
      cluster.progressed(this.adoption.clientIdOf(session), confirmedSeq),
    );
    this.adoption = new PushSessionAdoption(
      this.server,
      cluster,
      this.sequenced,
      logger,
      (session) => this.forget(session),
      () => this.state === 'open',
    );
    this.server.policy = new ChannelSecurityPolicy(
      this.server,
      authenticator,
      (session, principal) => this.accept(session, principal),
      logger,
      (channel) => options.channels.includes(channel),
      (session, handshake) => this.adoption.principalOf(session, handshake),
    );
    // First: the queue limit below counts what this one puts back for acknowledging clients.
    this.server.addExtension(this.sequenced.extension);
    this.server.addExtension(
      new ClientAdviceLimits({
        timeout: options.timeout,
        interval: Math.max(options.interval, options.multiSessionInterval),
      }),
    );
    this.queueLimit = new SessionQueueLimit(options.maxQueuedMessages, (session, queued) =>
      this.endOverflowed(session, queued),
    );
    this.server.addExtension(this.queueLimit.extension);
    this.server.addListener('sessionAdded', (session: ServerSession, handshake: ServerMessage) =>
      this.bind(session, handshake),
    );
    cluster.onMoved((clientId) => this.moved(clientId));
    this.server.addListener('sessionRemoved', (session: ServerSession, timeout: boolean) =>
      this.unbind(session, timeout),
    );
  }

  /**
   * Calls `listener` each time a session of this endpoint subscribes to `channel`: a message delivered from there on
   * reaches the client's listener for it (the Workspace API v3 initialization message needs that).
   */
  onSubscribed(channel: string, listener: (session: ServerSession) => void): void {
    this.server.addListener('subscribed', (subscribed: ServerChannel, session: ServerSession) => {
      if (subscribed.name === channel) listener(session);
    });
  }

  /** The mount path, as configured. */
  get path(): string {
    return this.options.path;
  }

  /**
   * Serves the endpoint straight from the HTTP server's `request` event, ahead of Express: long polls are most of
   * the requests a node sees and need none of the router, body parser or logging (measured: about a quarter of the
   * CPU per pushed event). `intercept` may answer a request first (CORS preflight) and returns true when it did.
   * Call it before `app.listen`; the cometd server reads the body itself.
   */
  mount(app: INestApplication, intercept?: (request: IncomingMessage, response: ServerResponse) => boolean): void {
    const server = app.getHttpServer() as HttpServer;
    const others = server.listeners('request') as RequestListener[];
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (!this.owns(request.url)) {
        for (const listener of others) listener(request, response);
        return;
      }
      if (intercept?.(request, response)) return;
      if (this.state === 'closed') {
        // Like a dead node: the client retries, and a load balancer sends it elsewhere.
        response.statusCode = 503;
        response.end();
        return;
      }
      void this.serve(request, response);
    });
    this.logger.info({ path: this.options.path, transports: ['long-polling'] }, 'CometD endpoint mounted');
  }

  /**
   * Hands cometd-nodejs-server only a body that passed {@link readBayeuxRequest} (the library reads one itself, with
   * no limit, when none is given). Whatever fails in here ends this request alone, never the process.
   */
  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      if (request.method === 'POST') {
        const read = await readBayeuxRequest(request, this.options);
        if (!read.ok) {
          this.refuse(request, response, read.status, read.reason);
          return;
        }
        // Checked again in the turn that hands the request over: a session can be dropped while routing waits.
        for (let attempt = 0; attempt < 3; attempt++) {
          await this.adoption.route(read.messages, request);
          if (this.adoption.routed(read.messages)) break;
        }
        if (this.state === 'closed') {
          // Handed over while this request was routed: as to one that came after, the client retries elsewhere.
          response.statusCode = 503;
          response.end();
          return;
        }
        (request as IncomingMessage & { body?: unknown }).body = read.messages;
      }
      this.server.handle(request, response);
    } catch (error) {
      this.logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'CometD request failed');
      // The shared store down (an adoption needs it): 503, and the client retries the same poll, session intact.
      if (!response.headersSent) response.statusCode = isStoreUnavailable(error) ? 503 : 500;
      response.end();
    }
  }

  private refuse(request: IncomingMessage, response: ServerResponse, status: number, reason: string): void {
    this.logger.info({ remoteAddress: request.socket.remoteAddress, status, reason }, 'CometD request refused');
    response.statusCode = status;
    response.setHeader('Content-Type', 'application/json');
    // Past the size limit the rest of the body is not read: close the connection instead of draining it.
    if (status === 413) response.setHeader('Connection', 'close');
    response.end(JSON.stringify({ error: reason }));
  }

  /** The path itself, or below it (clients append `/handshake`, `/connect`), with or without a query. */
  private owns(url: string | undefined): boolean {
    const path = this.options.path;
    if (url === undefined || !url.startsWith(path)) return false;
    const next = url.charAt(path.length);
    return next === '' || next === '/' || next === '?';
  }

  /**
   * Queues `{channel, data}` for one session; it leaves on the session's parked (or next) long poll. With the
   * user's stream sequence number `seq` it is sent once (a number the session had is dropped) and carries it.
   */
  deliver(session: ServerSession, channel: string, data: object, seq?: number): void {
    if (seq === undefined) deliverMessage(session, { channel, data });
    else this.sequenced.deliver(session, { seq, channel, data });
  }

  /**
   * Ends a session from the server side: it stops receiving at once, and its client gets a
   * `/meta/disconnect` on its current or next long poll, and stops.
   */
  disconnect(session: ServerSession): void {
    this.registry.unbind(session, 'server');
    this.disconnects.disconnect(session);
  }

  /**
   * Ends every session, waiting up to `shutdownDrainTimeout` for the clients between two long polls to
   * come back and hear it, then stops the server's sweeper. Parked long polls are all answered, so the
   * HTTP server can close. Idempotent; called on module destroy.
   */
  async close(): Promise<void> {
    if (this.state !== 'open') return;
    if (this.cluster.shared) return this.handOver();
    this.state = 'closing';
    const sessions = this.registry.allSessions();
    sessions.forEach((session) => this.disconnect(session));
    await this.disconnects.drain(this.options.shutdownDrainTimeout);
    this.state = 'closed';
    this.server.close();
    this.logger.info({ disconnected: sessions.length }, 'CometD endpoint closed');
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  /**
   * Stopping one node of a cluster: its sessions continue elsewhere. Every request is refused from now on (503: the
   * load balancer sends it to another node, which adopts the session), and parked long polls are answered so that
   * their clients come back at once; the sessions keep their cluster records.
   */
  private handOver(): void {
    this.state = 'closed';
    const sessions = this.registry.allSessions();
    for (const session of sessions) {
      this.handedOver.add(session);
      dropSession(this.server, session);
    }
    this.server.close();
    this.logger.info({ handedOver: sessions.length }, 'CometD endpoint closed: sessions continue on other nodes');
  }

  /** Another node adopted the session: forget it here without telling the client, which is already there. */
  private moved(clientId: string): void {
    const session = this.adoption.sessionOf(clientId);
    if (session !== undefined) this.forget(session);
  }

  private forget(session: ServerSession): void {
    this.handedOver.add(session);
    dropSession(this.server, session);
  }

  private bind(session: ServerSession, handshake: ServerMessage): void {
    const principal = this.pending.get(session);
    this.pending.delete(session);
    this.disconnects.track(session);
    this.queueLimit.track(session);
    if (principal && this.state === 'open') {
      if (!this.adoption.added(session, handshake)) void this.open(session, principal);
      this.registry.bind(session, principal);
      this.endOldest(this.registry.sessionsOfUser(principal.userId), this.options.maxSessionsPerUser);
      this.endOldest(this.registry.sessionsOfHttpSession(principal.sessionId), this.options.maxSessionsPerHttpSession);
    } else if (this.adoption.added(session, handshake)) {
      // Adopted while this node handed its sessions over: it continues elsewhere, its record kept.
      this.forget(session);
    } else {
      // No principal is unreachable while the policy is in place; a handshake during shutdown is ended.
      this.disconnects.disconnect(session);
    }
  }

  /** Sessions past `max` (oldest first, as the registry lists them) are told to disconnect. */
  private endOldest(sessions: readonly ServerSession[], max: number): void {
    const excess = sessions.slice(0, Math.max(0, sessions.length - max));
    excess.forEach((session) => this.disconnect(session));
    if (excess.length > 0) this.logger.info({ ended: excess.length, max }, 'oldest CometD sessions ended: too many');
  }

  /** Ends a session whose client does not take its messages; {@link SessionQueueLimit} tells the client why. */
  private endOverflowed(session: ServerSession, queued: number): void {
    const info = this.registry.infoOf(session);
    this.logger.warn(
      { bayeuxSessionId: session.id, userName: info?.userName, queued, max: this.options.maxQueuedMessages },
      'CometD session ended: its client does not take its messages',
    );
    // Unbound first so that presence hooks hear 'server'; the library's removal then finds nothing left to unbind.
    this.registry.unbind(session, 'server');
    session.disconnect();
  }

  /**
   * A new session is recorded in the cluster before its handshake is answered: the client's first long poll may
   * reach another node at once. It starts at the user's latest sequence number (what came before is in the
   * snapshots the client reads).
   */
  private async accept(session: ServerSession, principal: AuthenticatedPrincipal): Promise<void> {
    this.pending.set(session, principal);
    if (this.adoption.isAdopting(session)) return;
    try {
      this.cursors.set(
        session,
        await this.cluster.opened(session.id, principal, this.sequenced.acknowledging(session)),
      );
    } catch (error) {
      this.logger.warn({ error: String(error) }, 'CometD session not shared with the cluster: the store failed');
    }
  }

  /** Opens a new session where its record says, with what was logged since the record was made. */
  private async open(session: ServerSession, principal: AuthenticatedPrincipal): Promise<void> {
    const cursor = this.cursors.get(session) ?? 0;
    this.cursors.delete(session);
    const backlog = await this.cluster.backlog(principal.userId, cursor).catch(() => []);
    this.sequenced.open(session, cursor, backlog);
  }

  private unbind(session: ServerSession, timeout: boolean): void {
    const handedOver = this.handedOver.has(session);
    const reason = timeout ? 'timeout' : this.disconnects.isServerDisconnect(session) ? 'server' : 'client';
    this.disconnects.removed(session);
    this.registry.unbind(session, handedOver ? 'moved' : reason);
    this.adoption.removed(session);
    this.cluster.ended(this.adoption.clientIdOf(session), handedOver ? 'handover' : reason);
    this.logger.debug({ bayeuxSessionId: session.id, reason }, 'session removed');
  }
}

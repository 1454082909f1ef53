import { Injectable } from '@nestjs/common';
import type { ServerSession } from 'cometd-nodejs-server';
import {
  BayeuxSessionRegistry,
  type BayeuxSessionInfo,
  type NotificationStats,
  type SessionAddedEvent,
  type SessionRemovedEvent,
} from './bayeux-session-registry';
import { CometdGateway } from './cometd-gateway';
import type { GwsTopic } from './gws-topics';
import type { GwsTopicMessage } from './messages/gws-notification';

/**
 * What the rest of the server uses to push: per user, never broadcast. A message goes to every Bayeux
 * session bound to the user (two browsers, two tabs), whether or not that session subscribed to the topic:
 * subscribing only tells the client library where to route it.
 */
@Injectable()
export class NotificationPublisher {
  constructor(
    private readonly gateway: CometdGateway,
    private readonly registry: BayeuxSessionRegistry<ServerSession>,
  ) {}

  /**
   * Delivers `{data, channel: topic}` to every session of `userId`; returns how many sessions it reached. `seq`: the
   * message's number in the user's event stream (it travels in `ext.seq`, and a session gets each number once).
   */
  publish<T extends GwsTopic>(userId: string, topic: T, data: GwsTopicMessage<T>, seq?: number): number {
    return this.registry.forEachSessionOfUser(userId, (session) => this.gateway.deliver(session, topic, data, seq));
  }

  sessionsOf(userId: string): BayeuxSessionInfo[] {
    return this.registry.sessionsOfUser(userId).flatMap((session) => this.registry.infoOf(session) ?? []);
  }

  /** Ends every Bayeux session of the user; returns how many. */
  disconnectUser(userId: string): number {
    return this.disconnectAll(this.registry.sessionsOfUser(userId));
  }

  /**
   * Ends the Bayeux sessions that handshook on this HTTP session: call it when the HTTP session is
   * invalidated (EndContactCenterSession, logout, expiry). Returns how many.
   */
  disconnectSession(sessionId: string): number {
    return this.disconnectAll(this.registry.sessionsOfHttpSession(sessionId));
  }

  /** HTTP sessions with a live push channel on this node. */
  httpSessionIds(): string[] {
    return this.registry.httpSessionIds();
  }

  stats(): NotificationStats {
    return this.registry.stats();
  }

  /** Presence hook; see {@link BayeuxSessionRegistry.onSessionAdded}. */
  onSessionAdded(listener: (event: SessionAddedEvent) => void): () => void {
    return this.registry.onSessionAdded(listener);
  }

  /** Presence hook: `event.userSessions === 0` when the user's last Bayeux session on this node went away. */
  onSessionRemoved(listener: (event: SessionRemovedEvent) => void): () => void {
    return this.registry.onSessionRemoved(listener);
  }

  private disconnectAll(sessions: readonly ServerSession[]): number {
    sessions.forEach((session) => this.gateway.disconnect(session));
    return sessions.length;
  }
}

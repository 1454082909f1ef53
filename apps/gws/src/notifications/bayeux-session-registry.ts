import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedPrincipal } from './handshake-authenticator';
import { NOTIFICATIONS_LOGGER, type NotificationsLogger } from './notifications-logger';

/** What the registry needs of a Bayeux session: its id (a cometd-nodejs-server `ServerSession` fits). */
export interface BayeuxSessionHandle {
  readonly id: string;
}

/** A Bayeux session and the HTTP session and user it is bound to. */
export interface BayeuxSessionInfo {
  bayeuxSessionId: string;
  userId: string;
  userName: string;
}

/**
 * Why a Bayeux session went away: the client disconnected, the server ended it, it stopped polling, or it continues
 * on another node.
 */
export type SessionRemovalReason = 'client' | 'server' | 'timeout' | 'moved';

export interface SessionAddedEvent {
  session: BayeuxSessionInfo;
  /** Bayeux sessions the user has now, this one included. */
  userSessions: number;
}

export interface SessionRemovedEvent {
  session: BayeuxSessionInfo;
  reason: SessionRemovalReason;
  /** Bayeux sessions the user has left; 0 means the user has no push channel on this node any more. */
  userSessions: number;
}

export interface NotificationStats {
  bayeuxSessions: number;
  users: number;
  httpSessions: number;
}

type Listener<E> = (event: E) => void;

interface Binding<S> {
  session: S;
  principal: AuthenticatedPrincipal;
}

/**
 * Which Bayeux sessions belong to which user and HTTP session. Lookups are by key, so delivering to a
 * user costs O(that user's sessions) however many sessions the node holds.
 */
@Injectable()
export class BayeuxSessionRegistry<S extends BayeuxSessionHandle = BayeuxSessionHandle> {
  private readonly bindings = new Map<string, Binding<S>>();
  private readonly byUser = new Map<string, Set<S>>();
  private readonly byHttpSession = new Map<string, Set<S>>();
  private readonly addedListeners = new Set<Listener<SessionAddedEvent>>();
  private readonly removedListeners = new Set<Listener<SessionRemovedEvent>>();

  constructor(@Inject(NOTIFICATIONS_LOGGER) private readonly logger: NotificationsLogger) {}

  bind(session: S, principal: AuthenticatedPrincipal): void {
    this.bindings.set(session.id, { session, principal: { ...principal } });
    const userSessions = addTo(this.byUser, principal.userId, session);
    addTo(this.byHttpSession, principal.sessionId, session);
    this.emit(this.addedListeners, { session: info(session, principal), userSessions });
  }

  /** Forgets a session; no-op when it was not bound (a refused handshake). */
  unbind(session: S, reason: SessionRemovalReason): void {
    const binding = this.bindings.get(session.id);
    if (!binding) return;
    this.bindings.delete(session.id);
    const userSessions = removeFrom(this.byUser, binding.principal.userId, binding.session);
    removeFrom(this.byHttpSession, binding.principal.sessionId, binding.session);
    this.emit(this.removedListeners, { session: info(session, binding.principal), reason, userSessions });
  }

  principalOf(bayeuxSessionId: string): AuthenticatedPrincipal | undefined {
    return this.bindings.get(bayeuxSessionId)?.principal;
  }

  sessionsOfUser(userId: string): readonly S[] {
    return [...(this.byUser.get(userId) ?? [])];
  }

  sessionsOfHttpSession(sessionId: string): readonly S[] {
    return [...(this.byHttpSession.get(sessionId) ?? [])];
  }

  /** Iterates a user's sessions without copying them (the publish path). */
  forEachSessionOfUser(userId: string, fn: (session: S) => void): number {
    const sessions = this.byUser.get(userId);
    if (!sessions) return 0;
    sessions.forEach(fn);
    return sessions.size;
  }

  infoOf(session: S): BayeuxSessionInfo | undefined {
    const binding = this.bindings.get(session.id);
    return binding && info(binding.session, binding.principal);
  }

  /** The HTTP sessions (JSESSIONID values) that have at least one Bayeux session here. */
  httpSessionIds(): string[] {
    return [...this.byHttpSession.keys()];
  }

  allSessions(): readonly S[] {
    return [...this.bindings.values()].map((binding) => binding.session);
  }

  stats(): NotificationStats {
    return { bayeuxSessions: this.bindings.size, users: this.byUser.size, httpSessions: this.byHttpSession.size };
  }

  /** Presence hook: called after a session is bound. Returns the function that removes the listener. */
  onSessionAdded(listener: Listener<SessionAddedEvent>): () => void {
    this.addedListeners.add(listener);
    return () => this.addedListeners.delete(listener);
  }

  /** Presence hook: called after a session is forgotten; `userSessions === 0` when it was the user's last. */
  onSessionRemoved(listener: Listener<SessionRemovedEvent>): () => void {
    this.removedListeners.add(listener);
    return () => this.removedListeners.delete(listener);
  }

  private emit<E>(listeners: Set<Listener<E>>, event: E): void {
    // A failing listener must not stop the others nor the Bayeux processing that triggered it.
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'presence listener failed');
      }
    }
  }
}

function info(session: BayeuxSessionHandle, principal: AuthenticatedPrincipal): BayeuxSessionInfo {
  return { bayeuxSessionId: session.id, userId: principal.userId, userName: principal.userName };
}

function addTo<K, V>(index: Map<K, Set<V>>, key: K, value: V): number {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(value);
  return set.size;
}

function removeFrom<K, V>(index: Map<K, Set<V>>, key: K, value: V): number {
  const set = index.get(key);
  if (!set) return 0;
  set.delete(value);
  if (set.size === 0) index.delete(key);
  return set.size;
}

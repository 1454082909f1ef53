import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { JsonObject, SessionStore, StoredSession } from '@gws/stores';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import type { GwsPrincipal } from './gws-principal';

export const SESSION_STORE = Symbol('SESSION_STORE');

export interface NewSession {
  readonly userId: string;
  readonly userName: string;
  readonly personDbid: number;
}

/**
 * Which API a session was opened for: GWS API v2 (a password login, the JSESSIONID cookie) or Workspace API v3
 * (`initialize-workspace`, the WORKSPACE_SESSIONID cookie). A session serves its own API only, so that one API's
 * cookie is no credential on the other. Sessions stored without it are v2's.
 */
export type SessionSurface = 'gws-v2' | 'workspace-v3';

const SURFACE = 'surface';

/**
 * Set on a session opened by a password login, with the client's address, until the client first presents the
 * session's cookie. A client that never keeps cookies (a script sending Basic on every request) gets this session
 * again instead of a new one per request.
 */
const COOKIE_NOT_YET_SEEN = 'cookieNotYetSeenFrom';

/**
 * HTTP sessions: opened by a password login, slid forward on use, ended by EndContactCenterSession. A user holds at
 * most `maxSessionsPerUser`; opening one more ends the oldest.
 */
@Injectable()
export class SessionService {
  constructor(
    @Inject(SESSION_STORE) private readonly store: SessionStore,
    @Inject(GWS_CONFIG) private readonly config: GwsConfig,
  ) {}

  get timeoutSeconds(): number {
    return Math.floor(this.config.sessionTimeoutMs / 1000);
  }

  /**
   * The session of a password login from `address`: the one this address was given before and has not yet come
   * back with, else a new one.
   */
  async openForLogin(user: NewSession, address: string): Promise<GwsPrincipal> {
    const existing = await this.store.listByUser(user.userId);
    const unclaimed = existing.filter((session) => session.data[COOKIE_NOT_YET_SEEN] === address);
    const reuse = unclaimed.sort((a, b) => b.createdAt - a.createdAt)[0];
    if (reuse !== undefined && (await this.store.touch(reuse.id, this.expiry()))) return toPrincipal(reuse);
    const session = newSession(user, { personDbid: user.personDbid, [COOKIE_NOT_YET_SEEN]: address }, this.expiry());
    await this.store.create(session);
    await this.endOldest([...existing, session]);
    return toPrincipal(session);
  }

  /** A new session of Workspace API v3 for a user its bearer token names (`initialize-workspace`). */
  async openWorkspaceSession(user: NewSession): Promise<GwsPrincipal> {
    const existing = await this.store.listByUser(user.userId);
    const session = newSession(user, { personDbid: user.personDbid, [SURFACE]: 'workspace-v3' }, this.expiry());
    await this.store.create(session);
    await this.endOldest([...existing, session]);
    return toPrincipal(session);
  }

  /**
   * The principal of a session its client presented (cookie), whose expiry moves forward; undefined when gone, or
   * when it was opened for the other API.
   */
  async resume(sessionId: string, surface: SessionSurface = 'gws-v2'): Promise<GwsPrincipal | undefined> {
    const session = await this.store.get(sessionId);
    if (session === undefined || surfaceOf(session) !== surface) return undefined;
    if (!(await this.store.touch(sessionId, this.expiry()))) return undefined;
    if (COOKIE_NOT_YET_SEEN in session.data) {
      const data = { ...session.data };
      delete data[COOKIE_NOT_YET_SEEN];
      await this.store.update(sessionId, data);
    }
    return toPrincipal(session);
  }

  /** Moves a session's expiry forward on the server's own account (an open push channel); false when gone. */
  keepAlive(sessionId: string): Promise<boolean> {
    return this.store.touch(sessionId, this.expiry());
  }

  async invalidate(sessionId: string): Promise<void> {
    await this.store.delete(sessionId);
  }

  /** Forgets expired sessions (the store drops them lazily otherwise); returns how many. */
  sweepExpired(): Promise<number> {
    return this.store.sweepExpired();
  }

  private async endOldest(sessions: readonly StoredSession[]): Promise<void> {
    const excess = sessions.length - this.config.maxSessionsPerUser;
    if (excess <= 0) return;
    const oldest = [...sessions].sort((a, b) => a.createdAt - b.createdAt).slice(0, excess);
    await Promise.all(oldest.map((session) => this.store.delete(session.id)));
  }

  private expiry(): number {
    return Date.now() + this.config.sessionTimeoutMs;
  }
}

function newSession(user: NewSession, data: JsonObject, expiresAt: number): StoredSession {
  return {
    id: randomBytes(24).toString('base64url'),
    userId: user.userId,
    userName: user.userName,
    csrfToken: randomUUID(),
    createdAt: Date.now(),
    expiresAt,
    data,
  };
}

function surfaceOf(session: StoredSession): SessionSurface {
  return session.data[SURFACE] === 'workspace-v3' ? 'workspace-v3' : 'gws-v2';
}

function toPrincipal(session: StoredSession): GwsPrincipal {
  const personDbid = session.data['personDbid'];
  return {
    userId: session.userId,
    userName: session.userName,
    personDbid: typeof personDbid === 'number' ? personDbid : 0,
    sessionId: session.id,
    csrfToken: session.csrfToken,
  };
}

import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { SessionStore, StoredSession } from '@gws/stores';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import type { GwsPrincipal } from './gws-principal';

export const SESSION_STORE = Symbol('SESSION_STORE');

export interface NewSession {
  readonly userId: string;
  readonly userName: string;
  readonly personDbid: number;
}

/** HTTP sessions: created at the first authenticated request, slid forward on use, ended by EndContactCenterSession. */
@Injectable()
export class SessionService {
  constructor(
    @Inject(SESSION_STORE) private readonly store: SessionStore,
    @Inject(GWS_CONFIG) private readonly config: GwsConfig,
  ) {}

  get timeoutSeconds(): number {
    return Math.floor(this.config.sessionTimeoutMs / 1000);
  }

  async create(user: NewSession): Promise<GwsPrincipal> {
    const now = Date.now();
    const session: StoredSession = {
      id: randomBytes(24).toString('base64url'),
      userId: user.userId,
      userName: user.userName,
      csrfToken: randomUUID(),
      createdAt: now,
      expiresAt: now + this.config.sessionTimeoutMs,
      data: { personDbid: user.personDbid },
    };
    await this.store.create(session);
    return toPrincipal(session);
  }

  /** The principal of a live session, whose expiry moves forward; undefined when unknown or expired. */
  async resume(sessionId: string): Promise<GwsPrincipal | undefined> {
    const session = await this.store.get(sessionId);
    if (session === undefined) return undefined;
    await this.store.touch(sessionId, Date.now() + this.config.sessionTimeoutMs);
    return toPrincipal(session);
  }

  async invalidate(sessionId: string): Promise<void> {
    await this.store.delete(sessionId);
  }
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

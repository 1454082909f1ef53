import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import type { GwsPrincipal } from '../sessions/gws-principal';
import { sessionIdFrom } from '../sessions/session-cookie';
import { SessionService } from '../sessions/session.service';

export const SESSION_STRATEGY = 'gws-session';

/** Authenticates by the JSESSIONID cookie of a live session; otherwise passes to the next strategy (Basic). */
@Injectable()
export class SessionCookieStrategy extends PassportStrategy(Strategy, SESSION_STRATEGY) {
  constructor(private readonly sessions: SessionService) {
    super();
  }

  async validate(request: Request): Promise<GwsPrincipal | false> {
    const sessionId = sessionIdFrom(request);
    if (sessionId === undefined) return false;
    return (await this.sessions.resume(sessionId)) ?? false;
  }
}

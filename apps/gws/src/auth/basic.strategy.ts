import { HttpStatus, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { GwsException } from '../common/gws.exception';
import { GwsStatus } from '../common/gws-status';
import type { GwsPrincipal } from '../sessions/gws-principal';
import { sessionCookie } from '../sessions/session-cookie';
import { SessionService } from '../sessions/session.service';
import { basicCredentials } from './basic-credentials';
import { CredentialsLogin } from './credentials-login';

export const BASIC_STRATEGY = 'basic';

/**
 * HTTP Basic checked by Configuration Server ({@link CredentialsLogin}). Success opens an HTTP session (JSESSIONID
 * cookie) that later requests and CometD use; a lockout answers 429 with Retry-After.
 */
@Injectable()
export class BasicStrategy extends PassportStrategy(Strategy, BASIC_STRATEGY) {
  constructor(
    private readonly login: CredentialsLogin,
    private readonly sessions: SessionService,
  ) {
    super();
  }

  async validate(request: Request): Promise<GwsPrincipal | false> {
    const credentials = basicCredentials(request.headers.authorization);
    if (credentials === undefined) return false;
    const result = await this.login.login(credentials, request.ip ?? 'unknown', 'REST');
    switch (result.outcome) {
      case 'accepted':
        request.res?.setHeader(
          'Set-Cookie',
          sessionCookie(result.principal.sessionId, request, this.sessions.timeoutSeconds),
        );
        return result.principal;
      case 'refused':
        return false;
      case 'locked':
      case 'busy': {
        const seconds = Math.ceil(result.retryAfterMs / 1000);
        const why = result.outcome === 'locked' ? 'too many failed logins' : 'too many logins in progress';
        throw new GwsException(
          GwsStatus.NotAuthenticated,
          `Access denied: ${why}; try again in ${seconds} s`,
          HttpStatus.TOO_MANY_REQUESTS,
          { 'Retry-After': String(seconds) },
        );
      }
      case 'unavailable':
        throw new GwsException(
          GwsStatus.InternalError,
          'Configuration Server is unavailable; try again shortly',
          HttpStatus.SERVICE_UNAVAILABLE,
        );
    }
  }
}

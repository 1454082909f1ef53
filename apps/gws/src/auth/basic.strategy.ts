import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { BasicStrategy as HttpBasicStrategy } from 'passport-http';
import { GwsException } from '../common/gws.exception';
import { GwsStatus } from '../common/gws-status';
import type { GwsPrincipal } from '../sessions/gws-principal';
import { sessionCookie } from '../sessions/session-cookie';
import { SessionService } from '../sessions/session.service';
import { LOGIN_THROTTLE } from './auth.tokens';
import type { LoginThrottle } from './login-throttle';
import { AuthenticationFailure, USER_AUTHENTICATOR, type UserAuthenticator } from './user-authenticator';

export const BASIC_STRATEGY = 'basic';

/**
 * HTTP Basic checked by Configuration Server. Success opens an HTTP session (JSESSIONID cookie) that later requests
 * and CometD use. Failures are throttled per user and per address; the answer never says which part was wrong.
 */
@Injectable()
export class BasicStrategy extends PassportStrategy(HttpBasicStrategy, BASIC_STRATEGY) {
  private readonly logger = new Logger('BasicStrategy');

  constructor(
    @Inject(USER_AUTHENTICATOR) private readonly authenticator: UserAuthenticator,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
    private readonly sessions: SessionService,
  ) {
    super({ passReqToCallback: true });
  }

  async validate(request: Request, userName: string, password: string): Promise<GwsPrincipal | false> {
    const address = request.ip ?? 'unknown';
    const lockedMs = this.throttle.lockedFor(userName, address);
    if (lockedMs > 0) {
      const seconds = Math.ceil(lockedMs / 1000);
      throw new GwsException(
        GwsStatus.NotAuthenticated,
        `Access denied: too many failed logins; try again in ${seconds} s`,
        HttpStatus.TOO_MANY_REQUESTS,
        { 'Retry-After': String(seconds) },
      );
    }
    try {
      const user = await this.authenticator.authenticate(userName, password);
      this.throttle.recordSuccess(userName);
      const principal = await this.sessions.create(user);
      request.res?.setHeader('Set-Cookie', sessionCookie(principal.sessionId, request, this.sessions.timeoutSeconds));
      this.logger.log(`user ${user.userName} authenticated from ${address}`);
      return principal;
    } catch (error) {
      if (!(error instanceof AuthenticationFailure)) throw error;
      if (error.reason === 'unavailable') {
        throw new GwsException(
          GwsStatus.InternalError,
          'Configuration Server is unavailable; try again shortly',
          HttpStatus.SERVICE_UNAVAILABLE,
        );
      }
      this.throttle.recordFailure(userName, address);
      this.logger.warn(`login refused for ${userName} from ${address}: ${error.reason}`);
      return false;
    }
  }
}

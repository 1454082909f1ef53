import type { IncomingMessage } from 'node:http';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuthenticatedPrincipal, HandshakeAuthenticator } from '../notifications';
import { sessionIdFrom } from '../sessions/session-cookie';
import { SessionService } from '../sessions/session.service';
import { LOGIN_THROTTLE } from './auth.tokens';
import type { LoginThrottle } from './login-throttle';
import { AuthenticationFailure, USER_AUTHENTICATOR, type UserAuthenticator } from './user-authenticator';

/**
 * Who a CometD handshake belongs to: the live HTTP session of its JSESSIONID cookie, or else a Basic header checked
 * like a REST login (throttled, through Configuration Server), which opens a session of its own.
 */
@Injectable()
export class SessionHandshakeAuthenticator implements HandshakeAuthenticator {
  private readonly logger = new Logger('SessionHandshakeAuthenticator');

  constructor(
    private readonly sessions: SessionService,
    @Inject(USER_AUTHENTICATOR) private readonly authenticator: UserAuthenticator,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
  ) {}

  async authenticate(request: IncomingMessage): Promise<AuthenticatedPrincipal | undefined> {
    const sessionId = sessionIdFrom(request);
    if (sessionId !== undefined) {
      const principal = await this.sessions.resume(sessionId);
      if (principal !== undefined) return principal;
    }
    const credentials = basicCredentials(request.headers.authorization);
    if (credentials === undefined) return undefined;
    const address = request.socket.remoteAddress ?? 'unknown';
    if (this.throttle.lockedFor(credentials.userName, address) > 0) return undefined;
    try {
      const user = await this.authenticator.authenticate(credentials.userName, credentials.password);
      this.throttle.recordSuccess(credentials.userName);
      return await this.sessions.create(user);
    } catch (error) {
      if (!(error instanceof AuthenticationFailure)) throw error;
      if (error.reason !== 'unavailable') this.throttle.recordFailure(credentials.userName, address);
      this.logger.warn(`CometD handshake refused for ${credentials.userName}: ${error.reason}`);
      return undefined;
    }
  }
}

function basicCredentials(header: string | undefined): { userName: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { userName: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

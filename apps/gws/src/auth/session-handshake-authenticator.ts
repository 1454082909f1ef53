import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedPrincipal, HandshakeAuthenticator } from '../notifications';
import { sessionIdFrom } from '../sessions/session-cookie';
import { SessionService } from '../sessions/session.service';
import { basicCredentials } from './basic-credentials';
import { CredentialsLogin } from './credentials-login';

/**
 * Who a CometD handshake belongs to: the live HTTP session of its JSESSIONID cookie, or else a Basic header checked
 * like a REST login ({@link CredentialsLogin}: throttled, through Configuration Server), which opens a session.
 */
@Injectable()
export class SessionHandshakeAuthenticator implements HandshakeAuthenticator {
  constructor(
    private readonly sessions: SessionService,
    private readonly login: CredentialsLogin,
  ) {}

  async authenticate(request: IncomingMessage): Promise<AuthenticatedPrincipal | undefined> {
    const sessionId = sessionIdFrom(request);
    if (sessionId !== undefined) {
      const principal = await this.sessions.resume(sessionId);
      if (principal !== undefined) return principal;
    }
    const credentials = basicCredentials(request.headers.authorization);
    if (credentials === undefined) return undefined;
    const result = await this.login.login(credentials, request.socket.remoteAddress ?? 'unknown', 'CometD');
    return result.outcome === 'accepted' ? result.principal : undefined;
  }
}

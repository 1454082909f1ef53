import type { IncomingMessage } from 'node:http';
import { parse as parseCookies } from 'cookie';
import type { AuthenticatedPrincipal, HandshakeAuthenticator } from '../handshake-authenticator';

/** The session cookie name GWS uses. */
export const JSESSIONID = 'JSESSIONID';

/**
 * Test double of the session layer: a handshake is authenticated by a `JSESSIONID` cookie that
 * {@link openSession} issued and {@link invalidateSession} did not revoke, or by a Basic header of a user
 * added with {@link addUser} (that principal's `sessionId` is `basic:<userName>`).
 */
export class TestHandshakeAuthenticator implements HandshakeAuthenticator {
  private readonly sessions = new Map<string, AuthenticatedPrincipal>();
  private readonly users = new Map<string, { password: string; userId: string }>();
  private nextSession = 1;

  /** Opens an HTTP session for the user and returns its id, the JSESSIONID cookie value. */
  openSession(userId: string, userName: string): string {
    const sessionId = `test-session-${this.nextSession++}-${userId}`;
    this.sessions.set(sessionId, { userId, userName, sessionId });
    return sessionId;
  }

  invalidateSession(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  addUser(userName: string, password: string, userId: string): void {
    this.users.set(userName, { password, userId });
  }

  authenticate(request: IncomingMessage): Promise<AuthenticatedPrincipal | undefined> {
    return Promise.resolve(this.fromCookie(request) ?? this.fromBasic(request));
  }

  private fromCookie(request: IncomingMessage): AuthenticatedPrincipal | undefined {
    const sessionId = parseCookies(request.headers.cookie ?? '')[JSESSIONID];
    return sessionId === undefined ? undefined : this.sessions.get(sessionId);
  }

  private fromBasic(request: IncomingMessage): AuthenticatedPrincipal | undefined {
    const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(request.headers.authorization ?? '');
    if (!match?.[1]) return undefined;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const userName = decoded.slice(0, colon);
    const user = this.users.get(userName);
    if (!user || user.password !== decoded.slice(colon + 1)) return undefined;
    return { userId: user.userId, userName, sessionId: `basic:${userName}` };
  }
}

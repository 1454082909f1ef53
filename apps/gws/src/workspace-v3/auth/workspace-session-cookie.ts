import type { IncomingMessage } from 'node:http';
import { parse, serialize } from 'cookie';
import type { Request } from 'express';

/** The cookie the library looks for in `initialize-workspace`'s answer and sends back on every request. */
export const WORKSPACE_SESSION_COOKIE = 'WORKSPACE_SESSIONID';

/** The session id in the request's WORKSPACE_SESSIONID cookie (Express requests and plain Node ones: CometD). */
export function workspaceSessionIdFrom(request: Pick<IncomingMessage, 'headers'>): string | undefined {
  const header = request.headers.cookie;
  if (header === undefined) return undefined;
  const value = parse(header)[WORKSPACE_SESSION_COOKIE];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Path `/`, HttpOnly; `Secure` (and `SameSite=None`, for a desktop on another site) only over TLS: the library keeps
 * a Secure cookie from a plain-HTTP server but never sends it back, and its CometD handshake is then refused.
 */
export function workspaceSessionCookie(sessionId: string, request: Request): string {
  return serialize(WORKSPACE_SESSION_COOKIE, sessionId, {
    httpOnly: true,
    secure: request.secure,
    sameSite: request.secure ? 'none' : 'lax',
    path: '/',
  });
}

export function expiredWorkspaceSessionCookie(request: Request): string {
  return serialize(WORKSPACE_SESSION_COOKIE, '', { httpOnly: true, secure: request.secure, path: '/', maxAge: 0 });
}

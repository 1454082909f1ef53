import { parse, serialize } from 'cookie';
import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';

/** GWS clients look for this name (and CometD rides on it). */
export const SESSION_COOKIE = 'JSESSIONID';

/** The session id in the request's cookie header; works for Express requests and plain Node ones (CometD). */
export function sessionIdFrom(request: Pick<IncomingMessage, 'headers'>): string | undefined {
  const header = request.headers.cookie;
  if (header === undefined) return undefined;
  const value = parse(header)[SESSION_COOKIE];
  return value === undefined || value === '' ? undefined : value;
}

/** HttpOnly always; Secure when the request came over TLS (directly or through a trusted proxy). */
export function sessionCookie(sessionId: string, request: Request, maxAgeSeconds: number): string {
  return serialize(SESSION_COOKIE, sessionId, {
    httpOnly: true,
    secure: request.secure,
    sameSite: request.secure ? 'none' : 'lax',
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function expiredSessionCookie(request: Request): string {
  return serialize(SESSION_COOKIE, '', { httpOnly: true, secure: request.secure, path: '/', maxAge: 0 });
}

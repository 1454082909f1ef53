import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { SESSION_COOKIE } from '../sessions/session-cookie';

/** Set on a request one node forwards to another; a request that carries it is never forwarded again. */
export const FORWARDED_BY_HEADER = 'x-gws-forwarded-by';

/** What the node that holds the session needs of the client's request, as it came (the CSRF token included). */
const PASSED_ON = [
  'accept',
  'authorization',
  'content-type',
  'user-agent',
  'x-csrf-token',
  'x-forwarded-proto',
  'x-forwarded-host',
] as const;

/** What one node's answer says about the connection it came on, not about the answer. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'date',
]);

/** The request as it reached this node, after authentication. */
export interface ReceivedRequest {
  readonly headers: IncomingHttpHeaders;
  /** The client's address as this node's socket saw it. */
  readonly remoteAddress: string | undefined;
  /** The HTTP session the request was authenticated with (a Basic login has just opened it). */
  readonly sessionId: string;
}

/**
 * The headers of the forwarded request. The Host stays the client's, so resource URIs in the answer name the address
 * the client used; the session cookie is the one this node authenticated (the session store is shared), so a Basic
 * request does not log in a second time; X-Forwarded-For gains the client's address, as a proxy's does.
 */
export function forwardedHeaders(
  request: ReceivedRequest,
  nodeId: string,
  body: Buffer | undefined,
): OutgoingHttpHeaders {
  const headers: Record<string, string | string[] | number> = {};
  for (const name of PASSED_ON) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  if (request.headers.host !== undefined) headers.host = request.headers.host;
  headers.cookie = withSessionCookie(request.headers.cookie, request.sessionId);
  const chain = [request.headers['x-forwarded-for'], request.remoteAddress].filter((part) => part !== undefined);
  if (chain.length > 0) headers['x-forwarded-for'] = chain.join(', ');
  headers[FORWARDED_BY_HEADER] = nodeId;
  headers['content-length'] = body?.length ?? 0;
  return headers;
}

/** The client's cookies, with JSESSIONID set to `sessionId` (other cookies kept as they are). */
export function withSessionCookie(cookie: string | undefined, sessionId: string): string {
  const others = (cookie ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '' && pair.split('=', 1)[0]!.trim() !== SESSION_COOKIE);
  return [...others, `${SESSION_COOKIE}=${sessionId}`].join('; ');
}

/** The answer's headers for the client: all but those of the connection between the nodes. */
export function answerHeaders(headers: IncomingHttpHeaders): Headers {
  const answer = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) answer.append(name, item);
  }
  return answer;
}

/** A user name and password from an `Authorization: Basic` header. */
export interface BasicCredentials {
  readonly userName: string;
  readonly password: string;
}

const BASIC = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i;

/**
 * Reads `Authorization: Basic` as RFC 7617 says: the user-id ends at the first colon and the password is everything
 * after it, colons included. REST and the CometD handshake both read it here, so a password means the same on both.
 * Hand-written because passport-http cuts the password at its next colon. Undefined when absent or malformed.
 */
export function basicCredentials(header: string | undefined): BasicCredentials | undefined {
  const match = BASIC.exec(header ?? '');
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { userName: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

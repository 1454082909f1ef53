import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AuthenticatedUser } from '../../auth/user-authenticator';

/** Who a bearer token was issued to, and until when (epoch ms). */
export interface TokenClaims extends AuthenticatedUser {
  readonly clientId: string;
  readonly expiresAt: number;
}

export type TokenCheck =
  | { readonly valid: true; readonly claims: TokenClaims }
  | { readonly valid: false; readonly reason: 'malformed' | 'forged' | 'expired' };

/** The JSON a token carries, with short keys. */
interface Payload {
  readonly sub: string;
  readonly usr: string;
  readonly dbid: number;
  readonly cid: string;
  readonly exp: number;
  readonly jti: string;
}

/**
 * Bearer tokens of the Workspace API v3: the claims as base64url JSON, then an HMAC-SHA256 of them. Self-contained,
 * so any node sharing the key checks a token without a store; a token cannot be withdrawn before it expires (it only
 * opens `initialize-workspace`; the session it opens is ended by `logout`).
 */
export class BearerTokens {
  constructor(
    private readonly secret: Buffer,
    readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(user: AuthenticatedUser, clientId: string): string {
    const payload: Payload = {
      sub: user.userId,
      usr: user.userName,
      dbid: user.personDbid,
      cid: clientId,
      exp: this.now() + this.ttlSeconds * 1000,
      jti: randomBytes(9).toString('base64url'),
    };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  check(token: string): TokenCheck {
    const [body, signature, ...rest] = token.split('.');
    if (body === undefined || signature === undefined || rest.length > 0) return { valid: false, reason: 'malformed' };
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { valid: false, reason: 'forged' };
    const payload = parsePayload(body);
    if (payload === undefined) return { valid: false, reason: 'malformed' };
    if (payload.exp <= this.now()) return { valid: false, reason: 'expired' };
    return {
      valid: true,
      claims: {
        userId: payload.sub,
        userName: payload.usr,
        personDbid: payload.dbid,
        clientId: payload.cid,
        expiresAt: payload.exp,
      },
    };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

function parsePayload(body: string): Payload | undefined {
  try {
    const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<Payload> | null;
    const ok =
      typeof value?.sub === 'string' &&
      typeof value.usr === 'string' &&
      typeof value.dbid === 'number' &&
      typeof value.cid === 'string' &&
      typeof value.exp === 'number';
    return ok ? (value as Payload) : undefined;
  } catch {
    return undefined;
  }
}

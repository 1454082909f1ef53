import { createHmac } from 'node:crypto';

export interface TurnCredential {
  readonly username: string;
  readonly credential: string;
}

/**
 * A TURN REST API credential as coturn checks it with `use-auth-secret`: the user name is `<expiry>:<userId>` (Unix
 * seconds), the password the base64 HMAC-SHA1 of that name under the secret coturn shares with GWS. Nothing is
 * stored: coturn recomputes it, and refuses it once the expiry has passed.
 */
export function turnCredential(secret: string, userId: string, ttlMs: number, now: number): TurnCredential {
  const username = `${Math.floor((now + ttlMs) / 1000)}:${userId}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}

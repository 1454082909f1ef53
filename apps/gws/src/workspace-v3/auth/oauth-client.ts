import { timingSafeEqual } from 'node:crypto';
import { basicCredentials } from '../../auth/basic-credentials';

/** A configured OAuth client: who may ask for tokens. */
export interface OAuthClient {
  readonly id: string;
  readonly secret: string;
}

/**
 * The client of a token request, authenticated as RFC 6749 (2.3.1) allows: HTTP Basic `client_id:client_secret`
 * (what Genesys' clients send), or `client_id` and `client_secret` in the form. Undefined when neither matches the
 * configured client; the secret is compared in constant time and never logged.
 */
export function authenticatedClient(
  configured: OAuthClient | undefined,
  authorization: string | undefined,
  form: ReadonlyMap<string, string>,
): string | undefined {
  if (configured === undefined) return undefined;
  const basic = basicCredentials(authorization);
  const id = basic?.userName ?? form.get('client_id');
  const secret = basic?.password ?? form.get('client_secret');
  if (id === undefined || secret === undefined) return undefined;
  return id === configured.id && sameSecret(secret, configured.secret) ? id : undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

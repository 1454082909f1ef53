import { systemClock, type Clock } from '../clock';
import type { SipCredential, SipCredentialStore } from '../sip-credential-store/sip-credential-store';
import { fromPairs } from './flat-hash';
import type { RedisLink } from './redis-link';
import { issueSipCredential, revokeSipCredential } from './sip-credential.lua';

/**
 * SIP credentials in Redis, where the gateway (Kamailio) reads them at each REGISTER:
 * `<prefix>{dnmap}:sipcred:<dn>`, a hash `dn`, `userId`, `password`, `expiresAt`, with a Redis TTL to that expiry
 * so that a credential nobody refreshes disappears for the gateway too. In the DN map's `{dnmap}` slot.
 */
export class RedisSipCredentialStore implements SipCredentialStore {
  constructor(
    private readonly link: RedisLink,
    private readonly now: Clock = systemClock,
  ) {}

  async issue(dn: string, userId: string, password: string, ttlMs: number): Promise<SipCredential> {
    const now = this.now();
    const ttl = Math.max(1, Math.ceil(ttlMs));
    const flat = await issueSipCredential(this.link.client, this.key(dn), dn, userId, password, now, now + ttl, ttl);
    return toCredential(fromPairs(flat))!;
  }

  async get(dn: string): Promise<SipCredential | undefined> {
    const credential = toCredential(await this.link.client.hgetall(this.key(dn)));
    return credential !== undefined && credential.expiresAt > this.now() ? credential : undefined;
  }

  async revoke(dn: string, userId: string): Promise<boolean> {
    return (await revokeSipCredential(this.link.client, this.key(dn), userId)) === 1;
  }

  /** Nothing to close: the store made no connection of its own. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  private key(dn: string): string {
    return `${this.link.prefix}{dnmap}:sipcred:${dn}`;
  }
}

function toCredential(fields: Readonly<Record<string, string>>): SipCredential | undefined {
  const { dn, userId, password, expiresAt } = fields;
  if (dn === undefined || userId === undefined || password === undefined) return undefined;
  return { dn, userId, password, expiresAt: Number(expiresAt ?? 0) };
}

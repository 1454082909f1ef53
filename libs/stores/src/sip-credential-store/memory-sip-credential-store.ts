import { systemClock, type Clock } from '../clock';
import type { SipCredential, SipCredentialStore } from './sip-credential-store';

/** SIP credentials in this process (the embedded default, where no gateway reads them, and tests). */
export class MemorySipCredentialStore implements SipCredentialStore {
  private readonly credentials = new Map<string, SipCredential>();

  constructor(private readonly now: Clock = systemClock) {}

  issue(dn: string, userId: string, password: string, ttlMs: number): Promise<SipCredential> {
    const current = this.live(dn);
    const kept = current?.userId === userId ? current.password : password;
    const credential: SipCredential = { dn, userId, password: kept, expiresAt: this.now() + ttlMs };
    this.credentials.set(dn, credential);
    return Promise.resolve({ ...credential });
  }

  get(dn: string): Promise<SipCredential | undefined> {
    const credential = this.live(dn);
    return Promise.resolve(credential === undefined ? undefined : { ...credential });
  }

  revoke(dn: string, userId: string): Promise<boolean> {
    if (this.live(dn)?.userId !== userId) return Promise.resolve(false);
    this.credentials.delete(dn);
    return Promise.resolve(true);
  }

  close(): Promise<void> {
    this.credentials.clear();
    return Promise.resolve();
  }

  private live(dn: string): SipCredential | undefined {
    const credential = this.credentials.get(dn);
    if (credential !== undefined && credential.expiresAt <= this.now()) {
      this.credentials.delete(dn);
      return undefined;
    }
    return credential;
  }
}

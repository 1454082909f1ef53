/**
 * The SIP credential GWS issues for a DN held in a contact-center session: the WebRTC gateway accepts a REGISTER
 * for the DN only with this password, and only while it exists (docs/sip-gateway.md).
 */
export interface SipCredential {
  readonly dn: string;
  readonly userId: string;
  readonly password: string;
  /** When the credential lapses unless issued again (ms since the epoch, the store's clock). */
  readonly expiresAt: number;
}

export interface SipCredentialStore {
  /**
   * The DN's credential for `userId`, alive `ttlMs` from now: the same password while it lives (a second browser,
   * a refresh), a new one when there was none, it expired, or it was another user's. `password` is what a new
   * credential gets (a random secret the caller draws).
   */
  issue(dn: string, userId: string, password: string, ttlMs: number): Promise<SipCredential>;
  /** The DN's credential while it lives. */
  get(dn: string): Promise<SipCredential | undefined>;
  /** Removes the DN's credential if it is `userId`'s: the gateway refuses the next REGISTER at once. */
  revoke(dn: string, userId: string): Promise<boolean>;
  close(): Promise<void>;
}

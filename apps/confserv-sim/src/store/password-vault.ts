import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Person passwords, held only as scrypt hashes with a per-person salt, so neither a heap dump nor a log line ever
 * shows one in plain text. The cost is deliberately low (N = 2^8, r = 8: about 0.5 ms and 256 KiB per hash):
 * this is a simulator that loads thousands of persons at start, not the store that protects real credentials.
 */
export const DEFAULT_SCRYPT_COST = 256;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

interface Hashed {
  readonly salt: Buffer;
  readonly hash: Buffer;
}

export class PasswordVault {
  private readonly hashes = new Map<number, Hashed>();

  constructor(private readonly cost = DEFAULT_SCRYPT_COST) {}

  /** Hashes and stores `password` for the person; an empty password is stored as such (and always refused). */
  async set(personDbid: number, password: string): Promise<void> {
    const salt = randomBytes(SALT_BYTES);
    this.hashes.set(personDbid, { salt, hash: await this.derive(password, salt) });
  }

  delete(personDbid: number): void {
    this.hashes.delete(personDbid);
  }

  /** Constant-time comparison against the stored hash; false when the person has none. */
  async verify(personDbid: number, password: string): Promise<boolean> {
    const stored = this.hashes.get(personDbid);
    if (stored === undefined) return false;
    return timingSafeEqual(stored.hash, await this.derive(password, stored.salt));
  }

  private derive(password: string, salt: Buffer): Promise<Buffer> {
    return new Promise((resolve, reject) =>
      scrypt(password, salt, KEY_BYTES, { N: this.cost, r: 8, p: 1 }, (error, key) =>
        error ? reject(error) : resolve(key),
      ),
    );
  }
}

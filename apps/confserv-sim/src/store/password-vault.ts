import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Person passwords, held only as scrypt hashes with a per-person salt, so neither a heap dump nor a log line ever
 * shows one in plain text. The cost is deliberately low (N = 2^8, r = 8: about 0.5 ms and 256 KiB per hash):
 * this is a simulator that loads thousands of persons at start, not the store that protects real credentials.
 */
export const DEFAULT_SCRYPT_COST = 256;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

/** Derives the stored key from a secret and a salt. The vault hands it a fixed-length secret (see `secretOf`). */
export type PasswordHasher = (secret: Buffer, salt: Buffer) => Promise<Buffer>;

/** scrypt with N = `cost`, r = 8, p = 1 and a 32-byte key. */
export function scryptHasher(cost = DEFAULT_SCRYPT_COST): PasswordHasher {
  return (secret, salt) =>
    new Promise((resolve, reject) =>
      scrypt(secret, salt, KEY_BYTES, { N: cost, r: 8, p: 1 }, (error, key) => (error ? reject(error) : resolve(key))),
    );
}

/**
 * What is hashed for a password: SHA-256 of its exact UTF-8 bytes. scrypt uses the password as an HMAC-SHA-256 key,
 * and HMAC pads a key shorter than 64 bytes with zero bytes (and replaces a longer one by its SHA-256), so scrypt
 * alone gives `password` and `password\0` the same hash. A fixed-length input has no such twins.
 */
function secretOf(password: string): Buffer {
  return createHash('sha256').update(Buffer.from(password, 'utf8')).digest();
}

interface Hashed {
  readonly salt: Buffer;
  readonly hash: Buffer;
}

export class PasswordVault {
  private readonly hashes = new Map<number, Hashed>();
  /** Hashed against when there is no stored hash, so that "no such person" costs what "wrong password" costs. */
  private readonly dummy: Hashed = { salt: randomBytes(SALT_BYTES), hash: randomBytes(KEY_BYTES) };

  /** @param hasher scrypt by default; tests pass one that counts its calls. */
  constructor(private readonly hasher: PasswordHasher = scryptHasher()) {}

  /** Hashes and stores `password` for the person; an empty password is stored as such (and always refused). */
  async set(personDbid: number, password: string): Promise<void> {
    const salt = randomBytes(SALT_BYTES);
    this.hashes.set(personDbid, { salt, hash: await this.hasher(secretOf(password), salt) });
  }

  delete(personDbid: number): void {
    this.hashes.delete(personDbid);
  }

  /**
   * Constant-time comparison against the stored hash. For an unknown person (`undefined`) or one without a password,
   * a dummy is hashed and compared all the same, then false is answered: every path does one hash.
   */
  async verify(personDbid: number | undefined, password: string): Promise<boolean> {
    const stored = personDbid === undefined ? undefined : this.hashes.get(personDbid);
    const against = stored ?? this.dummy;
    const derived = await this.hasher(secretOf(password), against.salt);
    const equal = derived.length === against.hash.length && timingSafeEqual(derived, against.hash);
    return stored !== undefined && equal;
  }
}

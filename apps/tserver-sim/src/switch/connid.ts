import { randomBytes } from 'node:crypto';
import { toConnId, type ConnId } from '@gws/tlib';

const UUID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const UUID_LENGTH = 32;

/**
 * Call identities. ConnIDs are 64 bits: the switch start time (seconds) in the high half and a counter in the low
 * half, so ConnIDs stay unique across simulator restarts, as a client that survived a restart expects.
 */
export class CallIdGenerator {
  private counter = 0;
  private readonly high: bigint;

  constructor(startMillis: number) {
    this.high = BigInt(Math.floor(startMillis / 1000) >>> 0) << 32n;
  }

  nextConnId(): ConnId {
    this.counter = this.counter >= 0xffffffff ? 1 : this.counter + 1;
    return toConnId(this.high | BigInt(this.counter));
  }

  /** 32 characters of [0-9A-Z], like SIP Server's CallUUID. */
  nextCallUuid(): string {
    return Array.from(randomBytes(UUID_LENGTH), (byte) => UUID_ALPHABET[byte % UUID_ALPHABET.length]).join('');
  }
}

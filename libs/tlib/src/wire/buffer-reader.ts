import { TlibProtocolError } from '../errors/protocol.error';

const HEX_PAIRS: readonly string[] = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const SHORT_STRING = 48;

/** Bounds-checked reads over `[offset, end)` of a buffer; running past `end` is a protocol error, never a RangeError. */
export class BufferReader {
  constructor(
    readonly buffer: Buffer,
    public offset: number,
    public end: number,
  ) {}

  get remaining(): number {
    return this.end - this.offset;
  }

  u8(): number {
    this.need(1, 'u8');
    return this.buffer[this.offset++]!;
  }

  u16(): number {
    this.need(2, 'u16');
    const value = this.buffer.readUInt16BE(this.offset);
    this.offset += 2;
    return value;
  }

  u32(): number {
    this.need(4, 'u32');
    const value = this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  i32(): number {
    this.need(4, 'i32');
    const value = this.buffer.readInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  u64(field: string): number {
    this.need(8, field);
    const value = this.buffer.readUInt32BE(this.offset) * 0x100000000 + this.buffer.readUInt32BE(this.offset + 4);
    if (!Number.isSafeInteger(value)) {
      throw new TlibProtocolError('VALUE_OUT_OF_RANGE', `${field}: 64-bit value above 2^53 is not supported`);
    }
    this.offset += 8;
    return value;
  }

  hex64(): string {
    this.need(8, 'ConnID');
    const buffer = this.buffer;
    const at = this.offset;
    this.offset += 8;
    return (
      HEX_PAIRS[buffer[at]!]! +
      HEX_PAIRS[buffer[at + 1]!]! +
      HEX_PAIRS[buffer[at + 2]!]! +
      HEX_PAIRS[buffer[at + 3]!]! +
      HEX_PAIRS[buffer[at + 4]!]! +
      HEX_PAIRS[buffer[at + 5]!]! +
      HEX_PAIRS[buffer[at + 6]!]! +
      HEX_PAIRS[buffer[at + 7]!]!
    );
  }

  utf8(length: number, field: string): string {
    this.need(length, field);
    const buffer = this.buffer;
    const start = this.offset;
    const end = start + length;
    this.offset = end;
    if (length < SHORT_STRING) {
      let result = '';
      for (let at = start; at < end; at++) {
        const code = buffer[at]!;
        if (code >= 0x80) return buffer.toString('utf8', start, end);
        result += String.fromCharCode(code);
      }
      return result;
    }
    return buffer.toString('utf8', start, end);
  }

  /** A copy: the decoder's buffer is reused once the frame is handed out. */
  bytes(length: number, field: string): Uint8Array {
    this.need(length, field);
    const copy = new Uint8Array(length);
    copy.set(this.buffer.subarray(this.offset, this.offset + length));
    this.offset += length;
    return copy;
  }

  need(bytes: number, field: string): void {
    if (this.offset + bytes > this.end) {
      throw new TlibProtocolError(
        'TRUNCATED',
        `${field}: needs ${bytes} bytes at offset ${this.offset}, only ${this.end - this.offset} left`,
      );
    }
  }
}

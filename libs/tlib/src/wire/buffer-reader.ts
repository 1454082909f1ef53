import { TlibProtocolError } from '../errors/protocol.error';
import { connIdText } from './connid-text';
import { decodeShortUtf8 } from './short-utf8';
import { StringCache } from './string-cache';

/* Module-local copies of imported bindings: loaders such as tsx turn those into getter calls, seen in profiles. */
const decodeShort = decodeShortUtf8;
const connId = connIdText;

/**
 * Strings and byte values shorter than this are decoded or copied by a JS loop: T-Lib values are mostly a few bytes
 * long, and for those a call into C++ (`buffer.toString`, `subarray`) costs more than the work itself.
 */
const SHORT_RUN = 48;

/** Shared by every reader: decoding is synchronous, and the strings worth caching are the same on every link. */
const strings = new StringCache(4096, 32);

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
    const buffer = this.buffer;
    const at = this.offset;
    this.offset = at + 2;
    return (buffer[at]! << 8) | buffer[at + 1]!;
  }

  u32(): number {
    this.need(4, 'u32');
    const buffer = this.buffer;
    const at = this.offset;
    this.offset = at + 4;
    return buffer[at]! * 0x1000000 + ((buffer[at + 1]! << 16) | (buffer[at + 2]! << 8) | buffer[at + 3]!);
  }

  i32(): number {
    this.need(4, 'i32');
    const buffer = this.buffer;
    const at = this.offset;
    this.offset = at + 4;
    return (buffer[at]! << 24) | (buffer[at + 1]! << 16) | (buffer[at + 2]! << 8) | buffer[at + 3]!;
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
    const at = this.offset;
    this.offset = at + 8;
    return connId(this.buffer, at);
  }

  /** Invalid UTF-8 decodes to U+FFFD, as `buffer.toString('utf8')` does. */
  utf8(length: number, field: string): string {
    this.need(length, field);
    const start = this.offset;
    const end = start + length;
    this.offset = end;
    if (length <= strings.maxBytes) return strings.get(this.buffer, start, end);
    return length < SHORT_RUN ? decodeShort(this.buffer, start, end) : this.buffer.toString('utf8', start, end);
  }

  /** A copy: the decoder's buffer is reused once the frame is handed out. */
  bytes(length: number, field: string): Uint8Array {
    this.need(length, field);
    const buffer = this.buffer;
    const start = this.offset;
    const copy = new Uint8Array(length);
    if (length < SHORT_RUN) {
      for (let index = 0; index < length; index++) copy[index] = buffer[start + index]!;
    } else {
      copy.set(buffer.subarray(start, start + length));
    }
    this.offset = start + length;
    return copy;
  }

  need(bytes: number, field: string): void {
    if (this.offset + bytes > this.end) this.truncated(bytes, field);
  }

  /** Kept out of `need`, which is then small enough to be inlined into every read. */
  private truncated(bytes: number, field: string): never {
    throw new TlibProtocolError(
      'TRUNCATED',
      `${field}: needs ${bytes} bytes at offset ${this.offset}, only ${this.end - this.offset} left`,
    );
  }
}

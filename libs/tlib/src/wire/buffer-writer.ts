import { InvalidValueError } from '../errors/invalid-value.error';

const HEX_VALUES: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let digit = 0; digit < 16; digit++) {
    table['0123456789abcdef'.charCodeAt(digit)] = digit;
    table['0123456789ABCDEF'.charCodeAt(digit)] = digit;
  }
  return table;
})();

/** Strings shorter than this are written by a JS loop when they are ASCII: cheaper than a call into C++. */
const SHORT_STRING = 48;

/**
 * One growing buffer for encoding: callers reserve a length field, write, then patch it. `finish` hands the bytes
 * over and starts a fresh buffer, so returned frames are never overwritten.
 */
export class BufferWriter {
  private buffer: Buffer;
  private offset = 0;

  constructor(private readonly initialBytes = 512) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  get length(): number {
    return this.offset;
  }

  u8(value: number): void {
    this.ensure(1);
    this.buffer[this.offset++] = value;
  }

  u16(value: number): void {
    this.ensure(2);
    this.buffer.writeUInt16BE(value, this.offset);
    this.offset += 2;
  }

  u32(value: number): void {
    this.ensure(4);
    this.buffer.writeUInt32BE(value, this.offset);
    this.offset += 4;
  }

  i32(value: number): void {
    this.ensure(4);
    this.buffer.writeInt32BE(value, this.offset);
    this.offset += 4;
  }

  /** A non-negative safe integer as 8 bytes. */
  u64(value: number): void {
    this.ensure(8);
    this.buffer.writeUInt32BE(Math.floor(value / 0x100000000), this.offset);
    this.buffer.writeUInt32BE(value >>> 0, this.offset + 4);
    this.offset += 8;
  }

  /** 16 hex digits as 8 bytes; the caller has validated the digits. */
  hex64(value: string): void {
    this.ensure(8);
    const buffer = this.buffer;
    let at = this.offset;
    for (let index = 0; index < 16; index += 2) {
      const high = HEX_VALUES[value.charCodeAt(index)] ?? -1;
      const low = HEX_VALUES[value.charCodeAt(index + 1)] ?? -1;
      if (high < 0 || low < 0) throw new InvalidValueError('ConnID', value, 'expected 16 hex digits');
      buffer[at++] = (high << 4) | low;
    }
    this.offset = at;
  }

  bytes(value: Uint8Array): void {
    this.ensure(value.byteLength);
    this.buffer.set(value, this.offset);
    this.offset += value.byteLength;
  }

  /** UTF-8 bytes with no length prefix; returns how many were written. */
  utf8(value: string): number {
    const length = value.length;
    this.ensure(length * 3);
    const buffer = this.buffer;
    const start = this.offset;
    if (length < SHORT_STRING) {
      let at = start;
      let index = 0;
      for (; index < length; index++) {
        const code = value.charCodeAt(index);
        if (code >= 0x80) break;
        buffer[at++] = code;
      }
      if (index === length) {
        this.offset = at;
        return length;
      }
    }
    const written = buffer.write(value, start, 'utf8');
    this.offset = start + written;
    return written;
  }

  /** Reserves `bytes` bytes to patch later; returns their offset. */
  reserve(bytes: number): number {
    this.ensure(bytes);
    const at = this.offset;
    this.offset += bytes;
    return at;
  }

  patchU16(at: number, value: number): void {
    this.buffer.writeUInt16BE(value, at);
  }

  patchU32(at: number, value: number): void {
    this.buffer.writeUInt32BE(value, at);
  }

  /** Returns the bytes written so far and starts a new buffer. */
  finish(): Buffer {
    const result = this.buffer.subarray(0, this.offset);
    this.buffer = Buffer.allocUnsafe(Math.max(this.initialBytes, this.offset));
    this.offset = 0;
    return result;
  }

  /** Drops what was written, keeping the buffer (after an encoding error). */
  reset(): void {
    this.offset = 0;
  }

  private ensure(bytes: number): void {
    const needed = this.offset + bytes;
    if (needed <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < needed) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.buffer.copy(grown, 0, 0, this.offset);
    this.buffer = grown;
  }
}

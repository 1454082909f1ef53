import { encodeShortUtf8 } from './short-utf8';

/** Lower-case hex digit -> value, -1 for anything else (ConnIDs are written in lower case only). */
const HEX_VALUES: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let digit = 0; digit < 16; digit++) table['0123456789abcdef'.charCodeAt(digit)] = digit;
  return table;
})();

/** Strings shorter than this are encoded by a JS loop: cheaper than a call into C++ for T-Lib's short values. */
const SHORT_STRING = 48;

/** Frames are carved out of chunks of this size, the way Node pools small Buffers: one allocation per chunk. */
const CHUNK_BYTES = 16 * 1024;

/**
 * Encodes into a growing buffer: callers reserve a length field, write, then patch it. `finish` hands the bytes
 * of the current frame over as a view and starts the next frame after them, so returned frames are never
 * overwritten and small frames cost no allocation of their own. `length` and `reserve` count from the start of the
 * current frame.
 */
export class BufferWriter {
  private buffer: Buffer;
  /** Start of the frame being written. */
  private start = 0;
  private offset = 0;

  constructor(private readonly chunkBytes = CHUNK_BYTES) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
  }

  get length(): number {
    return this.offset - this.start;
  }

  u8(value: number): void {
    this.ensure(1);
    this.buffer[this.offset++] = value;
  }

  u16(value: number): void {
    this.ensure(2);
    this.put16(this.offset, value);
    this.offset += 2;
  }

  u32(value: number): void {
    this.ensure(4);
    this.put32(this.offset, value);
    this.offset += 4;
  }

  /** Two's complement: the same bytes as an unsigned write of `value >>> 0`. */
  i32(value: number): void {
    this.u32(value >>> 0);
  }

  /** A non-negative safe integer as 8 bytes. */
  u64(value: number): void {
    this.ensure(8);
    this.put32(this.offset, Math.floor(value / 0x100000000));
    this.put32(this.offset + 4, value >>> 0);
    this.offset += 8;
  }

  /** 16 lower-case hex digits as 8 bytes; returns false (having written garbage) if `value` is not that. */
  hex64(value: string): boolean {
    if (value.length !== 16) return false;
    this.ensure(8);
    const buffer = this.buffer;
    let at = this.offset;
    for (let index = 0; index < 16; index += 2) {
      const high = HEX_VALUES[value.charCodeAt(index)] ?? -1;
      const low = HEX_VALUES[value.charCodeAt(index + 1)] ?? -1;
      if (high < 0 || low < 0) return false;
      buffer[at++] = (high << 4) | low;
    }
    this.offset = at;
    return true;
  }

  bytes(value: Uint8Array): void {
    const length = value.byteLength;
    this.ensure(length);
    if (length < SHORT_STRING) {
      const buffer = this.buffer;
      const at = this.offset;
      for (let index = 0; index < length; index++) buffer[at + index] = value[index]!;
    } else {
      this.buffer.set(value, this.offset);
    }
    this.offset += length;
  }

  /** UTF-8 bytes with no length prefix; returns how many were written. */
  utf8(value: string): number {
    this.ensure(value.length * 3);
    const start = this.offset;
    const written =
      value.length < SHORT_STRING
        ? encodeShortUtf8(value, this.buffer, start)
        : this.buffer.write(value, start, 'utf8');
    this.offset = start + written;
    return written;
  }

  /** Reserves `bytes` bytes to patch later; returns their position in the frame (it survives a move). */
  reserve(bytes: number): number {
    this.ensure(bytes);
    const at = this.offset - this.start;
    this.offset += bytes;
    return at;
  }

  patchU16(at: number, value: number): void {
    this.put16(this.start + at, value);
  }

  patchU32(at: number, value: number): void {
    this.put32(this.start + at, value);
  }

  /** Returns the current frame's bytes (a view that is never written again) and starts the next frame. */
  finish(): Buffer {
    const frame = this.buffer.subarray(this.start, this.offset);
    if (this.buffer.length - this.offset < this.chunkBytes >>> 3) {
      this.buffer = Buffer.allocUnsafe(this.chunkBytes);
      this.offset = 0;
    }
    this.start = this.offset;
    return frame;
  }

  /** Drops the current frame (after an encoding error). */
  reset(): void {
    this.offset = this.start;
  }

  private put16(at: number, value: number): void {
    const buffer = this.buffer;
    buffer[at] = value >>> 8;
    buffer[at + 1] = value;
  }

  private put32(at: number, value: number): void {
    const buffer = this.buffer;
    buffer[at] = value >>> 24;
    buffer[at + 1] = value >>> 16;
    buffer[at + 2] = value >>> 8;
    buffer[at + 3] = value;
  }

  /** Moves the current frame to a bigger buffer when it outgrows this one. */
  private ensure(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    const frameBytes = this.offset - this.start;
    let size = this.chunkBytes;
    while (size < frameBytes + bytes) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.buffer.copy(grown, 0, this.start, this.offset);
    this.buffer = grown;
    this.start = 0;
    this.offset = frameBytes;
  }
}

import { decodeShortUtf8 } from './short-utf8';

/**
 * A direct-mapped cache of short decoded strings, keyed by their bytes. T-Lib traffic repeats the same few strings
 * (KVList keys, DNs, queue names) in every event; comparing a dozen bytes is several times cheaper than building a
 * new string, and repeated values then share one string. A miss costs one hash and the decode it would cost anyway.
 * The cache is exact: an entry is used only when every byte matches.
 */
export class StringCache {
  private readonly lengths: Uint8Array;
  private readonly bytes: Uint8Array;
  private readonly values: string[];
  private readonly mask: number;

  /**
   * @param slots a power of two
   * @param maxBytes longest string cached; longer ones are decoded every time
   */
  constructor(
    slots: number,
    readonly maxBytes: number,
  ) {
    this.mask = slots - 1;
    this.lengths = new Uint8Array(slots);
    this.bytes = new Uint8Array(slots * maxBytes);
    this.values = new Array<string>(slots).fill('');
  }

  /** The string for `buffer[start, end)`, at most `maxBytes` long. */
  get(buffer: Buffer, start: number, end: number): string {
    const length = end - start;
    // Length and four sampled bytes (all of them for DN-sized strings). A collision only costs a miss, and ids that
    // differ only between the samples (one call's UUID vs the next) then evict each other rather than the keys and
    // DNs that repeat: measured faster than hashing every byte or the last eight, for repeated and fresh strings.
    const last = end - 1;
    const hash =
      length === 0
        ? 0
        : length * 0x01000193 +
          buffer[start]! * 0x1f1f1f +
          buffer[start + (length >> 2)]! * 0x3d3d +
          buffer[start + (length >> 1)]! * 0x7b +
          buffer[last]!;
    const slot = (hash ^ (hash >>> 12)) & this.mask;
    const stored = slot * this.maxBytes;
    const bytes = this.bytes;
    if (this.lengths[slot] === length) {
      let index = 0;
      while (index < length && bytes[stored + index] === buffer[start + index]) index++;
      if (index === length) return this.values[slot]!;
    }
    const value = decodeShortUtf8(buffer, start, end);
    this.lengths[slot] = length;
    for (let index = 0; index < length; index++) bytes[stored + index] = buffer[start + index]!;
    this.values[slot] = value;
    return value;
  }
}

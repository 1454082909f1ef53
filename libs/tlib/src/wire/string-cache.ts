import { decodeShortUtf8 } from './short-utf8';

/* A module-local copy of an imported binding: loaders such as tsx turn those into getter calls, seen in profiles. */
const decodeShort = decodeShortUtf8;

/**
 * A direct-mapped cache of short decoded strings, keyed by their bytes. T-Lib traffic repeats the same few strings
 * (KVList keys, DNs, queue names) in every event; comparing a dozen bytes is several times cheaper than building a
 * new string, and repeated values then share one string. A miss costs one hash and the decode it would cost anyway.
 * The cache is exact: an entry is used only when every byte matches.
 */
export class StringCache {
  private readonly lengths: Uint8Array;
  /** Each slot's bytes as little-endian 32-bit words, the last one zero-padded. */
  private readonly words: Int32Array;
  private readonly values: string[];
  private readonly mask: number;
  private readonly slotWords: number;

  /**
   * @param slots a power of two
   * @param maxBytes longest string cached; longer ones are decoded every time
   */
  constructor(
    slots: number,
    readonly maxBytes: number,
  ) {
    this.mask = slots - 1;
    this.slotWords = Math.ceil(maxBytes / 4);
    this.lengths = new Uint8Array(slots);
    this.words = new Int32Array(slots * this.slotWords);
    this.values = new Array<string>(slots).fill('');
  }

  /** The string for `buffer[start, end)`, at most `maxBytes` long. */
  get(buffer: Buffer, start: number, end: number): string {
    const length = end - start;
    // Length and four sampled bytes (all of them for DN-sized strings). A collision only costs a miss, and ids that
    // differ only between the samples (one call's UUID vs the next) then evict each other rather than the keys and
    // DNs that repeat: measured faster than hashing every byte or the last eight, for repeated and fresh strings.
    // In 32-bit integer arithmetic: the same slots as the exact sum taken modulo 2^32, without going through doubles.
    const hash =
      length === 0
        ? 0
        : (Math.imul(length, 0x01000193) +
            buffer[start]! * 0x1f1f1f +
            buffer[start + (length >> 2)]! * 0x3d3d +
            buffer[start + (length >> 1)]! * 0x7b +
            buffer[end - 1]!) |
          0;
    const slot = (hash ^ (hash >>> 12)) & this.mask;
    const first = slot * this.slotWords;
    const words = this.words;
    // A hit compares every byte, four at a step: a quarter of the compares and branches of byte by byte.
    if (this.lengths[slot] === length) {
      let word = first;
      let at = start;
      while (at < end && words[word] === wordAt(buffer, at, end)) {
        word++;
        at += 4;
      }
      if (at >= end) return this.values[slot]!;
    }
    const value = decodeShort(buffer, start, end);
    this.lengths[slot] = length;
    for (let word = first, at = start; at < end; word++, at += 4) words[word] = wordAt(buffer, at, end);
    this.values[slot] = value;
    return value;
  }
}

/** `buffer[at, at + 4)` little-endian, bytes from `end` on read as zero. */
function wordAt(buffer: Buffer, at: number, end: number): number {
  if (at + 4 <= end) return buffer[at]! | (buffer[at + 1]! << 8) | (buffer[at + 2]! << 16) | (buffer[at + 3]! << 24);
  let word = 0;
  for (let shift = 0; at < end; at++, shift += 8) word |= buffer[at]! << shift;
  return word;
}

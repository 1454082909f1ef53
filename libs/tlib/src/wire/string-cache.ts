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
  private readonly bytes: Uint8Array;
  /** `bytes` read four at a time. */
  private readonly words: DataView;
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
    this.words = new DataView(this.bytes.buffer);
    this.values = new Array<string>(slots).fill('');
  }

  /** The string for `buffer[start, end)`, at most `maxBytes` long; `view` is a DataView of all of `buffer`. */
  get(buffer: Buffer, start: number, end: number, view: DataView = viewOf(buffer)): string {
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
      // Four bytes a step, then the rest one by one: a hit compares every byte, and this halves the cost of that.
      // Both sides are read little-endian through DataViews, so the platform's byte order does not matter.
      const words = this.words;
      let index = 0;
      while (index + 4 <= length && view.getInt32(start + index, true) === words.getInt32(stored + index, true)) {
        index += 4;
      }
      while (index < length && bytes[stored + index] === buffer[start + index]) index++;
      if (index === length) return this.values[slot]!;
    }
    const value = decodeShort(buffer, start, end);
    this.lengths[slot] = length;
    for (let index = 0; index < length; index++) bytes[stored + index] = buffer[start + index]!;
    this.values[slot] = value;
    return value;
  }
}

let viewed: Buffer | undefined;
let lastView: DataView | undefined;

/**
 * A DataView of all of `buffer`. Building one is a call into C++, so the last one is kept: a decoder reads many
 * strings of one chunk or of its own buffer in a row. This holds on to that one buffer until another is read.
 */
export function viewOf(buffer: Buffer): DataView {
  if (buffer !== viewed || lastView === undefined) {
    lastView = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    viewed = buffer;
  }
  return lastView;
}

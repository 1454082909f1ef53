import { KVType } from '../values/kvlist';
import { KV_PAIR_MIN_BYTES, MAX_KVLIST_DEPTH } from './wire-profile';

/* Module-local copies of imported bindings: loaders such as tsx turn those into getter calls, seen in profiles. */
const KV_INT = KVType.Int;
const KV_LIST = KVType.List;
const KV_UNICODE = KVType.Unicode;
const PAIR_MIN_BYTES = KV_PAIR_MIN_BYTES;
const MAX_DEPTH = MAX_KVLIST_DEPTH;

/**
 * Where the KVList at `buffer[start]` ends if `readKVList` would read it at `depth` within `[start, end)` without
 * error, else -1. It walks the same lengths, kinds and depth without decoding a key or value, so a decoder can check
 * a list up front and build its pairs later. It only answers yes or no: on no, the decoder reads the list eagerly,
 * which raises the error with its usual code and message.
 */
export function scanKVList(buffer: Buffer, start: number, end: number, depth: number): number {
  if (depth > MAX_DEPTH || end - start < 4) return -1;
  let at = start;
  const count = buffer[at]! * 0x1000000 + ((buffer[at + 1]! << 16) | (buffer[at + 2]! << 8) | buffer[at + 3]!);
  at += 4;
  if (count * PAIR_MIN_BYTES > end - at) return -1;
  for (let index = 0; index < count; index++) {
    // Every pair takes its key, a kind byte and four bytes (an Int, or the length of the rest): one check for all.
    if (end - at < PAIR_MIN_BYTES) return -1;
    const keyBytes = (buffer[at]! << 8) | buffer[at + 1]!;
    at += 2 + keyBytes;
    if (end - at < 5) return -1;
    const kind = buffer[at]!;
    at += 5;
    if (kind === KV_INT) continue;
    if (kind > KV_UNICODE) return -1;
    // As an int32: a length of 2^31 or more comes out negative, and is as much too long as the check below says.
    const length = (buffer[at - 4]! << 24) | (buffer[at - 3]! << 16) | (buffer[at - 2]! << 8) | buffer[at - 1]!;
    if (length < 0 || length > end - at) return -1;
    if (kind === KV_LIST && scanKVList(buffer, at, at + length, depth + 1) !== at + length) return -1;
    at += length;
  }
  return at;
}

import { KVList } from '../values/kvlist';
import { BufferReader } from './buffer-reader';
import { readKVList } from './kvlist-codec';
import { scanKVList } from './kvlist-scan';

/* Module-local copies of imported bindings: loaders such as tsx turn those into getter calls, seen in profiles. */
const List = KVList;
const scan = scanKVList;
const readList = readKVList;

/**
 * A `kvlist` value checked now and read on first use, or undefined when `buffer[start, end)` is not one whole
 * well-formed list (the caller then reads it eagerly, which raises the protocol error).
 *
 * The bytes are kept as a latin1 string, one character per byte: the decoder's buffer is reused after the frame,
 * so they must be copied, and a string is the cheapest exact-size copy on the JS heap (a pooled Buffer slice would
 * keep its whole 8 KiB pool alive for as long as the list lives unread).
 */
export function deferKVList(buffer: Buffer, start: number, end: number): KVList | undefined {
  if (scan(buffer, start, end, 1) !== end) return undefined;
  return List.deferred(buffer.toString('latin1', start, end), readPacked);
}

/** Lists up to this size are read back through one reused buffer; larger ones get their own. */
const SCRATCH_BYTES = 16 * 1024;
const scratch = Buffer.allocUnsafe(SCRATCH_BYTES);

/**
 * The pairs of a list `deferKVList` checked. Reading is synchronous and copies every key and value out of the
 * bytes (strings are new, binaries copied, nested lists built now), so one scratch buffer serves every list.
 */
function readPacked(packed: string): KVList {
  const length = packed.length;
  if (length > SCRATCH_BYTES) return readList(new BufferReader(Buffer.from(packed, 'latin1'), 0, length), 'KVList');
  scratch.write(packed, 0, length, 'latin1');
  return readList(new BufferReader(scratch, 0, length), 'KVList');
}

import { KVList } from '../values/kvlist';
import { BufferReader } from './buffer-reader';
import { readKVList } from './kvlist-codec';
import { scanKVList } from './kvlist-scan';

/* Module-local copies of imported bindings: loaders such as tsx turn those into getter calls, seen in profiles. */
const List = KVList;
const scan = scanKVList;
const readList = readKVList;

/**
 * Where a deferred list's bytes are: `buffer[start, end)` while its message is being handled (the decoder's buffer
 * or the caller's chunk, both still as they were), then `packed`, a copy made by `detachKVLists`.
 */
class ListBytes {
  packed: string | undefined = undefined;

  constructor(
    public buffer: Buffer | undefined,
    readonly start: number,
    readonly end: number,
  ) {}
}

/** The lists handed out with the message being handled, `attached[0, attachedCount)`: they may point into its buffer. */
const attached: (ListBytes | undefined)[] = [];
let attachedCount = 0;

/**
 * A `kvlist` value checked now and read on first use, or undefined when `buffer[start, end)` is not one whole
 * well-formed list (the caller then reads it eagerly, which raises the protocol error). The list reads the buffer in
 * place until `detachKVLists` runs, which the frame decoder calls as soon as the message handler returns.
 */
export function deferKVList(buffer: Buffer, start: number, end: number): KVList | undefined {
  if (scan(buffer, start, end, 1) !== end) return undefined;
  const bytes = new ListBytes(buffer, start, end);
  attached[attachedCount++] = bytes;
  return List.deferred(bytes, readListBytes);
}

/**
 * Copies out the bytes of every list handed out since the last call and not read yet: the decoder is about to
 * reuse its buffer, and the caller its chunk. A handler that reads the user data it is given never pays for a copy.
 *
 * The copy is a latin1 string, one character per byte: the cheapest exact-size copy on the JS heap (a pooled Buffer
 * slice would keep its whole 8 KiB pool alive for as long as the list lives unread).
 */
export function detachKVLists(): void {
  for (let index = 0; index < attachedCount; index++) {
    const bytes = attached[index]!;
    attached[index] = undefined;
    const buffer = bytes.buffer;
    if (buffer === undefined) continue;
    bytes.packed = buffer.toString('latin1', bytes.start, bytes.end);
    bytes.buffer = undefined;
  }
  attachedCount = 0;
}

/** Lists up to this size are read back through one reused buffer; larger ones get their own. */
const SCRATCH_BYTES = 16 * 1024;
const scratch = Buffer.allocUnsafe(SCRATCH_BYTES);

/**
 * The pairs of a list `deferKVList` checked. Reading is synchronous and copies every key and value out of the
 * bytes (strings are new, binaries copied, nested lists built now), so one scratch buffer serves every copied list.
 */
function readListBytes(bytes: ListBytes): KVList {
  const buffer = bytes.buffer;
  if (buffer !== undefined) {
    bytes.buffer = undefined;
    return readList(new BufferReader(buffer, bytes.start, bytes.end), 'KVList');
  }
  const packed = bytes.packed!;
  const length = packed.length;
  if (length > SCRATCH_BYTES) return readList(new BufferReader(Buffer.from(packed, 'latin1'), 0, length), 'KVList');
  scratch.write(packed, 0, length, 'latin1');
  return readList(new BufferReader(scratch, 0, length), 'KVList');
}

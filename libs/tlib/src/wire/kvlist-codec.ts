import { InvalidValueError } from '../errors/invalid-value.error';
import { KVListTooLargeError } from '../errors/kvlist-too-large.error';
import { TlibProtocolError } from '../errors/protocol.error';
import { KVList, KVType } from '../values/kvlist';
import type { BufferReader } from './buffer-reader';
import { BufferWriter } from './buffer-writer';
import { KV_PAIR_MIN_BYTES, MAX_KV_KEY_BYTES, MAX_KVLIST_DEPTH } from './wire-profile';

/** Default cap of a call's packed user data (T-Server default), and the largest cap a T-Server accepts. */
export const DEFAULT_KVLIST_CAP_BYTES = 16000;
export const MAX_KVLIST_CAP_BYTES = 65535;

/* Module-local copies of imported bindings: loaders such as tsx turn those into getter calls, seen in profiles. */
const KV_STRING = KVType.String;
const KV_INT = KVType.Int;
const KV_BINARY = KVType.Binary;
const KV_LIST = KVType.List;
const KV_UNICODE = KVType.Unicode;
const PAIR_MIN_BYTES = KV_PAIR_MIN_BYTES;
const MAX_DEPTH = MAX_KVLIST_DEPTH;
const MAX_KEY_BYTES = MAX_KV_KEY_BYTES;
const List = KVList;

/** KVList := pairCount u32 | pair*   pair := keyLength u16 | key | kind u8 | value */
export function writeKVList(writer: BufferWriter, list: KVList, depth = 1): void {
  if (depth > MAX_DEPTH) {
    throw new InvalidValueError('KVList', list, `nested deeper than ${MAX_DEPTH} levels`);
  }
  const pairs = list.pairs();
  writer.u32(pairs.length);
  for (let index = 0; index < pairs.length; index++) {
    const { key, type, value } = pairs[index]!;
    const keyAt = writer.reserve(2);
    const keyBytes = writer.utf8(key);
    if (keyBytes > MAX_KEY_BYTES) throw new InvalidValueError('KVList key', key, 'longer than 65535 bytes');
    writer.patchU16(keyAt, keyBytes);
    writer.u8(type);
    switch (type) {
      case KV_INT:
        writer.i32(value as number);
        break;
      case KV_STRING:
      case KV_UNICODE: {
        const lengthAt = writer.reserve(4);
        writer.patchU32(lengthAt, writer.utf8(value as string));
        break;
      }
      case KV_BINARY:
        writer.u32((value as Uint8Array).byteLength);
        writer.bytes(value as Uint8Array);
        break;
      case KV_LIST: {
        const lengthAt = writer.reserve(4);
        const start = writer.length;
        writeKVList(writer, value as KVList, depth + 1);
        writer.patchU32(lengthAt, writer.length - start);
        break;
      }
    }
  }
}

/** Reads a KVList that must end exactly at `reader.end`. Error context (`field`) is only built on failure. */
export function readKVList(reader: BufferReader, field: string, depth = 1): KVList {
  if (depth > MAX_DEPTH) {
    throw new TlibProtocolError('KVLIST_TOO_DEEP', `${field}: KVList nested deeper than ${MAX_DEPTH} levels`);
  }
  const count = reader.u32();
  if (count * PAIR_MIN_BYTES > reader.remaining) {
    throw new TlibProtocolError('TRUNCATED', `${field}: ${count} pairs cannot fit in ${reader.remaining} bytes`);
  }
  const list = new List();
  for (let index = 0; index < count; index++) {
    const key = reader.utf8(reader.u16(), 'KVList key');
    const type = reader.u8();
    if (type === KV_INT) {
      list.push({ key, type, value: reader.i32() });
      continue;
    }
    if (type > KV_UNICODE) {
      throw new TlibProtocolError('BAD_KV_TYPE', `${field}.${key}: unknown KVList value kind ${type}`);
    }
    const length = reader.u32();
    if (length > reader.remaining) {
      throw new TlibProtocolError('TRUNCATED', `${field}.${key}: ${length} bytes announced, ${reader.remaining} left`);
    }
    switch (type) {
      case KV_STRING:
      case KV_UNICODE:
        list.push({ key, type, value: reader.utf8(length, 'KVList value') });
        break;
      case KV_BINARY:
        list.push({ key, type, value: reader.bytes(length, 'KVList value') });
        break;
      case KV_LIST: {
        const outerEnd = reader.end;
        reader.end = reader.offset + length;
        const nested = readKVList(reader, `${field}.${key}`, depth + 1);
        if (reader.offset !== reader.end) {
          throw new TlibProtocolError('TRAILING_BYTES', `${field}.${key}: nested KVList shorter than its length`);
        }
        reader.end = outerEnd;
        list.push({ key, type, value: nested });
        break;
      }
    }
  }
  return list;
}

const sizeWriter = new BufferWriter(1024);

/** Bytes the list takes on the wire, as the T-Server's user-data cap counts them. */
export function packedKVListBytes(list: KVList): number {
  try {
    writeKVList(sizeWriter, list);
    return sizeWriter.length;
  } finally {
    sizeWriter.reset();
  }
}

/** Throws KVListTooLargeError when the packed list exceeds `capBytes` (default 16,000; at most 65,535). */
export function checkKVListSize(list: KVList, capBytes = DEFAULT_KVLIST_CAP_BYTES): number {
  if (!Number.isInteger(capBytes) || capBytes < 1 || capBytes > MAX_KVLIST_CAP_BYTES) {
    throw new InvalidValueError('KVList cap', capBytes, `expected 1 to ${MAX_KVLIST_CAP_BYTES} bytes`);
  }
  const bytes = packedKVListBytes(list);
  if (bytes > capBytes) throw new KVListTooLargeError(bytes, capBytes);
  return bytes;
}

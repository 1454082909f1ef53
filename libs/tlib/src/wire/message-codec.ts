import { InvalidValueError } from '../errors/invalid-value.error';
import { TlibProtocolError } from '../errors/protocol.error';
import { UnknownMessageError } from '../errors/unknown-id.error';
import type { WireMessage, RawAttribute } from '../messages/wire-message';
import type { AttributeSpec, ProtocolDefinition } from '../protocol/protocol-definition';
import { isInt32 } from '../values/int32';
import { KVList } from '../values/kvlist';
import type { TimeStamp } from '../values/timestamp';
import type { AttributeValue } from '../values/value-type';
import { buildAttributes } from './attribute-shapes';
import { BufferReader } from './buffer-reader';
import type { BufferWriter } from './buffer-writer';
import { deferKVList } from './deferred-kvlist';
import { readKVList, writeKVList } from './kvlist-codec';
import {
  ATTRIBUTE_HEADER_BYTES,
  FIXED_VALUE_BYTES,
  MESSAGE_HEADER_BYTES,
  VALUE_TYPE_BY_TAG,
  VALUE_TYPE_TAGS,
} from './wire-profile';

/*
 * Module-local copies of imported bindings: loaders such as tsx compile those to getter calls, which showed up
 * in codec profiles. Numeric tags also let the value switches below compile to jump tables.
 */
const TAG_INT = VALUE_TYPE_TAGS.int;
const TAG_LONG = VALUE_TYPE_TAGS.long;
const TAG_CONNID = VALUE_TYPE_TAGS.connid;
const TAG_STRING = VALUE_TYPE_TAGS.string;
const TAG_BINARY = VALUE_TYPE_TAGS.binary;
const TAG_KVLIST = VALUE_TYPE_TAGS.kvlist;
const TAG_TIMESTAMP = VALUE_TYPE_TAGS.timestamp;
const TAGS = VALUE_TYPE_TAGS;
const TYPE_BY_TAG = VALUE_TYPE_BY_TAG;
const List = KVList;
const isInt = isInt32;
const PAYLOAD_HEADER_BYTES = MESSAGE_HEADER_BYTES;
const ATTRIBUTE_MIN_BYTES = ATTRIBUTE_HEADER_BYTES;
const FIXED_BYTES_BY_TAG: readonly (number | undefined)[] = TYPE_BY_TAG.map((type) =>
  type === undefined ? undefined : FIXED_VALUE_BYTES[type],
);

/** Message payload: messageId u16 | attributeCount u16 | (attributeId u16 | valueType u8 | length u32 | value)* */
export function writeMessagePayload(writer: BufferWriter, protocol: ProtocolDefinition, message: WireMessage): void {
  writer.u16(protocol.messageId(message.name));
  const countAt = writer.reserve(2);
  let count = 0;
  const attributes = message.attributes;
  for (const name in attributes) {
    const value = attributes[name];
    if (value === undefined) continue;
    const spec = protocol.attribute(name);
    const tag = TAGS[spec.type];
    writer.u16(spec.id);
    writer.u8(tag);
    const lengthAt = writer.reserve(4);
    const start = writer.length;
    writeValue(writer, spec, tag, value);
    writer.patchU32(lengthAt, writer.length - start);
    count++;
  }
  for (const raw of message.unknownAttributes ?? []) {
    writer.u16(raw.id);
    writer.u8(raw.type);
    writer.u32(raw.bytes.byteLength);
    writer.bytes(raw.bytes);
    count++;
  }
  if (count > 0xffff) throw new InvalidValueError(message.name, count, 'more than 65535 attributes');
  writer.patchU16(countAt, count);
}

function writeValue(writer: BufferWriter, spec: AttributeSpec, tag: number, value: AttributeValue): void {
  switch (tag) {
    case TAG_INT:
      if (!isInt(value)) {
        throw new InvalidValueError(spec.name, value, 'expected a 32-bit signed integer');
      }
      writer.i32(value);
      return;
    case TAG_LONG:
      if (!Number.isSafeInteger(value) || (value as number) < 0) {
        throw new InvalidValueError(spec.name, value, 'expected a non-negative safe integer');
      }
      writer.u64(value as number);
      return;
    case TAG_CONNID:
      if (typeof value !== 'string' || !writer.hex64(value)) {
        throw new InvalidValueError(spec.name, value, 'expected 16 lower-case hex digits');
      }
      return;
    case TAG_STRING:
      if (typeof value !== 'string') throw new InvalidValueError(spec.name, value, 'expected a string');
      writer.utf8(value);
      return;
    case TAG_BINARY:
      if (!(value instanceof Uint8Array)) throw new InvalidValueError(spec.name, value, 'expected bytes');
      writer.bytes(value);
      return;
    case TAG_KVLIST:
      if (!(value instanceof List)) throw new InvalidValueError(spec.name, value, 'expected a KVList');
      writeKVList(writer, value);
      return;
    case TAG_TIMESTAMP: {
      const time = value as TimeStamp;
      if (!isUint32(time?.seconds) || !isUint32(time?.microseconds) || time.microseconds > 999999) {
        throw new InvalidValueError(spec.name, value, 'expected {seconds, microseconds} as unsigned 32-bit integers');
      }
      writer.u32(time.seconds);
      writer.u32(time.microseconds);
      return;
    }
  }
}

function isUint32(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 0xffffffff;
}

/**
 * Duplicate detection without reading back the (megamorphic) attributes object: `seenIn[id] === generation` once
 * attribute `id` has been read in the current message. Decoding is synchronous, so one table serves every decoder.
 */
const seenIn = new Uint32Array(0x10000);
let generation = 0;

/** The names and values of the message being read, reused likewise; `buildAttributes` turns them into its object. */
const NAMES: string[] = [];
const VALUES: (AttributeValue | undefined)[] = [];
const build = buildAttributes;
const defer = deferKVList;
const readList = readKVList;

/**
 * Decodes one message payload occupying exactly `[start, end)` of `buffer`. Every check runs now; with
 * `deferKVLists`, `kvlist` values build their pairs on first use (the same pairs, see `deferKVList`).
 */
export function readMessagePayload(
  protocol: ProtocolDefinition,
  buffer: Buffer,
  start: number,
  end: number,
  deferKVLists = false,
): WireMessage {
  const reader = new BufferReader(buffer, start, end);
  if (reader.remaining < PAYLOAD_HEADER_BYTES) {
    throw new TlibProtocolError('TRUNCATED', `message payload of ${reader.remaining} bytes is shorter than its header`);
  }
  const messageId = reader.u16();
  const name = protocol.findMessageName(messageId);
  if (name === undefined) throw new UnknownMessageError(protocol.name, messageId);
  const count = reader.u16();
  if (count * ATTRIBUTE_MIN_BYTES > reader.remaining) {
    throw new TlibProtocolError('TRUNCATED', `${name}: ${count} attributes cannot fit in ${reader.remaining} bytes`);
  }
  if (++generation > 0xffffffff) {
    seenIn.fill(0);
    generation = 1;
  }
  const names = NAMES;
  const values = VALUES;
  let known = 0;
  let shapeHash = 0;
  let unknown: RawAttribute[] | undefined;
  try {
    for (let index = 0; index < count; index++) {
      const id = reader.u16();
      const tag = reader.u8();
      const length = reader.u32();
      if (length > reader.remaining) {
        throw new TlibProtocolError(
          'TRUNCATED',
          `${name} attribute ${id}: ${length} bytes announced, ${reader.remaining} left`,
        );
      }
      const spec = protocol.findAttributeById(id);
      if (spec === undefined) {
        (unknown ??= []).push({ id, type: tag, bytes: reader.bytes(length, 'unknown attribute') });
        continue;
      }
      if (TYPE_BY_TAG[tag] !== spec.type) {
        throw new TlibProtocolError(
          'TYPE_MISMATCH',
          `${name}.${spec.name}: wire type ${TYPE_BY_TAG[tag] ?? `#${tag}`}, expected ${spec.type}`,
        );
      }
      if (seenIn[id] === generation) {
        throw new TlibProtocolError('DUPLICATE_ATTRIBUTE', `${name}.${spec.name} appears twice`);
      }
      seenIn[id] = generation;
      names[known] = spec.name;
      values[known++] = readValue(reader, spec, tag, length, deferKVLists);
      shapeHash = (Math.imul(shapeHash, 31) + id) | 0;
    }
    if (reader.remaining !== 0) {
      throw new TlibProtocolError('TRAILING_BYTES', `${name}: ${reader.remaining} bytes after the last attribute`);
    }
  } catch (error) {
    // Drop the values read so far, which the shared array would otherwise keep until the next message.
    for (let index = 0; index < known; index++) values[index] = undefined;
    throw error;
  }
  const attributes = build(names, values, known, shapeHash);
  for (let index = 0; index < known; index++) values[index] = undefined;
  return unknown === undefined ? { name, attributes } : { name, attributes, unknownAttributes: unknown };
}

/** Reads a value whose tag already matches `spec.type` and whose `length` bytes are known to be there. */
function readValue(
  reader: BufferReader,
  spec: AttributeSpec,
  tag: number,
  length: number,
  deferKVLists: boolean,
): AttributeValue {
  const fixed = FIXED_BYTES_BY_TAG[tag];
  if (fixed !== undefined && fixed !== length) {
    throw new TlibProtocolError('BAD_LENGTH', `${spec.name}: ${spec.type} takes ${fixed} bytes, not ${length}`);
  }
  switch (tag) {
    case TAG_INT:
      return reader.i32();
    case TAG_LONG:
      return reader.u64(spec.name);
    case TAG_CONNID:
      return reader.hex64();
    case TAG_STRING:
      return reader.utf8(length, spec.name);
    case TAG_BINARY:
      return reader.bytes(length, spec.name);
    case TAG_KVLIST: {
      const deferred = deferKVLists ? defer(reader.buffer, reader.offset, reader.offset + length) : undefined;
      if (deferred !== undefined) {
        reader.offset += length;
        return deferred;
      }
      const outerEnd = reader.end;
      reader.end = reader.offset + length;
      const list = readList(reader, spec.name);
      if (reader.offset !== reader.end) {
        throw new TlibProtocolError('TRAILING_BYTES', `${spec.name}: bytes left after the KVList`);
      }
      reader.end = outerEnd;
      return list;
    }
    case TAG_TIMESTAMP: {
      const seconds = reader.u32();
      const microseconds = reader.u32();
      if (microseconds > 999999) {
        throw new TlibProtocolError('VALUE_OUT_OF_RANGE', `${spec.name}: ${microseconds} microseconds`);
      }
      return { seconds, microseconds };
    }
    default:
      throw new TlibProtocolError('TYPE_MISMATCH', `${spec.name}: unknown value type tag ${tag}`);
  }
}

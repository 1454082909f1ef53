import { createTlibCodec } from '../tlib-codec';
import type { WireFixture } from './wire-fixture';

/** Encodes a fixture's frame with a fresh codec: a message, or an ADDP poll or reply. */
export function encodeFixture(fixture: WireFixture): Buffer {
  const codec = createTlibCodec();
  const frame = fixture.frame;
  if (frame.kind === 'message') return codec.encode(frame.message);
  return frame.kind === 'addp-poll' ? codec.encodeAddpPoll(frame.token) : codec.encodeAddpReply(frame.token);
}

/** Concatenates frames into one byte stream. */
export function concatBytes(parts: readonly Uint8Array[]): Buffer {
  return Buffer.concat(parts.map((part) => Buffer.from(part.buffer, part.byteOffset, part.byteLength)));
}

/** A hand-made frame: tag "TL", the given kind and payload, and a payload length that may be overridden. */
export function rawFrame(payload: readonly number[], kind = 1, payloadLength = payload.length): Buffer {
  const header = Buffer.alloc(7);
  header.writeUInt16BE(0x544c, 0);
  header[2] = kind;
  header.writeUInt32BE(payloadLength, 3);
  return Buffer.concat([header, Buffer.from(payload)]);
}

/** A message payload: id, attribute count (defaults to the number given) and the attributes' bytes. */
export function payloadBytes(messageId: number, attributes: readonly number[][], count = attributes.length): number[] {
  return [messageId >> 8, messageId & 0xff, count >> 8, count & 0xff, ...attributes.flat()];
}

/** One attribute: id u16 | tag u8 | length u32 | value, with a length that may be overridden. */
export function attributeBytes(id: number, tag: number, value: readonly number[], length = value.length): number[] {
  return [id >> 8, id & 0xff, tag, ...u32Bytes(length), ...value];
}

export function u32Bytes(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

export function asciiBytes(text: string): number[] {
  return [...Buffer.from(text, 'latin1')];
}

/** A packed KVList holding `depth` lists, each the only value of the one above it (key "k"). */
export function nestedKVListBytes(depth: number): number[] {
  let inner: number[] = u32Bytes(0);
  for (let level = 1; level < depth; level++)
    inner = [...u32Bytes(1), 0, 1, 0x6b, 3, ...u32Bytes(inner.length), ...inner];
  return inner;
}

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

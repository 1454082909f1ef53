import fc from 'fast-check';
import { TlibProtocolError } from '../errors/protocol.error';
import type { TMessage } from '../messages/tmessage';
import { createTlibCodec } from '../tlib-codec';
import { tmessageArbitrary } from '../testing/arbitraries';
import { concatBytes, rawFrame } from '../testing/frame-bytes';
import { decodeInChunks, recordingDecoder } from '../testing/recording-decoder';

const MAX_FRAME_BYTES = 4096;
const codec = createTlibCodec({ maxFrameBytes: MAX_FRAME_BYTES });

/** A valid frame of a random message; ignores the rare message too large for the small test maximum. */
const frameArbitrary = tmessageArbitrary
  .map((message) => ({ message, bytes: codec.encode(message) }))
  .filter(({ bytes }) => bytes.length <= MAX_FRAME_BYTES);

const asMessageFrame = (message: TMessage) => ({ kind: 'message', message });

/** Pushes `chunks` into a fresh decoder: it may only fail with a protocol error, and never holds more than a frame. */
function pushAll(chunks: readonly Uint8Array[]): void {
  const { decoder } = recordingDecoder({ maxFrameBytes: MAX_FRAME_BYTES });
  try {
    for (const chunk of chunks) {
      decoder.push(chunk);
      expect(decoder.buffered).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    }
  } catch (error) {
    expect(error).toBeInstanceOf(TlibProtocolError);
    expect(decoder.buffered).toBe(0);
  }
}

describe('codec properties', () => {
  it('decodes every encoded message to an equal message', () => {
    fc.assert(
      fc.property(frameArbitrary, ({ message, bytes }) => {
        expect(codec.decodeAll(bytes)).toEqual([asMessageFrame(message)]);
      }),
      { numRuns: 400 },
    );
  });

  it('decodes a stream of random messages cut at random boundaries', () => {
    const stream = fc.array(frameArbitrary, { minLength: 1, maxLength: 6 }).chain((frames) => {
      const bytes = concatBytes(frames.map((frame) => frame.bytes));
      const cuts = fc.uniqueArray(fc.nat({ max: bytes.length }), { maxLength: 12 });
      return fc.tuple(fc.constant(frames), fc.constant(bytes), cuts);
    });
    fc.assert(
      fc.property(stream, ([frames, bytes, cuts]) => {
        const decoded = decodeInChunks(
          bytes,
          [...cuts].sort((a, b) => a - b),
        );
        expect(decoded).toEqual(frames.map((frame) => asMessageFrame(frame.message)));
      }),
      { numRuns: 200 },
    );
  });

  it('throws nothing but protocol errors on random bytes, and stays within the frame bound', () => {
    const chunk = fc.uint8Array({ maxLength: 64 });
    const headed = fc.tuple(fc.nat({ max: 4 }), fc.uint8Array({ maxLength: 96 }), fc.nat({ max: 200 }));
    const input = fc.oneof(
      fc.array(chunk, { maxLength: 6 }),
      // A plausible header in front of random payload gets past the tag check into the message decoder.
      headed.map(([kind, payload, length]) => [rawFrame([...payload], kind, length)]),
    );
    fc.assert(fc.property(input, pushAll), { numRuns: 500 });
  });

  it('throws nothing but protocol errors on truncated or bit-flipped valid frames', () => {
    const damaged = frameArbitrary.chain(({ bytes }) =>
      fc.oneof(
        fc.nat({ max: bytes.length }).map((length) => bytes.subarray(0, length)),
        fc.array(fc.nat({ max: bytes.length * 8 - 1 }), { minLength: 1, maxLength: 4 }).map((bits) => {
          const flipped = Buffer.from(bytes);
          for (const bit of bits) flipped[bit >> 3]! ^= 1 << (bit & 7);
          return flipped;
        }),
      ),
    );
    fc.assert(
      fc.property(damaged, fc.nat({ max: 40 }), (bytes, cut) => {
        pushAll([bytes.subarray(0, cut), bytes.subarray(cut)]);
        try {
          codec.decodeAll(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(TlibProtocolError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

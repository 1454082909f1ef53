import fc from 'fast-check';
import { TlibProtocolError } from '../errors/protocol.error';
import type { TMessage } from '../messages/tmessage';
import { createTlibCodec, type TlibCodec } from '../tlib-codec';
import { kvListArbitrary, tmessageArbitrary } from '../testing/arbitraries';
import { concatBytes, rawFrame } from '../testing/frame-bytes';
import { KVList } from '../values/kvlist';
import type { DecodedFrame } from './wire-codec';

const MAX_FRAME_BYTES = 4096;
const deferred = createTlibCodec({ maxFrameBytes: MAX_FRAME_BYTES });
const eager = createTlibCodec({ maxFrameBytes: MAX_FRAME_BYTES, deferKVLists: false });

type Outcome =
  | { readonly frames: DecodedFrame<TMessage>[] }
  | { readonly error: { readonly type: string; readonly code: string; readonly message: string } };

/** What decoding `bytes` gives: the frames, or the error's class, code and message. */
function outcome(codec: TlibCodec, bytes: Uint8Array): Outcome {
  try {
    return { frames: codec.decodeAll(bytes) };
  } catch (error) {
    if (!(error instanceof TlibProtocolError)) throw error;
    return { error: { type: error.constructor.name, code: error.code, message: error.message } };
  }
}

/** Deferred and eager decoding agree on `bytes`: the same error at decode time, or equal frames. */
function expectSameOutcome(bytes: Uint8Array): void {
  expect(outcome(deferred, bytes)).toEqual(outcome(eager, bytes));
}

const frameOf = (message: TMessage) => deferred.encode(message);
const fits = (bytes: Buffer) => bytes.length <= MAX_FRAME_BYTES;

/** Valid frames, most of their bytes user data: KVLists of every kind, nested, unicode keys and values. */
const frames = fc
  .oneof(
    tmessageArbitrary,
    fc
      .tuple(kvListArbitrary, kvListArbitrary)
      .map(([UserData, Extensions]): TMessage => ({ name: 'EventRinging', attributes: { UserData, Extensions } })),
  )
  .map(frameOf)
  .filter(fits);

/** A frame with bits flipped, cut short, or a byte overwritten, anywhere: inside KVLists most of the time. */
const damaged = frames.chain((bytes) =>
  fc.oneof(
    fc.nat({ max: bytes.length }).map((length) => bytes.subarray(0, length)),
    fc.array(fc.nat({ max: bytes.length * 8 - 1 }), { minLength: 1, maxLength: 4 }).map((bits) => {
      const flipped = Buffer.from(bytes);
      for (const bit of bits) flipped[bit >> 3]! ^= 1 << (bit & 7);
      return flipped;
    }),
    fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.nat({ max: 255 })).map(([at, byte]) => {
      const changed = Buffer.from(bytes);
      changed[at] = byte;
      return changed;
    }),
  ),
);

/** Builds every deferred list in `message` now, by reading its pairs. */
function readLists(message: TMessage): void {
  for (const value of Object.values(message.attributes)) if (value instanceof KVList) void value.size;
}

describe('deferred KVLists decode as eager ones', () => {
  it('give equal messages for valid frames, read in the handler or after later frames reused the buffers', () => {
    const stream = fc.array(fc.tuple(frames, fc.boolean()), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(stream, fc.nat(), (list, cut) => {
        const bytes = concatBytes(list.map(([frame]) => frame));
        const expected = eager.decodeAll(bytes);
        // Some lists are read while the handler runs (in the decoder's buffer), the others once it is reused.
        const readInHandler = list.map(([, now]) => now);
        const received: DecodedFrame<TMessage>[] = [];
        const decoder = deferred.createDecoder({
          onMessage: (message) => {
            if (readInHandler[received.length]) readLists(message);
            received.push({ kind: 'message', message });
          },
        });
        // Split once, so that a frame is assembled in (and then overwritten from) the decoder's own buffer, and the
        // chunks are overwritten too once pushed.
        const chunks = [
          Buffer.from(bytes.subarray(0, cut % bytes.length)),
          Buffer.from(bytes.subarray(cut % bytes.length)),
        ];
        for (const chunk of chunks) {
          decoder.push(chunk);
          chunk.fill(0xa5);
        }
        expect(received).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('copy the lists of a message whose handler throws', () => {
    const userData = new KVList().add('Segment', 'gold').add('Order', new KVList().add('Id', 42));
    const frame = frameOf({ name: 'EventRinging', attributes: { ThisDN: '5001', UserData: userData } });
    let kept: TMessage | undefined;
    const decoder = deferred.createDecoder({
      onMessage: (message) => {
        kept = message;
        throw new Error('handler failed');
      },
    });
    const chunk = Buffer.from(frame);
    expect(() => decoder.push(chunk)).toThrow('handler failed');
    chunk.fill(0);
    expect(kept?.attributes.UserData?.equals(userData)).toBe(true);
  });

  it('refuse every damaged frame at decode time with the same error, or decode it to the same message', () => {
    fc.assert(fc.property(damaged, expectSameOutcome), { numRuns: 2000 });
  });

  it('agree on random bytes behind a plausible header', () => {
    const headed = fc.tuple(fc.uint8Array({ maxLength: 120 }), fc.nat({ max: 160 }));
    fc.assert(
      fc.property(headed, ([payload, length]) => expectSameOutcome(rawFrame([...payload], 1, length))),
      { numRuns: 1000 },
    );
  });

  it('hand out lists that build their pairs on first use, equal to the eager ones', () => {
    const list = new KVList().add('Tier', 'gold').add('Order', new KVList().add('Id', 42));
    const bytes = frameOf({ name: 'EventAttachedDataChanged', attributes: { UserData: list } });
    const [frame] = deferred.decodeAll(bytes);
    const userData = frame?.kind === 'message' ? frame.message.attributes.UserData : undefined;
    expect(userData).toBeInstanceOf(KVList);
    expect(userData?.equals(list)).toBe(true);
    expect(userData?.toObject()).toEqual({ Tier: 'gold', Order: { Id: 42 } });
  });
});

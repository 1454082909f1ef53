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

describe('deferred KVLists decode as eager ones', () => {
  it('give equal messages for valid frames, read before or after later frames reuse the buffer', () => {
    fc.assert(
      fc.property(fc.array(frames, { minLength: 1, maxLength: 4 }), fc.nat(), (list, cut) => {
        const bytes = concatBytes(list);
        const expected = eager.decodeAll(bytes);
        // Split once, so that a frame is assembled in (and then overwritten from) the decoder's own buffer.
        const received: DecodedFrame<TMessage>[] = [];
        const decoder = deferred.createDecoder({ onMessage: (message) => received.push({ kind: 'message', message }) });
        decoder.push(bytes.subarray(0, cut % bytes.length));
        decoder.push(bytes.subarray(cut % bytes.length));
        expect(received).toEqual(expected);
      }),
      { numRuns: 300 },
    );
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

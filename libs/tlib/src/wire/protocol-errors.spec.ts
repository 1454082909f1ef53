import { FrameTooLargeError } from '../errors/frame-too-large.error';
import { TlibProtocolError } from '../errors/protocol.error';
import { UnknownMessageError } from '../errors/unknown-id.error';
import { createTlibCodec } from '../tlib-codec';
import {
  asciiBytes,
  attributeBytes,
  nestedKVListBytes,
  payloadBytes,
  rawFrame,
  u32Bytes,
} from '../testing/frame-bytes';
import { GOLDEN_FIXTURES } from '../testing/golden-fixtures';
import { recordingDecoder } from '../testing/recording-decoder';

const EVENT_ACK = 138;
const THIS_DN = 20;
const REFERENCE_ID = 2;
const USER_DATA = 51;
const TIME_STAMP = 120;
const EVENT_SEQUENCE_NUMBER = 148;
const TAG = { int: 1, long: 2, string: 4, kvlist: 6, timestamp: 7 } as const;

const thisDN = attributeBytes(THIS_DN, TAG.string, asciiBytes('5001'));
const kvlist = (bytes: number[]) => attributeBytes(USER_DATA, TAG.kvlist, bytes);

/** Bytes that are not a valid frame, with the error code they must raise. */
const BAD_FRAMES: readonly (readonly [string, string, Buffer])[] = [
  ['a foreign tag', 'BAD_TAG', Buffer.from([0x43, 0x53, 1, 0, 0, 0, 4, 0, EVENT_ACK, 0, 0])],
  ['an unknown frame kind', 'BAD_FRAME_KIND', rawFrame(payloadBytes(EVENT_ACK, []), 9)],
  ['an ADDP frame of the wrong length', 'BAD_LENGTH', rawFrame([0, 0, 0, 0, 0], 2)],
  ['a header announcing more than the maximum frame', 'FRAME_TOO_LARGE', rawFrame([], 1, 0x7fffffff)],
  ['a payload shorter than the message header', 'TRUNCATED', rawFrame([0, EVENT_ACK])],
  ['an attribute count the payload cannot hold', 'TRUNCATED', rawFrame(payloadBytes(EVENT_ACK, [thisDN], 2))],
  [
    'a value longer than the payload',
    'TRUNCATED',
    rawFrame(payloadBytes(EVENT_ACK, [attributeBytes(THIS_DN, TAG.string, asciiBytes('5001'), 40)])),
  ],
  ['a KVList pair count the value cannot hold', 'TRUNCATED', rawFrame(payloadBytes(EVENT_ACK, [kvlist(u32Bytes(9))]))],
  [
    'an attribute with the wrong value type',
    'TYPE_MISMATCH',
    rawFrame(payloadBytes(EVENT_ACK, [attributeBytes(THIS_DN, TAG.int, u32Bytes(5001))])),
  ],
  [
    'an unknown value-type tag',
    'TYPE_MISMATCH',
    rawFrame(payloadBytes(EVENT_ACK, [attributeBytes(THIS_DN, 99, asciiBytes('5001'))])),
  ],
  [
    'a fixed-size value of the wrong length',
    'BAD_LENGTH',
    rawFrame(payloadBytes(EVENT_ACK, [attributeBytes(REFERENCE_ID, TAG.int, [0, 0, 1])])),
  ],
  ['a duplicate attribute', 'DUPLICATE_ATTRIBUTE', rawFrame(payloadBytes(EVENT_ACK, [thisDN, thisDN]))],
  ['bytes after the last attribute', 'TRAILING_BYTES', rawFrame([...payloadBytes(EVENT_ACK, [thisDN]), 0])],
  [
    'bytes after a KVList inside its attribute',
    'TRAILING_BYTES',
    rawFrame(payloadBytes(EVENT_ACK, [kvlist([...u32Bytes(0), 0, 0, 0, 0, 0, 0, 0])])),
  ],
  [
    'a KVList nested deeper than 32 levels',
    'KVLIST_TOO_DEEP',
    rawFrame(payloadBytes(EVENT_ACK, [kvlist(nestedKVListBytes(33))])),
  ],
  [
    'an unknown KVList kind',
    'BAD_KV_TYPE',
    rawFrame(payloadBytes(EVENT_ACK, [kvlist([...u32Bytes(1), 0, 1, 0x6b, 9, ...u32Bytes(0)])])),
  ],
  ['an unknown message id', 'UNKNOWN_MESSAGE', rawFrame(payloadBytes(999, []))],
  [
    'microseconds of a second or more',
    'VALUE_OUT_OF_RANGE',
    rawFrame(payloadBytes(EVENT_ACK, [attributeBytes(TIME_STAMP, TAG.timestamp, [...u32Bytes(1), ...u32Bytes(1e6)])])),
  ],
  [
    'a long above 2^53',
    'VALUE_OUT_OF_RANGE',
    rawFrame(
      payloadBytes(EVENT_ACK, [attributeBytes(EVENT_SEQUENCE_NUMBER, TAG.long, [0xff, ...Array<number>(7).fill(0)])]),
    ),
  ],
];

function errorOf(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('protocol errors', () => {
  it.each(BAD_FRAMES)('rejects %s with %s, and the decoder stays failed', (_what, code, bytes) => {
    const { decoder, frames } = recordingDecoder();
    const error = errorOf(() => decoder.push(bytes));
    expect(error).toBeInstanceOf(TlibProtocolError);
    expect(error).toMatchObject({ code });
    expect(decoder.buffered).toBe(0);
    expect(() => decoder.push(GOLDEN_FIXTURES[0]!.bytes)).toThrow(error as Error);
    expect(frames).toEqual([]);
  });

  it.each(BAD_FRAMES)('rejects %s byte by byte as well', (_what, code, bytes) => {
    const { decoder } = recordingDecoder();
    const error = errorOf(() => {
      for (let at = 0; at < bytes.length; at++) decoder.push(bytes.subarray(at, at + 1));
    });
    expect(error).toMatchObject({ code });
  });

  it('accepts a KVList nested exactly 32 levels deep', () => {
    const bytes = rawFrame(payloadBytes(EVENT_ACK, [kvlist(nestedKVListBytes(32))]));
    expect(createTlibCodec().decodeAll(bytes)).toHaveLength(1);
  });

  it('rejects an oversized frame from its header alone, before buffering any of it', () => {
    const { decoder } = recordingDecoder({ maxFrameBytes: 64 });
    const error = errorOf(() => decoder.push(rawFrame([], 1, 58)));
    expect(error).toBeInstanceOf(FrameTooLargeError);
    expect(error).toMatchObject({ code: 'FRAME_TOO_LARGE', frameBytes: 65, maxFrameBytes: 64 });
    expect(decoder.buffered).toBe(0);
  });

  it('applies a frame limit changed by setMaxFrameBytes to the next frame header', () => {
    const { decoder } = recordingDecoder({ maxFrameBytes: 128 });
    decoder.setMaxFrameBytes(64);
    expect(decoder.maxFrameBytes).toBe(64);
    const error = errorOf(() => decoder.push(rawFrame([], 1, 58)));
    expect(error).toMatchObject({ code: 'FRAME_TOO_LARGE', frameBytes: 65, maxFrameBytes: 64 });
  });

  it('accepts a frame of exactly the maximum size', () => {
    const value = asciiBytes('x'.repeat(64 - 7 - 4 - 7));
    const bytes = rawFrame(payloadBytes(EVENT_ACK, [attributeBytes(THIS_DN, TAG.string, value)]));
    expect(bytes).toHaveLength(64);
    const { decoder, frames } = recordingDecoder({ maxFrameBytes: 64 });
    decoder.push(bytes);
    expect(frames).toHaveLength(1);
  });

  it('reports an unknown message id with a typed error', () => {
    const error = errorOf(() => createTlibCodec().decodeAll(rawFrame(payloadBytes(999, []))));
    expect(error).toBeInstanceOf(UnknownMessageError);
    expect(error).toMatchObject({ messageId: 999 });
  });

  it('decodeAll refuses input that ends inside a frame', () => {
    const bytes = GOLDEN_FIXTURES[0]!.bytes;
    expect(() => createTlibCodec().decodeAll(bytes.subarray(0, bytes.length - 1))).toThrow(
      expect.objectContaining({ code: 'TRUNCATED' }) as Error,
    );
  });

  it('keeps attributes it does not know, so that nothing is lost in transit', () => {
    const unknown = attributeBytes(300, 9, [1, 2, 3]);
    const bytes = rawFrame(payloadBytes(EVENT_ACK, [thisDN, unknown]));
    const codec = createTlibCodec();
    const [frame] = codec.decodeAll(bytes);
    expect(frame).toEqual({
      kind: 'message',
      message: {
        name: 'EventACK',
        attributes: { ThisDN: '5001' },
        unknownAttributes: [{ id: 300, type: 9, bytes: Uint8Array.from([1, 2, 3]) }],
      },
    });
    expect(frame?.kind === 'message' && codec.encode(frame.message)).toEqual(bytes);
  });
});

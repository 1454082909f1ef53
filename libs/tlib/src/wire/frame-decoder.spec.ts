import { concatBytes } from '../testing/frame-bytes';
import { GOLDEN_FIXTURES } from '../testing/golden-fixtures';
import { decodeInChunks, recordingDecoder } from '../testing/recording-decoder';

const stream = concatBytes(GOLDEN_FIXTURES.map((fixture) => fixture.bytes));
const allFrames = GOLDEN_FIXTURES.map((fixture) => fixture.frame);

/** Offsets cutting `length` bytes into pieces of `size` (the last may be shorter). */
function cutsEvery(size: number, length: number): number[] {
  const cuts: number[] = [];
  for (let at = size; at < length; at += size) cuts.push(at);
  return cuts;
}

describe('FrameDecoder', () => {
  describe.each(GOLDEN_FIXTURES.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    it('decodes the frame given whole', () => {
      expect(decodeInChunks(fixture.bytes, [])).toEqual([fixture.frame]);
    });

    it('decodes the frame given byte by byte', () => {
      expect(decodeInChunks(fixture.bytes, cutsEvery(1, fixture.bytes.length))).toEqual([fixture.frame]);
    });

    it('decodes the frame split in two at every boundary', () => {
      for (let cut = 0; cut <= fixture.bytes.length; cut++) {
        expect(decodeInChunks(fixture.bytes, [cut])).toEqual([fixture.frame]);
      }
    });
  });

  it('decodes several frames arriving in one chunk, in order', () => {
    expect(decodeInChunks(stream, [])).toEqual(allFrames);
  });

  it('decodes a stream split in two at every boundary', () => {
    for (let cut = 0; cut <= stream.length; cut++) expect(decodeInChunks(stream, [cut])).toEqual(allFrames);
  });

  it.each([2, 3, 5, 7, 11, 64, 100])('decodes frames straddling chunks of %i bytes', (size) => {
    expect(decodeInChunks(stream, cutsEvery(size, stream.length))).toEqual(allFrames);
  });

  it('holds back only the incomplete frame, and nothing once it is complete', () => {
    const { decoder, frames } = recordingDecoder();
    const [first, second] = GOLDEN_FIXTURES;
    decoder.push(concatBytes([first!.bytes, second!.bytes.subarray(0, 5)]));
    expect(frames).toEqual([first!.frame]);
    expect(decoder.buffered).toBe(5);
    decoder.push(second!.bytes.subarray(5));
    expect(frames).toEqual([first!.frame, second!.frame]);
    expect(decoder.buffered).toBe(0);
  });

  it('accepts empty chunks', () => {
    const { decoder, frames } = recordingDecoder();
    decoder.push(new Uint8Array(0));
    decoder.push(GOLDEN_FIXTURES[0]!.bytes);
    decoder.push(new Uint8Array(0));
    expect(frames).toEqual([GOLDEN_FIXTURES[0]!.frame]);
  });

  it('hands out binary values that later chunks cannot overwrite', () => {
    const fixture = GOLDEN_FIXTURES.find((candidate) => candidate.name === 'EventServerInfo')!;
    const copy = Buffer.from(fixture.bytes);
    const frames = decodeInChunks(copy, [3]);
    copy.fill(0);
    expect(frames).toEqual([fixture.frame]);
  });
});

import fc from 'fast-check';
import { decodeShortUtf8, encodeShortUtf8 } from './short-utf8';
import { StringCache } from './string-cache';

/** The hand-written UTF-8 paths must agree with Node's own codec on every input, valid or not. */
describe('short UTF-8', () => {
  it('encodes exactly as Buffer.from(text, "utf8"), lone surrogates included', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
    fc.assert(
      fc.property(text, (value) => {
        const buffer = Buffer.alloc(value.length * 3 + 1);
        const written = encodeShortUtf8(value, buffer, 1);
        expect(buffer.subarray(1, 1 + written)).toEqual(Buffer.from(value, 'utf8'));
      }),
      { numRuns: 500 },
    );
  });

  it('decodes exactly as buffer.toString("utf8"), invalid bytes included', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }).map((value) => Uint8Array.from(Buffer.from(value))),
    );
    fc.assert(
      fc.property(bytes, (value) => {
        const buffer = Buffer.concat([Buffer.from([0x41]), value]);
        expect(decodeShortUtf8(buffer, 1, buffer.length)).toBe(buffer.toString('utf8', 1));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['overlong', [0xc0, 0x80]],
    ['encoded surrogate', [0xed, 0xa0, 0x80]],
    ['four-byte', [0xf0, 0x9f, 0x98, 0x80]],
    ['cut short', [0x41, 0xc3]],
  ])('falls back to Node for %s sequences', (_what, bytes) => {
    const buffer = Buffer.from(bytes);
    expect(decodeShortUtf8(buffer, 0, buffer.length)).toBe(buffer.toString('utf8'));
  });
});

describe('StringCache', () => {
  it('returns the decoded string, from the cache when the bytes repeat', () => {
    const cache = new StringCache(4, 8);
    const buffer = Buffer.from('5001 5002 5001 Zoë');
    expect(cache.get(buffer, 0, 4)).toBe('5001');
    expect(cache.get(buffer, 5, 9)).toBe('5002');
    expect(cache.get(buffer, 10, 14)).toBe('5001');
    expect(cache.get(buffer, 15, buffer.length)).toBe('Zoë');
    expect(cache.get(buffer, 0, 0)).toBe('');
  });

  it('never confuses strings that share a slot', () => {
    const cache = new StringCache(1, 32);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 8 }), { maxLength: 20 }), (values) => {
        for (const value of values) {
          const bytes = Buffer.from(value);
          if (bytes.length <= 32) expect(cache.get(bytes, 0, bytes.length)).toBe(value);
        }
      }),
      { numRuns: 200 },
    );
  });
});

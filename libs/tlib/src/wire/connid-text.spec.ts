import fc from 'fast-check';
import { connIdText } from './connid-text';

describe('connIdText', () => {
  it('gives the 16 lower-case hex digits of the 8 bytes, cached or not', () => {
    const connIds = fc.array(fc.uint8Array({ minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(connIds, fc.nat({ max: 8 }), (list, at) => {
        // Each twice, at an offset, so that the second read of each comes from the cache unless a later one evicted it.
        for (const bytes of [...list, ...list]) {
          const buffer = Buffer.alloc(at + 8);
          buffer.set(bytes, at);
          expect(connIdText(buffer, at)).toBe(Buffer.from(bytes).toString('hex'));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never confuses ConnIDs that share a slot, the all-zero one included', () => {
    const zero = Buffer.alloc(8);
    expect(connIdText(zero, 0)).toBe('0000000000000000');
    // Same low half and a high half differing only above the slot bits: the same slot, different ConnIDs.
    const a = Buffer.from('00000001000000ff', 'hex');
    const b = Buffer.from('00000401000000ff', 'hex');
    for (let round = 0; round < 3; round++) {
      expect(connIdText(a, 0)).toBe('00000001000000ff');
      expect(connIdText(b, 0)).toBe('00000401000000ff');
    }
  });
});

import fc from 'fast-check';
import type { TMessage } from '../messages/tmessage';
import { createTlibCodec } from '../tlib-codec';
import { tmessageArbitrary } from '../testing/arbitraries';
import { KVList } from '../values/kvlist';
import { buildAttributes } from './attribute-shapes';

const codec = createTlibCodec();

/** Decodes `frame` `times` times: the first sightings take the generic path, the later ones the shape's literal. */
function decodeRepeatedly(frame: Buffer, times: number): TMessage[] {
  return Array.from({ length: times }, () => {
    const [decoded] = codec.decodeAll(frame);
    if (decoded?.kind !== 'message') throw new Error('expected a message');
    return decoded.message;
  });
}

describe('attribute objects', () => {
  it('have the same own properties, in wire order, before and after their shape gets a literal', () => {
    fc.assert(
      fc.property(tmessageArbitrary, (message) => {
        const frame = codec.encode(message);
        const order = Object.keys(message.attributes);
        for (const decoded of decodeRepeatedly(frame, 6)) {
          expect(Object.keys(decoded.attributes)).toEqual(order);
          expect(Object.getPrototypeOf(decoded.attributes)).toBe(Object.prototype);
          expect(decoded).toEqual(message);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('are new objects each time, never shared between messages', () => {
    const frame = codec.encode({ name: 'EventRinging', attributes: { ThisDN: '5001', CallType: 2 } });
    const [first, ...rest] = decodeRepeatedly(frame, 8);
    for (const later of rest) expect(later.attributes).not.toBe(first!.attributes);
  });

  it('treat a `__proto__` name as the generic path does: an assignment to the prototype', () => {
    const value = new KVList();
    for (let round = 0; round < 6; round++) {
      const built = buildAttributes(['__proto__'], [value], 1, 0x5eed);
      expect(Object.keys(built)).toEqual([]);
      expect(Object.getPrototypeOf(built)).toBe(value);
    }
  });
});

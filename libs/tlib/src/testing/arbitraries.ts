import fc from 'fast-check';
import type { TMessage } from '../messages/tmessage';
import type { RawAttribute } from '../messages/wire-message';
import { TLIB_ATTRIBUTES } from '../protocol/attribute-ids';
import { TLIB_MESSAGE_NAMES } from '../protocol/message-ids';
import { INT32_MAX, INT32_MIN } from '../values/int32';
import { KVList, KVType, type KVPair } from '../values/kvlist';
import type { AttributeValue, ValueType } from '../values/value-type';

/** fast-check arbitraries for valid T-Lib values and messages (property tests only). */

const int32 = fc.integer({ min: INT32_MIN, max: INT32_MAX });
const text = fc.string({ unit: 'grapheme', maxLength: 24 });
/** Keys from a small pool half of the time, so that duplicates and case variants occur. */
const key = fc.oneof(
  fc.constantFrom('a', 'A', 'key', 'Key', 'CustomerID', ''),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

const pair = (list: fc.Arbitrary<KVList>): fc.Arbitrary<KVPair> =>
  fc.oneof(
    fc.record({ key, type: fc.constant(KVType.String), value: text }),
    fc.record({ key, type: fc.constant(KVType.Unicode), value: text }),
    fc.record({ key, type: fc.constant(KVType.Int), value: int32 }),
    fc.record({ key, type: fc.constant(KVType.Binary), value: fc.uint8Array({ maxLength: 16 }) }),
    fc.record({ key, type: fc.constant(KVType.List), value: list }),
  );

/** KVLists of every kind, nested up to four levels, unicode keys and values included. */
export const kvListArbitrary: fc.Arbitrary<KVList> = fc.letrec<{ list: KVList }>((tie) => ({
  list: fc.array(pair(tie('list')), { maxLength: 5, depthIdentifier: 'kvlist' }).map((pairs) => {
    const list = new KVList();
    for (const { key: name, type, value } of pairs) list.add(name, value, type);
    return list;
  }),
})).list;

const VALUE_ARBITRARIES: Record<ValueType, fc.Arbitrary<AttributeValue>> = {
  int: int32,
  long: fc.maxSafeNat(),
  connid: fc.stringMatching(/^[0-9a-f]{16}$/),
  string: text,
  binary: fc.uint8Array({ maxLength: 32 }),
  kvlist: kvListArbitrary,
  timestamp: fc.record({ seconds: fc.nat({ max: 0xffffffff }), microseconds: fc.nat({ max: 999999 }) }),
};

const unknownAttribute: fc.Arbitrary<RawAttribute> = fc.record({
  id: fc.integer({ min: 149, max: 0xffff }),
  type: fc.nat({ max: 255 }),
  bytes: fc.uint8Array({ maxLength: 8 }),
});

/** Any message name with a random subset of attributes, each holding a valid value of its type. */
export const tmessageArbitrary: fc.Arbitrary<TMessage> = fc
  .record({
    name: fc.constantFrom(...TLIB_MESSAGE_NAMES),
    specs: fc.subarray([...TLIB_ATTRIBUTES], { maxLength: 12 }),
    unknown: fc.array(unknownAttribute, { maxLength: 2 }),
  })
  .chain(({ name, specs, unknown }) =>
    fc.tuple(...specs.map(([, , type]) => VALUE_ARBITRARIES[type])).map((values) => {
      const attributes: Record<string, AttributeValue> = {};
      specs.forEach(([, attribute], index) => (attributes[attribute] = values[index]!));
      const message: TMessage = { name, attributes };
      return unknown.length === 0 ? message : { ...message, unknownAttributes: unknown };
    }),
  );

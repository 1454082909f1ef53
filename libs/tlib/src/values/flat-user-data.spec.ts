import { FLAT_USER_DATA_MAX_KEY, FLAT_USER_DATA_MAX_PAIRS, flatUserDataToKV, isFlatUserData } from './flat-user-data';
import { KVList, KVType } from './kvlist';

describe('flat user data', () => {
  it('takes an object of string and finite number values', () => {
    expect(isFlatUserData({})).toBe(true);
    expect(isFlatUserData({ Segment: 'Gold', Score: 42, Ratio: 0.5, Big: 2 ** 40, Empty: '' })).toBe(true);
  });

  it.each([
    ['null', null],
    ['a string', 'Gold'],
    ['an array', ['Gold']],
    ['a nested object', { a: { b: 1 } }],
    ['a boolean value', { a: true }],
    ['a null value', { a: null }],
    ['NaN', { a: Number.NaN }],
    ['Infinity', { a: Number.POSITIVE_INFINITY }],
    ['an empty key', { '': 'x' }],
  ])('refuses %s', (_, value) => {
    expect(isFlatUserData(value)).toBe(false);
  });

  it(`holds at most ${FLAT_USER_DATA_MAX_PAIRS} keys of at most ${FLAT_USER_DATA_MAX_KEY} characters`, () => {
    const pairs = (count: number): Record<string, string> =>
      Object.fromEntries(Array.from({ length: count }, (_, index) => [`k${index}`, 'v']));
    expect(isFlatUserData(pairs(FLAT_USER_DATA_MAX_PAIRS))).toBe(true);
    expect(isFlatUserData(pairs(FLAT_USER_DATA_MAX_PAIRS + 1))).toBe(false);
    expect(isFlatUserData({ ['k'.repeat(FLAT_USER_DATA_MAX_KEY)]: 'v' })).toBe(true);
    expect(isFlatUserData({ ['k'.repeat(FLAT_USER_DATA_MAX_KEY + 1)]: 'v' })).toBe(false);
  });

  it('keeps int32 numbers as ints and turns other numbers into strings for the KVList', () => {
    const kv = flatUserDataToKV({ Name: 'Ann', Score: 42, Low: -0x80000000, Ratio: 0.5, Big: 0x80000000 });
    expect(kv).toEqual({ Name: 'Ann', Score: 42, Low: -0x80000000, Ratio: '0.5', Big: '2147483648' });
    const list = KVList.from(kv);
    expect(list.pairs().map(({ key, type }) => [key, type])).toEqual([
      ['Name', KVType.String],
      ['Score', KVType.Int],
      ['Low', KVType.Int],
      ['Ratio', KVType.String],
      ['Big', KVType.String],
    ]);
  });
});

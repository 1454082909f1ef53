import { KVList, KVType } from '@gws/tlib';
import { refusal } from '../../voice/testing/voice-fixtures';
import { flatToKvList, isKvList, kvListToFlat, optionsToKvList, tlibToKvList } from './kv-list';

describe('KV lists', () => {
  it('recognises what clients send: a key, a known type and a value of that type', () => {
    expect(isKvList([])).toBe(true);
    expect(
      isKvList([
        { key: 'a', type: 'str', value: 'x' },
        { key: 'b', type: 'int', value: 2 },
      ]),
    ).toBe(true);
    expect(isKvList([{ key: 'n', type: 'kvlist', value: [{ key: 'a', type: 'str', value: 'x' }] }])).toBe(true);
    for (const bad of [
      {},
      [{ key: '', type: 'str', value: 'x' }],
      [{ key: 'a', type: 'int', value: 1.5 }],
      [{ key: 'a', type: 'str', value: 1 }],
      [{ key: 'a', type: 'binary', value: 'AA==' }],
      [null],
    ]) {
      expect(isKvList(bad)).toBe(false);
    }
  });

  it('flattens for the commands, refusing what has no flat form', () => {
    expect(
      kvListToFlat(
        [
          { key: 'a', type: 'str', value: 'x' },
          { key: 'b', type: 'int', value: 2 },
        ],
        'data.userData',
      ),
    ).toEqual({ a: 'x', b: 2 });
    expect(refusal(() => kvListToFlat([{ key: 'n', type: 'kvlist', value: [] }], 'data.userData'))).toEqual([
      10,
      "Invalid parameter 'data.userData': 'n' is a kvlist; user data values are str or int",
    ]);
    const twice = [
      { key: 'a', type: 'str', value: 'x' },
      { key: 'a', type: 'str', value: 'y' },
    ] as const;
    expect(refusal(() => kvListToFlat([...twice], 'data.userData'))?.[1]).toMatch(/'a' is given twice/);
  });

  it('lists v2 user data: int32 numbers as int, others as str', () => {
    expect(flatToKvList({ a: 'x', b: 7, c: 2 ** 40, d: 1.5 })).toEqual([
      { key: 'a', type: 'str', value: 'x' },
      { key: 'b', type: 'int', value: 7 },
      { key: 'c', type: 'str', value: String(2 ** 40) },
      { key: 'd', type: 'str', value: '1.5' },
    ]);
    expect(flatToKvList(undefined)).toEqual([]);
  });

  it('lists T-Lib pairs with their duplicates, nesting and types', () => {
    const list = new KVList()
      .add('a', 'x')
      .add('a', 'y')
      .add('n', 3)
      .add('bin', new Uint8Array([1, 2]))
      .add('sub', new KVList().add('k', 'v'))
      .add('uni', 'é', KVType.Unicode);
    expect(tlibToKvList(list)).toEqual([
      { key: 'a', type: 'str', value: 'x' },
      { key: 'a', type: 'str', value: 'y' },
      { key: 'n', type: 'int', value: 3 },
      { key: 'bin', type: 'str', value: 'AQI=' },
      { key: 'sub', type: 'kvlist', value: [{ key: 'k', type: 'str', value: 'v' }] },
      { key: 'uni', type: 'str', value: 'é' },
    ]);
  });

  it('lists Configuration Server options as one kvlist per section', () => {
    expect(optionsToKvList({ htcc: { roles: 'Agent' } })).toEqual([
      { key: 'htcc', type: 'kvlist', value: [{ key: 'roles', type: 'str', value: 'Agent' }] },
    ]);
  });
});

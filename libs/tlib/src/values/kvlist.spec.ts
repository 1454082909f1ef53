import { inspect } from 'node:util';
import { InvalidValueError } from '../errors/invalid-value.error';
import { KVList, KVType, kvTypeName } from './kvlist';

const bytes = Uint8Array.from([1, 2, 3]);

describe('KVList', () => {
  it('holds the five kinds, inferring all but Unicode', () => {
    const nested = new KVList().add('inner', 'x');
    const list = new KVList()
      .add('s', 'text')
      .add('i', -7)
      .add('b', bytes)
      .add('l', nested)
      .add('u', 'Zoë', KVType.Unicode);
    expect(list.pairs().map(({ key, type }) => [key, kvTypeName(type)])).toEqual([
      ['s', 'String'],
      ['i', 'Int'],
      ['b', 'Binary'],
      ['l', 'List'],
      ['u', 'Unicode'],
    ]);
    expect(list.get('l')).toBe(nested);
    expect(list.getString('s')).toBe('text');
    expect(list.getInt('i')).toBe(-7);
    expect(list.getInt('s')).toBeUndefined();
    expect(list.getString('i')).toBeUndefined();
  });

  it('keeps insertion order and duplicate keys', () => {
    const list = new KVList().add('b', 1).add('a', 2).add('b', 3);
    expect(list.keys()).toEqual(['b', 'a', 'b']);
    expect(list.size).toBe(3);
    expect(list.get('b')).toBe(1);
    expect(list.getAll('b')).toEqual([1, 3]);
    expect(list.getPair('b')).toEqual({ key: 'b', type: KVType.Int, value: 1 });
    expect([...list].map((pair) => pair.value)).toEqual([1, 2, 3]);
  });

  it('looks keys up exactly with get and case-insensitively with getIC', () => {
    const list = new KVList().add('CustomerID', 'C1').add('customerid', 'C2');
    expect(list.get('CUSTOMERID')).toBeUndefined();
    expect(list.get('customerid')).toBe('C2');
    expect(list.getIC('CUSTOMERID')).toBe('C1');
    expect(list.has('CustomerID')).toBe(true);
    expect(list.has('CUSTOMERID')).toBe(false);
  });

  it('set replaces the first pair of a key, drops its duplicates, or appends', () => {
    const list = new KVList().add('a', 1).add('b', 2).add('a', 3);
    list.set('a', 'one');
    expect(list.pairs()).toEqual([
      { key: 'a', type: KVType.String, value: 'one' },
      { key: 'b', type: KVType.Int, value: 2 },
    ]);
    list.set('c', 4);
    expect(list.keys()).toEqual(['a', 'b', 'c']);
  });

  it('update overwrites existing keys in place and appends new ones (RequestUpdateUserData)', () => {
    const list = new KVList().add('a', 1).add('b', 2);
    list.update(new KVList().add('b', 20).add('c', 30));
    expect(list.pairs().map(({ key, value }) => [key, value])).toEqual([
      ['a', 1],
      ['b', 20],
      ['c', 30],
    ]);
  });

  it('append adds every pair, duplicates included (RequestAttachUserData)', () => {
    const list = new KVList().add('a', 1);
    list.append(new KVList().add('a', 2).add('b', 3));
    expect(list.pairs().map(({ key, value }) => [key, value])).toEqual([
      ['a', 1],
      ['a', 2],
      ['b', 3],
    ]);
  });

  it('delete removes every pair of a key and says how many (RequestDeletePair); clear removes all', () => {
    const list = new KVList().add('a', 1).add('b', 2).add('a', 3);
    expect(list.delete('a')).toBe(2);
    expect(list.delete('a')).toBe(0);
    expect(list.keys()).toEqual(['b']);
    list.clear();
    expect(list.size).toBe(0);
  });

  it('compares pairs, kinds and values in order, deeply', () => {
    const make = () =>
      new KVList()
        .add('s', 'x')
        .add('b', Uint8Array.from([1]))
        .add('l', new KVList().add('n', 1));
    expect(make().equals(make())).toBe(true);
    expect(make().equals(make().add('extra', 1))).toBe(false);
    expect(new KVList().add('s', 'x').equals(new KVList().add('s', 'x', KVType.Unicode))).toBe(false);
    expect(new KVList().add('a', 1).add('b', 2).equals(new KVList().add('b', 2).add('a', 1))).toBe(false);
    expect(
      make().equals(
        new KVList()
          .add('s', 'x')
          .add('b', Uint8Array.from([2]))
          .add('l', new KVList()),
      ),
    ).toBe(false);
  });

  it('clones deeply', () => {
    const original = new KVList().add('b', Uint8Array.from([1])).add('l', new KVList().add('n', 1));
    const copy = original.clone();
    expect(copy.equals(original)).toBe(true);
    (copy.get('b') as Uint8Array)[0] = 9;
    (copy.get('l') as KVList).set('n', 2);
    expect((original.get('b') as Uint8Array)[0]).toBe(1);
    expect((original.get('l') as KVList).get('n')).toBe(1);
  });

  it('builds from a plain object and gives a plain object back (first pair of a key wins)', () => {
    const list = KVList.from({ a: 'x', n: 5, nested: { deep: 'y' }, raw: Uint8Array.from([0xca, 0xfe]) });
    expect(list.get('nested')).toBeInstanceOf(KVList);
    list.add('a', 'second');
    expect(list.toObject()).toEqual({ a: 'x', n: 5, nested: { deep: 'y' }, raw: 'yv4=' });
  });

  it.each([
    ['a fraction as Int', () => new KVList().add('k', 1.5)],
    ['a number above int32', () => new KVList().add('k', 2 ** 31)],
    ['a number as String', () => new KVList().add('k', 1, KVType.String)],
    ['text as Binary', () => new KVList().add('k', 'x', KVType.Binary)],
    ['a boolean', () => KVList.from({ k: true as unknown as string })],
  ])('refuses %s with InvalidValueError', (_what, build) => {
    expect(build).toThrow(InvalidValueError);
  });

  describe('deferred', () => {
    /** A deferred list over a copy of `source`'s pairs, counting how often it is read. */
    function deferredCopy(source: KVList): { list: KVList; reads: () => number } {
      let reads = 0;
      const list = KVList.deferred(source, (from) => {
        reads++;
        return from.clone();
      });
      return { list, reads: () => reads };
    }

    const source = new KVList().add('Tier', 'gold').add('Order', new KVList().add('Id', 42));

    it('reads its source once, on first use, and then answers like the list it read', () => {
      const { list, reads } = deferredCopy(source);
      expect(reads()).toBe(0);
      expect(list.get('Tier')).toBe('gold');
      expect(list.size).toBe(2);
      expect(list.equals(source)).toBe(true);
      expect(list).toEqual(source);
      expect(reads()).toBe(1);
    });

    it('takes changes after the pairs it read', () => {
      const { list } = deferredCopy(source);
      list.add('Extra', 1);
      expect(list.keys()).toEqual(['Tier', 'Order', 'Extra']);
    });

    it('never reads a source it was cleared of', () => {
      const { list, reads } = deferredCopy(source);
      list.clear();
      expect(list.size).toBe(0);
      expect(reads()).toBe(0);
    });

    it('gives the JSON of a plain list, whether read yet or not', () => {
      expect(JSON.stringify(deferredCopy(source).list)).toBe(JSON.stringify(source));
      expect(JSON.stringify(new KVList().add('a', 1))).toBe('{"items":[{"key":"a","type":1,"value":1}]}');
    });

    it('shows its pairs to util.inspect', () => {
      expect(inspect(deferredCopy(source).list, { depth: 5 })).toContain("key: 'Tier'");
    });
  });
});

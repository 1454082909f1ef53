import { InvalidValueError } from '../errors/invalid-value.error';
import { KVListTooLargeError } from '../errors/kvlist-too-large.error';
import { KVList, KVType } from '../values/kvlist';
import { BufferReader } from './buffer-reader';
import { BufferWriter } from './buffer-writer';
import {
  DEFAULT_KVLIST_CAP_BYTES,
  MAX_KVLIST_CAP_BYTES,
  checkKVListSize,
  packedKVListBytes,
  readKVList,
  writeKVList,
} from './kvlist-codec';

/** A list of one string pair that packs to exactly `bytes` bytes (count 4 + key length 2 + key 1 + kind 1 + 4). */
function listOfPackedSize(bytes: number): KVList {
  return new KVList().add('k', 'x'.repeat(bytes - 12));
}

function pack(list: KVList): Buffer {
  const writer = new BufferWriter();
  writeKVList(writer, list);
  return writer.finish();
}

describe('KVList packing', () => {
  it('packs and unpacks every kind, nesting, order, duplicates and unicode', () => {
    const list = new KVList()
      .add('s', 'text')
      .add('i', -2147483648)
      .add('b', Uint8Array.from([0, 255]))
      .add('u', 'Ærø 日本 😀', KVType.Unicode)
      .add('l', new KVList().add('deep', new KVList().add('x', 1)))
      .add('s', 'again')
      .add('', '');
    const bytes = pack(list);
    const unpacked = readKVList(new BufferReader(bytes, 0, bytes.length), 'UserData');
    expect(unpacked.equals(list)).toBe(true);
    expect(packedKVListBytes(list)).toBe(bytes.length);
  });

  it('counts the packed size the way the wire carries it', () => {
    expect(packedKVListBytes(new KVList())).toBe(4);
    expect(packedKVListBytes(new KVList().add('ab', 1))).toBe(4 + 2 + 2 + 1 + 4);
    expect(packedKVListBytes(listOfPackedSize(100))).toBe(100);
  });

  it('accepts user data up to the default cap of 16,000 bytes and refuses one byte more', () => {
    expect(DEFAULT_KVLIST_CAP_BYTES).toBe(16000);
    expect(checkKVListSize(listOfPackedSize(16000))).toBe(16000);
    expect(() => checkKVListSize(listOfPackedSize(16001))).toThrow(KVListTooLargeError);
    expect(() => checkKVListSize(listOfPackedSize(16001))).toThrow(
      expect.objectContaining({ code: 'KVLIST_TOO_LARGE', packedBytes: 16001, capBytes: 16000 }) as Error,
    );
  });

  it('takes a configured cap up to 65,535 bytes', () => {
    expect(MAX_KVLIST_CAP_BYTES).toBe(65535);
    expect(checkKVListSize(listOfPackedSize(65535), 65535)).toBe(65535);
    expect(() => checkKVListSize(listOfPackedSize(65536), 65535)).toThrow(KVListTooLargeError);
    expect(() => checkKVListSize(listOfPackedSize(200), 100)).toThrow(/200 bytes, over the cap of 100 bytes/);
  });

  it.each([0, -1, 65536, 1.5, Number.NaN])('refuses a cap of %p with a clear error', (cap) => {
    expect(() => checkKVListSize(new KVList(), cap)).toThrow(InvalidValueError);
    expect(() => checkKVListSize(new KVList(), cap)).toThrow(/expected 1 to 65535 bytes/);
  });

  it('refuses to pack a list nested deeper than 32 levels', () => {
    let list = new KVList();
    for (let level = 1; level < 32; level++) list = new KVList().add('k', list);
    expect(() => pack(list)).not.toThrow();
    expect(() => pack(new KVList().add('k', list))).toThrow(InvalidValueError);
  });

  it('refuses a key longer than 65,535 bytes', () => {
    expect(() => pack(new KVList().add('k'.repeat(65536), 1))).toThrow(/longer than 65535 bytes/);
  });
});

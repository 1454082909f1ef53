import { KVList } from '../values/kvlist';
import { createTlibCodec } from '../tlib-codec';
import { BufferWriter } from './buffer-writer';

describe('BufferWriter', () => {
  it('hands out frames that later frames never overwrite', () => {
    const writer = new BufferWriter(32);
    const frames: Buffer[] = [];
    for (let index = 0; index < 20; index++) {
      writer.u32(index);
      frames.push(writer.finish());
    }
    expect(frames.map((frame) => frame.readUInt32BE(0))).toEqual(Array.from({ length: 20 }, (_, index) => index));
  });

  it('keeps reserved positions valid when a frame outgrows its chunk and moves', () => {
    const writer = new BufferWriter(32);
    writer.u8(0xaa);
    writer.finish();
    writer.u8(1);
    const lengthAt = writer.reserve(4);
    writer.bytes(new Uint8Array(100).fill(7));
    writer.patchU32(lengthAt, 100);
    const frame = writer.finish();
    expect(frame.length).toBe(105);
    expect(frame.readUInt32BE(1)).toBe(100);
    expect(frame.subarray(5).every((byte) => byte === 7)).toBe(true);
  });

  it('drops a failed frame on reset, keeping the frames before it', () => {
    const writer = new BufferWriter(32);
    writer.u16(0x0102);
    const first = writer.finish();
    writer.u32(0xffffffff);
    writer.reset();
    writer.u8(3);
    expect([...first, ...writer.finish()]).toEqual([1, 2, 3]);
  });

  it('lets the codec encode frames larger than a chunk between small ones', () => {
    const codec = createTlibCodec();
    const big = new KVList().add('blob', 'x'.repeat(40000)).add('nested', new KVList().add('k', 'y'.repeat(30000)));
    const messages = [
      { name: 'EventACK' as const, attributes: { ReferenceID: 1 } },
      { name: 'EventUserEvent' as const, attributes: { ThisDN: '5001', UserData: big } },
      { name: 'EventACK' as const, attributes: { ReferenceID: 2 } },
    ];
    const frames = messages.map((message) => codec.encode(message));
    const decoded = codec.decodeAll(Buffer.concat(frames));
    expect(decoded).toEqual(messages.map((message) => ({ kind: 'message', message })));
  });
});

import { createTlibCodec } from '../tlib-codec';
import { encodeFixture } from '../testing/frame-bytes';
import { GOLDEN_FIXTURES } from '../testing/golden-fixtures';

describe('golden frames of the open-gws/1 profile', () => {
  it('covers the messages the protocol document quotes, and every value type', () => {
    const names = GOLDEN_FIXTURES.map((fixture) => fixture.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'EventRinging',
        'RequestRegisterClient',
        'EventError',
        'RequestAgentLogin',
        'RequestMakeCall',
        'EventEstablished',
        'EventAttachedDataChanged',
        'EventServerInfo',
        'RequestQueryAddress',
        'EventACK',
        'ADDP poll',
        'ADDP reply',
      ]),
    );
    const tags = new Set<number>();
    for (const { bytes, frame } of GOLDEN_FIXTURES) {
      if (frame.kind !== 'message') continue;
      // Walk the attribute headers: id u16 | tag u8 | length u32 | value.
      for (let at = 11; at < bytes.length;) {
        tags.add(bytes[at + 2]!);
        at += 7 + Buffer.from(bytes).readUInt32BE(at + 3);
      }
    }
    expect([...tags].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  describe.each(GOLDEN_FIXTURES.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    it('encodes to the fixture bytes', () => {
      expect(encodeFixture(fixture)).toEqual(Buffer.from(fixture.bytes));
    });

    it('decodes the fixture bytes to the fixture frame', () => {
      expect(createTlibCodec().decodeAll(fixture.bytes)).toEqual([fixture.frame]);
    });

    it('survives encode then decode', () => {
      const codec = createTlibCodec();
      expect(codec.decodeAll(encodeFixture(fixture))).toEqual([fixture.frame]);
    });
  });
});

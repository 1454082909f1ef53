import { KVList, KVType, createTlibCodec, type TMessage } from '@gws/tlib';
import { GOLDEN_FIXTURES } from '../../../libs/tlib/src/testing/golden-fixtures';
import { CliError } from './cli-error';
import { frameToJson, jsonToFrame } from './json-form';
import type { Json } from './json';

const roundTrip = (json: Json): Json => JSON.parse(JSON.stringify(frameToJson(jsonToFrame(json)))) as Json;
const withUserData = (userData: KVList): TMessage => ({ name: 'EventUserEvent', attributes: { UserData: userData } });
const userDataJson = (list: KVList): Json => {
  const json = frameToJson({ kind: 'message', message: withUserData(list) });
  return (json.attributes as Record<string, Json>).UserData!;
};

describe('JSON form of frames', () => {
  it.each(GOLDEN_FIXTURES.map((fixture) => [fixture.name, fixture] as const))(
    '%s: bytes -> JSON -> bytes is the identity',
    (_name, fixture) => {
      const codec = createTlibCodec();
      const [frame] = codec.decodeAll(fixture.bytes);
      const json = JSON.parse(JSON.stringify(frameToJson(frame!))) as Json;
      const back = jsonToFrame(json);
      expect(back).toEqual(fixture.frame);
      expect(roundTrip(json)).toEqual(json);
    },
  );

  it('prints a message with its id, attributes by name and typed values', () => {
    const message: TMessage = {
      name: 'EventEstablished',
      attributes: {
        ThisDN: '5001',
        ConnID: '006e02a9c4b1d001',
        CallType: 2,
        EventSequenceNumber: 2 ** 40,
        ServerCapabilityMask: Uint8Array.from([0xca, 0xfe]),
        TimeStamp: { seconds: 10, microseconds: 5 },
      },
      unknownAttributes: [{ id: 300, type: 9, bytes: Uint8Array.from([1]) }],
    };
    expect(frameToJson({ kind: 'message', message })).toEqual({
      message: 'EventEstablished',
      id: 64,
      attributes: {
        ThisDN: '5001',
        ConnID: '006e02a9c4b1d001',
        CallType: 2,
        EventSequenceNumber: 2 ** 40,
        ServerCapabilityMask: 'cafe',
        TimeStamp: { seconds: 10, microseconds: 5 },
      },
      unknownAttributes: [{ id: 300, type: 9, hex: '01' }],
    });
  });

  it('prints ADDP frames', () => {
    expect(frameToJson({ kind: 'addp-poll', token: 7 })).toEqual({ addp: 'poll', token: 7 });
    expect(jsonToFrame({ addp: 'reply', token: 9 })).toEqual({ kind: 'addp-reply', token: 9 });
  });

  it('normalises a ConnID given in upper case or short', () => {
    const frame = jsonToFrame({ message: 'EventReleased', attributes: { ThisDN: '1', ConnID: 'ABC' } });
    expect(frame).toEqual({
      kind: 'message',
      message: { name: 'EventReleased', attributes: { ThisDN: '1', ConnID: '0000000000000abc' } },
    });
  });
});

describe('JSON form of KVLists', () => {
  it('uses a plain object when that loses nothing', () => {
    const list = new KVList().add('Segment', 'gold').add('Priority', 7).add('Address', new KVList().add('City', 'X'));
    expect(userDataJson(list)).toEqual({ Segment: 'gold', Priority: 7, Address: { City: 'X' } });
  });

  it.each([
    ['duplicate keys', new KVList().add('a', 1).add('a', 2)],
    ['a binary value', new KVList().add('a', Uint8Array.from([1]))],
    ['a unicode value', new KVList().add('a', 'x', KVType.Unicode)],
    ['a key JSON objects would reorder', new KVList().add('b', 1).add('1', 2)],
    ['the form marker as a key', new KVList().add('$kvlist', 'x')],
    ['a nested list that is not plain', new KVList().add('n', new KVList().add('a', 1).add('a', 1))],
  ])('uses the lossless form for %s, and reads it back exactly', (_what, list) => {
    const json = userDataJson(list);
    expect(json).toHaveProperty('$kvlist');
    const back = jsonToFrame({ message: 'EventUserEvent', attributes: { UserData: json } });
    expect(back.kind === 'message' && (back.message.attributes.UserData as KVList).equals(list)).toBe(true);
  });

  it('prints the lossless form entry by entry', () => {
    const list = new KVList()
      .add('a', 'x')
      .add('a', Uint8Array.from([0xff]))
      .add('u', 'ü', KVType.Unicode)
      .add('n', new KVList().add('i', 1));
    expect(userDataJson(list)).toEqual({
      $kvlist: [
        ['a', 'string', 'x'],
        ['a', 'binary', 'ff'],
        ['u', 'unicode', 'ü'],
        ['n', 'list', { i: 1 }],
      ],
    });
  });
});

describe('reading JSON frames', () => {
  it.each([
    ['a non-object', 5, 'expected a JSON object for each frame'],
    ['an unknown field', { message: 'EventACK', extra: 1 }, 'frame: unexpected field "extra"'],
    ['a wrong id', { message: 'EventACK', id: 1 }, 'EventACK: id 1 is not 138'],
    [
      'a string as int',
      { message: 'EventACK', attributes: { ReferenceID: '1' } },
      'EventACK.ReferenceID: expected a number',
    ],
    ['a bad KVList value', { message: 'EventACK', attributes: { UserData: { a: true } } }, 'EventACK.UserData.a'],
    [
      'a bad lossless entry',
      { message: 'EventACK', attributes: { UserData: { $kvlist: [['a', 'float', 1]] } } },
      'unknown kind "float"',
    ],
    ['a bad ADDP kind', { addp: 'ping', token: 1 }, '"addp" must be "poll" or "reply"'],
    ['a bad timestamp', { message: 'EventACK', attributes: { TimeStamp: { seconds: 1 } } }, 'EventACK.TimeStamp'],
  ])('refuses %s', (_what, json, message) => {
    expect(() => jsonToFrame(json as Json)).toThrow(CliError);
    expect(() => jsonToFrame(json as Json)).toThrow(message);
  });

  it('refuses unknown message and attribute names with the registry errors', () => {
    expect(() => jsonToFrame({ message: 'EventNope' })).toThrow('unknown message EventNope');
    expect(() => jsonToFrame({ message: 'EventACK', attributes: { Nope: 1 } })).toThrow('unknown attribute Nope');
  });
});

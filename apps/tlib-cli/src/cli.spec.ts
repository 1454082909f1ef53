import { GOLDEN_FIXTURES } from '../../../libs/tlib/src/testing/golden-fixtures';
import { EXIT_BAD_INPUT, EXIT_OK, runCli } from './cli';
import { toHex } from './hex';
import { capturedIo } from './testing-io';

const ringing = GOLDEN_FIXTURES.find((fixture) => fixture.name === 'EventRinging')!;
const poll = GOLDEN_FIXTURES.find((fixture) => fixture.name === 'ADDP poll')!;
const stream = Buffer.concat(GOLDEN_FIXTURES.map((fixture) => fixture.bytes));

function run(args: string[], files?: Record<string, Uint8Array | string>) {
  const io = capturedIo(files);
  const code = runCli(args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('tlib CLI', () => {
  it('decodes hex to one JSON line per frame', () => {
    const { code, out, err } = run(['decode', toHex(Buffer.concat([ringing.bytes, poll.bytes]))]);
    expect([code, err]).toEqual([EXIT_OK, '']);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      message: 'EventRinging',
      id: 60,
      attributes: { ThisDN: '5001', ConnID: '006e02a9c4b1d001', UserData: { Segment: 'gold', Priority: 7 } },
    });
    expect(JSON.parse(lines[1]!)).toEqual({ addp: 'poll', token: 7 });
  });

  it('decodes a raw byte stream from a file', () => {
    const { code, out } = run(['decode', '--file', 'session.bin'], { 'session.bin': stream });
    expect(code).toBe(EXIT_OK);
    expect(out.trimEnd().split('\n')).toHaveLength(GOLDEN_FIXTURES.length);
  });

  it('encodes what decode prints back to the same bytes, as lines, an array or one object', () => {
    const decoded = run(['decode', toHex(stream)]).out;
    expect(run(['encode', decoded]).out).toBe(`${toHex(stream)}\n`);
    const array = `[${decoded.trimEnd().split('\n').join(',')}]`;
    expect(run(['encode', array]).out).toBe(`${toHex(stream)}\n`);
    const single = run(['decode', toHex(ringing.bytes)]).out;
    expect(run(['encode', single]).out).toBe(`${toHex(ringing.bytes)}\n`);
    expect(run(['encode', '--file', 'frames.json'], { 'frames.json': decoded }).out).toBe(`${toHex(stream)}\n`);
  });

  it('prints help on --help', () => {
    const { code, out } = run(['--help']);
    expect(code).toBe(EXIT_OK);
    expect(out).toContain('Usage: npm run tlib -- <command>');
  });

  it.each([
    [['decode', 'xyz'], 'tlib: bad hex: unexpected character "x"'],
    [['decode', toHex(ringing.bytes).slice(0, 20)], 'tlib: the input ends inside a frame (10 bytes left over)'],
    [['decode', '0000010000000000'], 'tlib: frame tag 0x0000 is not T-Lib (0x544c)'],
    [['encode', '{"message":'], 'tlib: bad JSON: '],
    [['encode', '{"message":"EventNope"}'], 'tlib: T-Lib: unknown message EventNope'],
    [['encode', '{"message":"EventACK","attributes":{"ReferenceID":1.5}}'], 'tlib: ReferenceID: 1.5 is not valid'],
    [['encode', '[]'], 'tlib: nothing to encode'],
    [['decode', '--file', 'missing.bin'], 'tlib: cannot read missing.bin: no such file'],
    [['decode'], 'tlib: decode takes one argument (quote it), or --file <path>'],
    [['frobnicate'], 'tlib: unknown command "frobnicate"'],
    [[], 'tlib: no command given (try --help)'],
  ])('%j fails with exit code 2 and one line on stderr', (args, message) => {
    const { code, out, err } = run(args);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(out).toBe('');
    expect(err).toMatch(/^tlib: [^\n]*\n$/);
    expect(err.startsWith(message)).toBe(true);
  });
});

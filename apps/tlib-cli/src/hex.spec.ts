import { CliError } from './cli-error';
import { parseHex, toHex } from './hex';

describe('parseHex', () => {
  it.each([
    ['544c01', [0x54, 0x4c, 0x01]],
    ['54 4C\n01', [0x54, 0x4c, 0x01]],
    ['0x54, 0x4c, 0X01', [0x54, 0x4c, 0x01]],
    ['0x544c01', [0x54, 0x4c, 0x01]],
    ['54 4c  # tag "TL"\n01  // kind', [0x54, 0x4c, 0x01]],
    ['', []],
  ])('reads %j', (text, bytes) => {
    expect([...parseHex(text)]).toEqual(bytes);
  });

  it.each([
    ['5g', 'bad hex: unexpected character "g"'],
    ['544', 'bad hex: odd number of digits (3)'],
  ])('refuses %j', (text, message) => {
    expect(() => parseHex(text)).toThrow(CliError);
    expect(() => parseHex(text)).toThrow(message);
  });

  it('writes lower-case hex without separators', () => {
    expect(toHex(Uint8Array.from([0xca, 0xfe, 0x01]))).toBe('cafe01');
  });
});

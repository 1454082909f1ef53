import { CliError } from './cli-error';

/**
 * Reads hex the way people paste it: spaces, newlines, commas, `0x` prefixes and `#` or `//` comments to the end of
 * a line are ignored, so annotated dumps such as the examples in docs/tlib-wire.md can be pasted as they are.
 */
export function parseHex(text: string): Buffer {
  const digits = text
    .replace(/(#|\/\/).*$/gm, '')
    .replace(/0x/gi, '')
    .replace(/[\s,]+/g, '');
  const bad = /[^0-9a-f]/i.exec(digits);
  if (bad) throw new CliError(`bad hex: unexpected character ${JSON.stringify(bad[0])}`);
  if (digits.length % 2 !== 0) throw new CliError(`bad hex: odd number of digits (${digits.length})`);
  return Buffer.from(digits, 'hex');
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

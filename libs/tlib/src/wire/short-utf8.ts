/**
 * UTF-8 of one to three bytes per character, decoded in JS. Anything else (four-byte sequences, invalid or overlong
 * bytes, surrogates) is left to `buffer.toString`, so the result always equals Node's own decoding.
 */
export function decodeShortUtf8(buffer: Buffer, start: number, end: number): string {
  let result = '';
  let at = start;
  while (at < end) {
    const b0 = buffer[at]!;
    if (b0 < 0x80) {
      result += String.fromCharCode(b0);
      at++;
      continue;
    }
    if (b0 >= 0xc2 && b0 < 0xe0 && at + 1 < end) {
      const b1 = buffer[at + 1]!;
      if ((b1 & 0xc0) !== 0x80) break;
      result += String.fromCharCode(((b0 & 0x1f) << 6) | (b1 & 0x3f));
      at += 2;
      continue;
    }
    if (b0 >= 0xe0 && b0 < 0xf0 && at + 2 < end) {
      const b1 = buffer[at + 1]!;
      const b2 = buffer[at + 2]!;
      if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) break;
      const code = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff)) break;
      result += String.fromCharCode(code);
      at += 3;
      continue;
    }
    break;
  }
  return at === end ? result : buffer.toString('utf8', start, end);
}

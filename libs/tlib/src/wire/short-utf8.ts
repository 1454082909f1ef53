/** UTF-8 for the short strings T-Lib is made of, in JS: cheaper than a call into C++ at these lengths. */

/** Longest run `decodeShortUtf8` builds from character codes; longer ones go to the multi-byte path below. */
const ASCII_RUN_MAX = 64;

/**
 * One packed array per length, reused: `String.fromCharCode(...codes)` builds the string in one allocation,
 * where appending character by character built one string per character (ropes past 12 characters).
 */
const ASCII_CODES: number[][] = Array.from({ length: ASCII_RUN_MAX + 1 }, (_, length) =>
  Array.from({ length }, () => 0),
);
const fromCharCode = String.fromCharCode;

/**
 * UTF-8 of one to three bytes per character, decoded in JS. Anything else (four-byte sequences, invalid or overlong
 * bytes, surrogates) is left to `buffer.toString`, so the result always equals Node's own decoding.
 */
export function decodeShortUtf8(buffer: Buffer, start: number, end: number): string {
  const codes = ASCII_CODES[end - start];
  if (codes !== undefined) {
    let index = 0;
    while (index < codes.length) {
      const byte = buffer[start + index]!;
      if (byte >= 0x80) break;
      codes[index++] = byte;
    }
    if (index === codes.length) return fromCharCode(...codes);
  }
  return decodeMultiByte(buffer, start, end);
}

function decodeMultiByte(buffer: Buffer, start: number, end: number): string {
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

/**
 * Writes `value` as UTF-8 at `buffer[start]` and returns the byte count; the caller has made room for three bytes
 * per UTF-16 unit. Lone surrogates become U+FFFD, as with `buffer.write`.
 */
export function encodeShortUtf8(value: string, buffer: Buffer, start: number): number {
  let at = start;
  const length = value.length;
  for (let index = 0; index < length; index++) {
    let code = value.charCodeAt(index);
    if (code < 0x80) {
      buffer[at++] = code;
      continue;
    }
    if (code < 0x800) {
      buffer[at++] = 0xc0 | (code >> 6);
      buffer[at++] = 0x80 | (code & 0x3f);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = index + 1 < length ? value.charCodeAt(index + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        index++;
        buffer[at++] = 0xf0 | (code >> 18);
        buffer[at++] = 0x80 | ((code >> 12) & 0x3f);
        buffer[at++] = 0x80 | ((code >> 6) & 0x3f);
        buffer[at++] = 0x80 | (code & 0x3f);
        continue;
      }
      code = 0xfffd;
    }
    buffer[at++] = 0xe0 | (code >> 12);
    buffer[at++] = 0x80 | ((code >> 6) & 0x3f);
    buffer[at++] = 0x80 | (code & 0x3f);
  }
  return at - start;
}

/** Character codes of the two lower-case hex digits of each byte: `HEX_CODES[2 * byte]`, `HEX_CODES[2 * byte + 1]`. */
const HEX_CODES = Uint16Array.from({ length: 512 }, (_, index) =>
  (index >> 1)
    .toString(16)
    .padStart(2, '0')
    .charCodeAt(index & 1),
);
const fromCharCode = String.fromCharCode;

/**
 * The ConnIDs read lately, direct-mapped by their two 32-bit halves: every event of a call, on every party's DN,
 * carries the same ConnID, and comparing two integers is far cheaper than building sixteen characters. Every slot
 * starts as the all-zero ConnID, so an empty slot is a correct entry too.
 */
const SLOTS = 1024;
const highs = new Int32Array(SLOTS);
const lows = new Int32Array(SLOTS);
const texts = new Array<string>(SLOTS).fill('0'.repeat(16));

/** The 8 bytes at `buffer[at]` as 16 lower-case hex digits, most significant first. The caller checked the bounds. */
export function connIdText(buffer: Buffer, at: number): string {
  const high = (buffer[at]! << 24) | (buffer[at + 1]! << 16) | (buffer[at + 2]! << 8) | buffer[at + 3]!;
  const low = (buffer[at + 4]! << 24) | (buffer[at + 5]! << 16) | (buffer[at + 6]! << 8) | buffer[at + 7]!;
  const slot = (low ^ (low >>> 10) ^ high) & (SLOTS - 1);
  if (lows[slot] === low && highs[slot] === high) return texts[slot]!;
  const text = hexDigits(buffer, at);
  highs[slot] = high;
  lows[slot] = low;
  texts[slot] = text;
  return text;
}

/** One call with all sixteen digits builds a flat string; joining hex pairs built seven, the last ones ropes. */
function hexDigits(buffer: Buffer, at: number): string {
  const h = HEX_CODES;
  const b0 = buffer[at]! << 1;
  const b1 = buffer[at + 1]! << 1;
  const b2 = buffer[at + 2]! << 1;
  const b3 = buffer[at + 3]! << 1;
  const b4 = buffer[at + 4]! << 1;
  const b5 = buffer[at + 5]! << 1;
  const b6 = buffer[at + 6]! << 1;
  const b7 = buffer[at + 7]! << 1;
  // prettier-ignore
  return fromCharCode(
    h[b0]!, h[b0 + 1]!, h[b1]!, h[b1 + 1]!, h[b2]!, h[b2 + 1]!, h[b3]!, h[b3 + 1]!,
    h[b4]!, h[b4 + 1]!, h[b5]!, h[b5 + 1]!, h[b6]!, h[b6 + 1]!, h[b7]!, h[b7 + 1]!,
  );
}

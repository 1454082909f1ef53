/**
 * G.711 A-law (PCMA, payload type 8) and mu-law (PCMU, payload type 0) for 16-bit linear samples, after the ITU-T
 * reference algorithm (the public-domain Sun g711.c).
 */
export type G711Codec = 'PCMA' | 'PCMU';

const ALAW_SEGMENT_ENDS = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff];
const ULAW_SEGMENT_ENDS = [0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff, 0x1fff];
const ULAW_BIAS = 0x84;
const ULAW_CLIP = 8159;

function segment(value: number, ends: readonly number[]): number {
  const at = ends.findIndex((end) => value <= end);
  return at < 0 ? ends.length : at;
}

export function linearToAlaw(sample: number): number {
  let value = sample >> 3;
  let mask = 0xd5;
  if (value < 0) {
    mask = 0x55;
    value = -value - 1;
  }
  const seg = segment(value, ALAW_SEGMENT_ENDS);
  if (seg >= 8) return 0x7f ^ mask;
  const quantised = seg < 2 ? (value >> 1) & 0x0f : (value >> seg) & 0x0f;
  return ((seg << 4) | quantised) ^ mask;
}

export function alawToLinear(byte: number): number {
  const a = byte ^ 0x55;
  const seg = (a & 0x70) >> 4;
  let t = (a & 0x0f) << 4;
  if (seg === 0) t += 8;
  else t = (t + 0x108) << (seg - 1);
  return a & 0x80 ? t : -t;
}

export function linearToUlaw(sample: number): number {
  let value = sample >> 2;
  let mask = 0xff;
  if (value < 0) {
    value = -value;
    mask = 0x7f;
  }
  value = Math.min(value, ULAW_CLIP) + (ULAW_BIAS >> 2);
  const seg = segment(value, ULAW_SEGMENT_ENDS);
  if (seg >= 8) return 0x7f ^ mask;
  return ((seg << 4) | ((value >> (seg + 1)) & 0x0f)) ^ mask;
}

export function ulawToLinear(byte: number): number {
  const u = ~byte & 0xff;
  const t = (((u & 0x0f) << 3) + ULAW_BIAS) << ((u & 0x70) >> 4);
  return u & 0x80 ? ULAW_BIAS - t : t - ULAW_BIAS;
}

/** Byte -> sample in -1..1, per codec: decoding a packet is a table lookup per byte. */
const DECODED: Readonly<Record<G711Codec, Float32Array>> = {
  PCMA: Float32Array.from({ length: 256 }, (_, byte) => alawToLinear(byte) / 32768),
  PCMU: Float32Array.from({ length: 256 }, (_, byte) => ulawToLinear(byte) / 32768),
};

export function decodeG711(codec: G711Codec, payload: Uint8Array): Float32Array {
  const table = DECODED[codec];
  return Float32Array.from(payload, (byte) => table[byte] ?? 0);
}

/** Samples in -1..1 -> G.711 bytes. */
export function encodeG711(codec: G711Codec, samples: Float32Array): Buffer {
  const encode = codec === 'PCMA' ? linearToAlaw : linearToUlaw;
  return Buffer.from(samples.map((sample) => encode(Math.max(-32768, Math.min(32767, Math.round(sample * 32768))))));
}

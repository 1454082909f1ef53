import { encodeG711, type G711Codec } from './g711';

export const SAMPLE_RATE = 8000;
/** One packet every 20 ms: 160 samples at 8 kHz. */
export const SAMPLES_PER_PACKET = 160;

/**
 * One second of a sine tone at 8 kHz, G.711-encoded: with a whole number of periods in a second (440 Hz) it loops
 * without a click. Amplitude 0.5 gives an RMS of 0.354 at the far end.
 */
export function toneSecond(codec: G711Codec, frequencyHz = 440, amplitude = 0.5): Buffer {
  const samples = Float32Array.from(
    { length: SAMPLE_RATE },
    (_, n) => amplitude * Math.sin((2 * Math.PI * frequencyHz * n) / SAMPLE_RATE),
  );
  return encodeG711(codec, samples);
}

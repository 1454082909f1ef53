import { alawToLinear, decodeG711, encodeG711, linearToAlaw, linearToUlaw, ulawToLinear } from './g711';
import { toneSecond } from './tone';

describe('G.711', () => {
  it('matches the reference values at the ends of the range and at silence', () => {
    expect(linearToAlaw(0)).toBe(0xd5);
    expect(linearToAlaw(32767)).toBe(0xaa);
    expect(linearToAlaw(-32768)).toBe(0x2a);
    expect(linearToUlaw(0)).toBe(0xff);
    expect(linearToUlaw(32767)).toBe(0x80);
    expect(linearToUlaw(-32768)).toBe(0x00);
    expect(alawToLinear(0xd5)).toBe(8);
    expect(ulawToLinear(0xff)).toBe(0);
  });

  it('round-trips every code word of both laws', () => {
    for (let byte = 0; byte < 256; byte++) {
      expect(linearToAlaw(alawToLinear(byte))).toBe(byte);
      if (byte !== 0x7f) expect(linearToUlaw(ulawToLinear(byte))).toBe(byte); // 0x7f and 0xff are both zero
    }
  });

  it('keeps a 0.5 sine at RMS 0.354 through either law', () => {
    for (const codec of ['PCMA', 'PCMU'] as const) {
      const samples = decodeG711(codec, toneSecond(codec));
      const rms = Math.sqrt(samples.reduce((sum, sample) => sum + sample * sample, 0) / samples.length);
      expect(rms).toBeCloseTo(0.5 / Math.SQRT2, 2);
      expect(encodeG711(codec, samples)).toEqual(toneSecond(codec));
    }
  });
});

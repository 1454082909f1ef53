import { timeStampFromMillis, timeStampToMillis } from './timestamp';

describe('TimeStamp from milliseconds', () => {
  it('splits a time into whole seconds and the microseconds within them', () => {
    expect(timeStampFromMillis(1_779_321_600_123.456)).toEqual({ seconds: 1_779_321_600, microseconds: 123_456 });
    expect(timeStampToMillis({ seconds: 1_779_321_600, microseconds: 123_456 })).toBeCloseTo(1_779_321_600_123.456, 3);
  });

  it('carries the last half microsecond of a second into the next second (it gave 1,000,000 µs)', () => {
    expect(timeStampFromMillis(1_779_321_600_999.999_5)).toEqual({ seconds: 1_779_321_601, microseconds: 0 });
    expect(timeStampFromMillis(999.9995)).toEqual({ seconds: 1, microseconds: 0 });
  });

  it('keeps the microseconds within 0..999,999 for any reading', () => {
    const outOfRange: number[] = [];
    for (let tenthsOfMicro = 0; tenthsOfMicro < 20_000; tenthsOfMicro++) {
      const { microseconds } = timeStampFromMillis(1_779_321_600_998 + tenthsOfMicro / 10_000);
      if (microseconds < 0 || microseconds >= 1_000_000) outOfRange.push(microseconds);
    }
    expect(outOfRange).toEqual([]);
  });
});

import { INT32_MAX, INT32_MIN, isInt32 } from './int32';

describe('isInt32', () => {
  it.each([0, 1, -1, INT32_MIN, INT32_MAX])('accepts %p', (value) => {
    expect(isInt32(value)).toBe(true);
  });

  it.each([INT32_MAX + 1, INT32_MIN - 1, 1.5, Number.NaN, Infinity, '1', null, undefined, 2n])(
    'refuses %p',
    (value) => {
      expect(isInt32(value)).toBe(false);
    },
  );
});

/** The range of a T-Lib / Configuration Server `int`: a signed 32-bit integer. */
export const INT32_MIN = -0x80000000;
export const INT32_MAX = 0x7fffffff;

/** Whether `value` is an integer that fits a signed 32-bit `int` on the wire. */
export function isInt32(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= INT32_MIN && (value as number) <= INT32_MAX;
}

import { isInt32 } from './int32';

/**
 * Flat user data: the JSON object form of a flat KVList that the REST APIs take (GWS `userData`, the simulator's
 * injected calls): at most `FLAT_USER_DATA_MAX_PAIRS` keys of 1 to `FLAT_USER_DATA_MAX_KEY` characters, each a string
 * or a finite number. Numbers that are not int32 travel as strings (`flatUserDataToKV`).
 */
export type FlatUserData = Readonly<Record<string, string | number>>;

export const FLAT_USER_DATA_MAX_PAIRS = 200;
export const FLAT_USER_DATA_MAX_KEY = 255;

/** The rule in words, for validation messages: `userData must be ${FLAT_USER_DATA_RULE}`. */
export const FLAT_USER_DATA_RULE = `an object of at most ${FLAT_USER_DATA_MAX_PAIRS} keys whose values are strings or numbers`;

/** Whether `value` is flat user data (see FlatUserData). Arrays and nested objects are not. */
export function isFlatUserData(value: unknown): value is FlatUserData {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= FLAT_USER_DATA_MAX_PAIRS &&
    entries.every(
      ([key, item]) =>
        key.length > 0 &&
        key.length <= FLAT_USER_DATA_MAX_KEY &&
        (typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item))),
    )
  );
}

/** KVList input (`KVList.from`) for flat user data: int32 numbers stay ints, other numbers become strings. */
export function flatUserDataToKV(data: FlatUserData): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      typeof value === 'number' && !isInt32(value) ? String(value) : value,
    ]),
  );
}

import { registerDecorator, type ValidationOptions } from 'class-validator';

const MAX_PAIRS = 200;
const MAX_KEY = 255;

/** GWS `userData`: a flat object of string or number values (numbers that are not int32 travel as strings). */
export function IsFlatUserData(options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isFlatUserData',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `$property must be an object of at most ${MAX_PAIRS} keys whose values are strings or numbers`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= MAX_PAIRS &&
            entries.every(
              ([key, item]) =>
                key.length > 0 &&
                key.length <= MAX_KEY &&
                (typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item))),
            )
          );
        },
      },
    });
}

/** KVList input from GWS userData: int32 numbers stay ints, other numbers become strings. */
export function userDataPairs(userData: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(userData).map(([key, value]) => [
      key,
      typeof value === 'number' && !(Number.isInteger(value) && value >= -0x80000000 && value <= 0x7fffffff)
        ? String(value)
        : value,
    ]),
  );
}

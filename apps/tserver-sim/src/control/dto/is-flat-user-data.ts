import { registerDecorator, type ValidationOptions } from 'class-validator';

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;

/** An object whose values are strings or int32 numbers (what a flat KVList holds). */
export function IsFlatUserData(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isFlatUserData',
      target: target.constructor,
      propertyName: String(propertyName),
      ...(options !== undefined ? { options } : {}),
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          Object.values(value).every(
            (item) => typeof item === 'string' || (Number.isInteger(item) && item >= INT32_MIN && item <= INT32_MAX),
          ),
        defaultMessage: () => 'userData values must be strings or 32-bit integers',
      },
    });
  };
}

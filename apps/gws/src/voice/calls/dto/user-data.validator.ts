import { FLAT_USER_DATA_RULE, isFlatUserData } from '@gws/tlib';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** GWS `userData`: flat user data, the one rule of `@gws/tlib` (isFlatUserData) that the simulator applies too. */
export function IsFlatUserData(options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isFlatUserData',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property must be ${FLAT_USER_DATA_RULE}`, ...options },
      validator: { validate: (value: unknown): boolean => isFlatUserData(value) },
    });
}

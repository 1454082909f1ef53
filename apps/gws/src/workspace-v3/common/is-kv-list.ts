import type { ApiPropertyOptions } from '@nestjs/swagger';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isKvList } from './kv-list';

/** A v3 key-value list: `[{"key": "k", "type": "str" | "int" | "kvlist", "value": ...}]`. */
export function IsKvList(options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isKvList',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a list of {key, type: str | int | kvlist, value}', ...options },
      validator: { validate: (value: unknown): boolean => isKvList(value) },
    });
}

/** How OpenAPI shows a KV list. */
export function kvListProperty(description: string): ApiPropertyOptions {
  return {
    description,
    type: 'array',
    items: {
      type: 'object',
      required: ['key', 'type', 'value'],
      properties: {
        key: { type: 'string' },
        type: { type: 'string', enum: ['str', 'int', 'kvlist'] },
        value: { description: 'a string (str), an integer (int) or a KV list (kvlist)' },
      },
    },
    example: [{ key: 'Segment', type: 'str', value: 'Gold' }],
  };
}

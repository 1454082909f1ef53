import { TlibError } from './tlib.error';

/** A value that cannot be encoded as the type its attribute or KVList pair asks for. */
export class InvalidValueError extends TlibError {
  constructor(
    readonly field: string,
    readonly value: unknown,
    reason: string,
  ) {
    super('INVALID_VALUE', `${field}: ${describe(value)} is not valid: ${reason}`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Uint8Array) return `${value.byteLength} bytes`;
  if (value === null || typeof value !== 'object') return String(value);
  return value.constructor.name;
}

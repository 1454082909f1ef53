import { InvalidValueError } from '../errors/invalid-value.error';
import type { ConnId } from './value-type';

const CONNID_PATTERN = /^[0-9a-f]{16}$/;

export function isConnId(value: unknown): value is ConnId {
  return typeof value === 'string' && CONNID_PATTERN.test(value);
}

/** Normalises a ConnID given as 1-16 hex digits (any case) or a bigint to the 16-digit lower-case form. */
export function toConnId(value: string | bigint): ConnId {
  const hex = typeof value === 'bigint' ? value.toString(16) : value.toLowerCase();
  if (!/^[0-9a-f]{1,16}$/.test(hex)) {
    throw new InvalidValueError('ConnID', value, 'expected 1 to 16 hex digits or a 64-bit unsigned bigint');
  }
  return hex.padStart(16, '0');
}

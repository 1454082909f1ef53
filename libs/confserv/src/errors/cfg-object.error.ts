import { ConfServError } from './confserv.error';

/** A configuration object that does not fit its type's schema, named by the path of the offending field. */
export class CfgObjectError extends ConfServError {
  constructor(
    readonly path: string,
    readonly value: unknown,
    reason: string,
  ) {
    super('INVALID_OBJECT', `${path}: ${reason} (got ${describe(value)})`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  return Array.isArray(value) ? 'an array' : typeof value;
}

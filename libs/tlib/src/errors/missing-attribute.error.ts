import { TlibError } from './tlib.error';

/** A message lacks an attribute that its specification makes mandatory. */
export class MissingAttributeError extends TlibError {
  constructor(
    readonly messageName: string,
    readonly missing: readonly string[],
  ) {
    super('MISSING_ATTRIBUTE', `${messageName} requires ${missing.join(', ')}`);
  }
}

import { ConfServError } from './confserv.error';

export class InvalidFilterError extends ConfServError {
  constructor(
    readonly key: string,
    readonly value: unknown,
    reason: string,
  ) {
    super(
      'INVALID_FILTER',
      `filter key ${JSON.stringify(key)}: ${reason} (got ${JSON.stringify(value) ?? String(value)})`,
    );
  }
}

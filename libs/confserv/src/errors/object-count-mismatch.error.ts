import { ConfServError } from './confserv.error';

/** A read whose batches do not add up to the total the server announced: the result would be incomplete. */
export class ObjectCountMismatchError extends ConfServError {
  constructor(
    readonly typeName: string,
    readonly received: number,
    readonly total: number,
  ) {
    super('OBJECT_COUNT_MISMATCH', `read of ${typeName}: received ${received} objects, server announced ${total}`);
  }
}

import { ConfServError } from '@gws/confserv';

/** A created or updated object whose unique key (DBID, user name, DN number, ...) another object already has. */
export class DuplicateObjectError extends ConfServError {
  constructor(
    readonly typeName: string,
    readonly key: string,
    readonly value: string | number,
  ) {
    super('DUPLICATE_OBJECT', `${typeName} with ${key} ${JSON.stringify(value)} already exists`);
  }
}

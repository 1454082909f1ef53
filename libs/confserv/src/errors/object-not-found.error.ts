import { ConfServError } from './confserv.error';

export class ObjectNotFoundError extends ConfServError {
  constructor(
    readonly typeName: string,
    readonly key: string,
  ) {
    super('OBJECT_NOT_FOUND', `no ${typeName} ${key}`);
  }
}

import { ConfServError } from './confserv.error';

/** A `CfgObjectType` this project does not model (only the types in `CfgObjectMap` travel). */
export class UnsupportedObjectTypeError extends ConfServError {
  constructor(readonly objectType: unknown) {
    super('UNSUPPORTED_OBJECT_TYPE', `object type ${String(objectType)} is not supported`);
  }
}

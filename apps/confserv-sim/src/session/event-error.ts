import {
  CfgObjectError,
  ConfServErrorCode,
  InvalidFilterError,
  ObjectNotFoundError,
  UnsupportedObjectTypeError,
} from '@gws/confserv';
import { DuplicateObjectError } from '../store/duplicate-object.error';
import { RequestRefusal } from './request-refusal.error';

/** An EventError ready to send: its IATRCFG_ERRORCODE and SATRCFG_DESCRIPTION. */
export interface EventErrorBody {
  readonly code: ConfServErrorCode;
  readonly description: string;
}

/** Maps what a request handler threw to the EventError the client gets; unexpected errors become Internal. */
export function toEventError(error: unknown): EventErrorBody {
  const description = error instanceof Error ? error.message : String(error);
  if (error instanceof RequestRefusal) return { code: error.errorCode, description };
  if (error instanceof UnsupportedObjectTypeError)
    return { code: ConfServErrorCode.UnsupportedObjectType, description };
  if (error instanceof InvalidFilterError) return { code: ConfServErrorCode.InvalidFilter, description };
  if (error instanceof ObjectNotFoundError) return { code: ConfServErrorCode.ObjectNotFound, description };
  if (error instanceof CfgObjectError) return { code: ConfServErrorCode.InvalidObject, description };
  if (error instanceof DuplicateObjectError) return { code: ConfServErrorCode.DuplicateObject, description };
  return { code: ConfServErrorCode.Internal, description: 'internal error' };
}

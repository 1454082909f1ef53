import { ConfServErrorCode, type ConfServErrorCode as ErrorCode } from '../protocol/confserv-error-codes';
import { enumName } from '../protocol/cfg-enums';
import { ConfServError } from './confserv.error';

/** The server answered a request with EventError. */
export class ConfServRequestError extends ConfServError {
  constructor(
    readonly request: string,
    readonly errorCode: number,
    readonly description: string,
  ) {
    super('EVENT_ERROR', `${request} failed: ${enumName(ConfServErrorCode, errorCode)} (${errorCode}) ${description}`);
  }

  is(code: ErrorCode): boolean {
    return this.errorCode === code;
  }
}

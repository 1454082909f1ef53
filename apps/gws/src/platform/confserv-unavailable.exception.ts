import { HttpStatus } from '@nestjs/common';
import { isConfServUnavailable } from '@gws/confserv';
import { GwsException } from '../common/gws.exception';
import { GwsStatus } from '../common/gws-status';

/**
 * Configuration Server cannot be used right now: no registered link, or no answer in time (a hung server's link is
 * then closed by the client). Answered `503 {"statusCode":4}` with a message that says to try again, never as an
 * internal error. The login path turns it into AuthenticationFailure 'unavailable'.
 */
export class ConfServUnavailableException extends GwsException {
  constructor(readonly detail: string) {
    super(
      GwsStatus.InternalError,
      'Configuration Server is unavailable; try again shortly',
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
}

/** `error` as a ConfServUnavailableException when it says Configuration Server is unavailable; else `error` itself. */
export function asConfServUnavailable(error: unknown): unknown {
  if (error instanceof ConfServUnavailableException || !isConfServUnavailable(error)) return error;
  return new ConfServUnavailableException(error.message);
}

import { HttpException, type HttpStatus } from '@nestjs/common';
import { HTTP_STATUS_FOR, type GwsErrorBody, type GwsStatusCode } from './gws-status';

/** A request refused with a GWS statusCode; the filter turns it into `{statusCode, statusMessage}`. */
export class GwsException extends HttpException {
  constructor(
    readonly statusCode: GwsStatusCode,
    readonly statusMessage: string,
    httpStatus: HttpStatus = HTTP_STATUS_FOR[statusCode],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super({ statusCode, statusMessage } satisfies GwsErrorBody, httpStatus);
  }
}

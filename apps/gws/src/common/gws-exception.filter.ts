import { randomUUID } from 'node:crypto';
import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { GwsException } from './gws.exception';
import { GwsStatus, type GwsErrorBody, type GwsStatusCode } from './gws-status';
import { asStoreUnavailable, StoreUnavailableException } from './store-unavailable';

/**
 * Every error leaves as a GWS envelope. Framework errors are translated (unknown route -> 6, malformed JSON, a body
 * nested too deep or an oversized body -> 10); a store (Redis) that cannot be reached is 4 with HTTP 503, whichever
 * service met it; anything unexpected is 4 with an error id that the log line carries too, and HTTP 500: only a
 * server fault gets there, client mistakes are refused earlier with 1 or 10 (docs/api.md).
 */
@Catch()
export class GwsExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('GwsExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body, headers } = this.translate(exception);
    if (response.headersSent) {
      // Too late for an envelope (a handler failed while streaming): end the exchange rather than leave it hanging.
      this.logger.warn(`error after the answer had started: ${body.statusMessage}`);
      response.end();
      return;
    }
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(status).json(body);
  }

  private translate(thrown: unknown): { status: number; body: GwsErrorBody; headers: Record<string, string> } {
    const exception = asStoreUnavailable(thrown);
    if (exception instanceof StoreUnavailableException) {
      // The outage itself is logged once by the Redis status watch; one line per refused request would flood the log.
      this.logger.debug(`refused, store unavailable: ${exception.detail}`);
    }
    if (exception instanceof GwsException) {
      return {
        status: exception.getStatus(),
        body: { statusCode: exception.statusCode, statusMessage: exception.statusMessage },
        headers: { ...exception.headers },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus() as HttpStatus;
      return { status, body: this.fromHttpException(exception, status), headers: {} };
    }
    const errorId = randomUUID();
    this.logger.error(`unexpected error ${errorId}`, exception instanceof Error ? exception.stack : String(exception));
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { statusCode: GwsStatus.InternalError, statusMessage: `Internal error (error id ${errorId})` },
      headers: {},
    };
  }

  private fromHttpException(exception: HttpException, status: HttpStatus): GwsErrorBody {
    const message = exception.message;
    const envelope = (statusCode: GwsStatusCode, statusMessage: string): GwsErrorBody => ({
      statusCode,
      statusMessage,
    });
    switch (status) {
      case HttpStatus.NOT_FOUND:
        return envelope(GwsStatus.NotFound, 'Resource not found');
      case HttpStatus.PAYLOAD_TOO_LARGE:
        return envelope(GwsStatus.ValidationError, 'Request body is too large');
      case HttpStatus.BAD_REQUEST:
        return envelope(
          GwsStatus.ValidationError,
          /JSON|Unexpected token|position/i.test(message) ? `Malformed JSON body: ${message}` : message,
        );
      case HttpStatus.UNAUTHORIZED:
        return envelope(GwsStatus.NotAuthenticated, 'Access denied: authentication required');
      case HttpStatus.FORBIDDEN:
        return envelope(GwsStatus.Forbidden, message);
      default:
        return envelope((status as number) >= 500 ? GwsStatus.InternalError : GwsStatus.ValidationError, message);
    }
  }
}

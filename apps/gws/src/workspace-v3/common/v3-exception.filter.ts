import { randomUUID } from 'node:crypto';
import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { GwsException } from '../../common/gws.exception';
import { GwsStatus } from '../../common/gws-status';
import { asStoreUnavailable } from '../../common/store-unavailable';
import type { V3Answer } from './v3-answers';

/**
 * Every failure of a Workspace API v3 route leaves as `{status: {code, message}}` (ApiErrorResponse) with an HTTP
 * error status, which is what the library rejects on. `code` is the GWS statusCode of the same failure
 * (docs/api.md): the v3 codes of Genesys' server are not public, and one table serves both surfaces.
 */
@Catch()
export class V3ExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WorkspaceV3');

  catch(thrown: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, code, message, headers } = this.translate(asStoreUnavailable(thrown));
    if (response.headersSent) {
      response.end();
      return;
    }
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const body: V3Answer = { status: { code, message } };
    response.status(status).json(body);
  }

  private translate(exception: unknown): {
    status: number;
    code: number;
    message: string;
    headers: Readonly<Record<string, string>>;
  } {
    if (exception instanceof GwsException) {
      const { statusCode, statusMessage, headers } = exception;
      return { status: exception.getStatus(), code: statusCode, message: statusMessage, headers };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code =
        status === 404 ? GwsStatus.NotFound : status >= 500 ? GwsStatus.InternalError : GwsStatus.ValidationError;
      const message = status === 404 ? 'Resource not found' : exception.message;
      return { status, code, message, headers: {} };
    }
    const errorId = randomUUID();
    this.logger.error(`unexpected error ${errorId}`, exception instanceof Error ? exception.stack : String(exception));
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      code: GwsStatus.InternalError,
      message: `Internal error (error id ${errorId})`,
      headers: {},
    };
  }
}

import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { LinkLogger } from '@gws/framed-link';
import { TErrorCode, TlibError } from '@gws/tlib';
import type { Response } from 'express';
import { TServerError } from '../switch/tserver-error';
import { UnknownClientError } from '../unknown-client.error';

/** Every control API error as `{ "error": "<reason>" }`: 400 bad input, 404 unknown call or client. */
@Catch()
export class ControlExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: LinkLogger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, reason] = this.map(error);
    response.status(status).json({ error: reason });
  }

  private map(error: unknown): [number, string] {
    if (isHttpException(error)) return [error.getStatus(), reasonOf(error)];
    if (error instanceof UnknownClientError) return [HttpStatus.NOT_FOUND, error.message];
    if (error instanceof TServerError) {
      const notFound = error.code === TErrorCode.InvalidConnId || error.code === TErrorCode.NotConfigured;
      return [notFound ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, error.message];
    }
    if (error instanceof TlibError) return [HttpStatus.BAD_REQUEST, error.message];
    this.logger.error({ err: error }, 'control API request failed');
    return [HttpStatus.INTERNAL_SERVER_ERROR, 'internal error'];
  }
}

/**
 * Duck-typed: under tsx, Nest's platform adapter may load its own instance of @nestjs/common, so its
 * BadRequestException (malformed JSON) is not an `instanceof` our HttpException.
 */
function isHttpException(error: unknown): error is HttpException {
  const candidate = error as Partial<HttpException> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.getStatus === 'function' &&
    typeof candidate.getResponse === 'function'
  );
}

/** The text of a Nest HTTP error: validation messages joined, or the message. */
function reasonOf(error: HttpException): string {
  const body = error.getResponse();
  if (typeof body === 'string') return body;
  const { message, error: reason } = body as { message?: unknown; error?: unknown };
  if (typeof reason === 'string' && message === undefined) return reason;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : error.message;
}

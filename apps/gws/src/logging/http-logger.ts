import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** CometD long polls: one per agent every half minute, and each event's delivery; logging them would drown the rest. */
const QUIET_PREFIXES = ['/api/v2/notifications', '/workspace/v3/notifications'];

/**
 * One log line per HTTP request with its id (`X-Request-Id`, the caller's when it sends a sane one) and outcome.
 * Plain pino-http middleware: no AsyncLocalStorage, which would turn on promise hooks for the whole process and tax
 * every await on the push path (issue 16); log lines of the request's own work carry no request id.
 */
export function httpLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (request, response) => {
      const given = request.headers['x-request-id'];
      const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
      response.setHeader('X-Request-Id', id);
      return id;
    },
    autoLogging: { ignore: (request) => QUIET_PREFIXES.some((prefix) => request.url?.startsWith(prefix) ?? false) },
  }) as RequestHandler;
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** CometD long polls: one per agent every half minute, and each event's delivery; logging them would drown the rest. */
const QUIET_PREFIXES = ['/api/v2/notifications', '/workspace/v3/notifications'];

/** A request id the caller may choose: short, and nothing that could forge a log line. */
const SANE_REQUEST_ID = /^[\w-]{1,64}$/;

/**
 * One log line per HTTP request with its id (`X-Request-Id`, the caller's when it sends a sane one) and outcome:
 * `request completed` at info, `request failed` at error for a 5xx, `request aborted` at warn when the client left
 * before the answer. The line holds method, path, status, time and client address, never headers, so no credential
 * can reach it. No AsyncLocalStorage, which would turn on promise hooks for the whole process and tax every await on
 * the push path; log lines of the request's own work carry no request id.
 *
 * Written here rather than with pino-http, which gave the same line: pino-http makes a child logger of every
 * request with the request serialised into it (headers, redaction, JSON) before it is known whether anything will
 * be logged, about 0.1 ms of a REST request's CPU in `npm run bench:login -- --stages` (docs/bench-login.md).
 */
export function httpLogger(logger: Logger): RequestHandler {
  return (request, response, next) => {
    const given = request.headers['x-request-id'];
    const id = typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
    response.setHeader('X-Request-Id', id);
    const url = request.originalUrl;
    if (logger.isLevelEnabled('error') && !QUIET_PREFIXES.some((prefix) => url.startsWith(prefix))) {
      logWhenDone(logger, id, url, request, response, performance.now());
    }
    next();
  };
}

function logWhenDone(
  logger: Logger,
  id: string,
  url: string,
  request: IncomingMessage,
  response: ServerResponse,
  started: number,
): void {
  const done = (): void => {
    response.off('finish', done);
    response.off('close', done);
    const line = {
      reqId: id,
      req: { method: request.method, url, remoteAddress: request.socket.remoteAddress },
      res: { statusCode: response.statusCode },
      responseTime: Math.round(performance.now() - started),
    };
    if (!response.writableFinished) logger.warn(line, 'request aborted');
    else if (response.statusCode >= 500) logger.error(line, 'request failed');
    else logger.info(line, 'request completed');
  };
  response.on('finish', done);
  response.on('close', done);
}

import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';
import type { GwsConfig } from '../config/gws-config';

/**
 * Structured JSON logs with a request id per HTTP request (`X-Request-Id` when the caller sends one). Credentials
 * never reach the log: authorization, cookies, CSRF tokens and API keys are redacted from requests and responses.
 */
export function loggerOptions(config: GwsConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      name: 'gws',
      genReqId: (request, response) => {
        const given = request.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
        response.setHeader('X-Request-Id', id);
        return id;
      },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-csrf-token"]',
          // The API key the Workspace API v3 client library sends on every request.
          'req.headers["x-api-key"]',
          'res.headers["set-cookie"]',
          'res.headers["x-csrf-token"]',
        ],
        censor: '[redacted]',
      },
      autoLogging: { ignore: (request) => request.url?.startsWith('/api/v2/notifications') ?? false },
    },
  };
}

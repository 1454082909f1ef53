import pino, { type Logger } from 'pino';
import type { GwsConfig } from '../config/gws-config';

/** Where every credential a request or response may carry sits in a log line; each is written `[redacted]`. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  // The API key the Workspace API v3 client library sends on every request.
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'res.headers["x-csrf-token"]',
];

/**
 * The node's one pino logger (structured JSON on stdout): the HTTP request log, Nest's own messages and the platform
 * links' logs are all its children. Credentials never reach it (REDACTED_PATHS).
 */
export function createPinoLogger(config: Pick<GwsConfig, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, name: 'gws', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}

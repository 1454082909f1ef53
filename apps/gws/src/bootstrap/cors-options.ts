import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { GwsConfig } from '../config/gws-config';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'];
const ALLOWED_HEADERS = [
  'X-Requested-With',
  'Content-Type',
  'Accept',
  'Origin',
  'Cookie',
  'Authorization',
  'X-CSRF-TOKEN',
  'X-Request-Id',
  // Sent by Genesys' Workspace API v3 client when given an API key (ignored by open-gws).
  'x-api-key',
];
const EXPOSED_HEADERS = ['X-CSRF-HEADER', 'X-CSRF-TOKEN', 'X-Request-Id'];
const MAX_AGE_SECONDS = 120;

/** Whether a browser origin is allowed: GWS `allowedOrigins`, `*` standing for one host label. */
function originMatcher(config: GwsConfig): ((origin: string) => boolean) | undefined {
  if (config.corsAllowedOrigins.length === 0) return undefined;
  const patterns = config.corsAllowedOrigins.map((origin) =>
    origin === '*' ? /^.*$/ : new RegExp(`^${origin.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^./:]+')}$`),
  );
  return (origin) => patterns.some((pattern) => pattern.test(origin));
}

/** GWS `crossOriginSettings` for the REST API: allowed origins, credentials, the CSRF headers exposed. */
export function corsOptions(config: GwsConfig): CorsOptions | undefined {
  const allowed = originMatcher(config);
  if (allowed === undefined) return undefined;
  return {
    origin: (origin, callback) => callback(null, origin === undefined || allowed(origin)),
    credentials: true,
    methods: METHODS,
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: MAX_AGE_SECONDS,
  };
}

/**
 * The same rules for the CometD endpoint, which is served ahead of Express: adds the headers for an allowed origin
 * and answers a preflight itself (returns true when it did).
 */
export function notificationsCors(
  config: GwsConfig,
): ((request: IncomingMessage, response: ServerResponse) => boolean) | undefined {
  const allowed = originMatcher(config);
  if (allowed === undefined) return undefined;
  return (request, response) => {
    const origin = request.headers.origin;
    if (origin === undefined || !allowed(origin)) return false;
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Access-Control-Allow-Credentials', 'true');
    response.setHeader('Vary', 'Origin');
    if (request.method !== 'OPTIONS') return false;
    response.setHeader('Access-Control-Allow-Methods', METHODS.join(','));
    response.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS.join(','));
    response.setHeader('Access-Control-Max-Age', String(MAX_AGE_SECONDS));
    response.statusCode = 204;
    response.end();
    return true;
  };
}

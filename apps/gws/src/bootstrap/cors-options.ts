import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { GwsConfig } from '../config/gws-config';

/** GWS `crossOriginSettings`: allowed origins (with `*` for one host label), credentials, CSRF headers exposed. */
export function corsOptions(config: GwsConfig): CorsOptions | undefined {
  if (config.corsAllowedOrigins.length === 0) return undefined;
  const patterns = config.corsAllowedOrigins.map(originPattern);
  return {
    origin: (origin, callback) =>
      callback(null, origin === undefined || patterns.some((pattern) => pattern.test(origin))),
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowedHeaders: [
      'X-Requested-With',
      'Content-Type',
      'Accept',
      'Origin',
      'Cookie',
      'Authorization',
      'X-CSRF-TOKEN',
      'X-Request-Id',
    ],
    exposedHeaders: ['X-CSRF-HEADER', 'X-CSRF-TOKEN', 'X-Request-Id'],
    maxAge: 120,
  };
}

function originPattern(origin: string): RegExp {
  if (origin === '*') return /^.*$/;
  const escaped = origin.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^./:]+');
  return new RegExp(`^${escaped}$`);
}

import type { LinkLogger } from './link-logger';

/** Prefixes every line's fields with `logger: name`, so lines from this client are easy to pick out. */
export function namedLogger(logger: LinkLogger, name: string): LinkLogger {
  return {
    debug: (obj, msg) => logger.debug({ logger: name, ...obj }, msg),
    info: (obj, msg) => logger.info({ logger: name, ...obj }, msg),
    warn: (obj, msg) => logger.warn({ logger: name, ...obj }, msg),
    error: (obj, msg) => logger.error({ logger: name, ...obj }, msg),
  };
}

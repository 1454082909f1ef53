import type { LinkLogger } from '@gws/framed-link';
import type { Logger } from 'pino';

/** Hands the libraries (which take a LinkLogger, never a framework logger) a child of the node's pino logger. */
export function linkLoggerFrom(logger: Logger): LinkLogger {
  return {
    debug: (obj, msg) => logger.debug(obj, msg),
    info: (obj, msg) => logger.info(obj, msg),
    warn: (obj, msg) => logger.warn(obj, msg),
    error: (obj, msg) => logger.error(obj, msg),
  };
}

import { Logger } from '@nestjs/common';

/** Injection token of the resolved {@link NotificationsLogger}. */
export const NOTIFICATIONS_LOGGER = Symbol('NOTIFICATIONS_LOGGER');

/**
 * Logging hook of the notifications layer: structured fields first, as pino does, so a pino logger
 * (or a child of it) can be passed as it is. Fields never hold cookies, headers or session ids.
 */
export interface NotificationsLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** Default hook: Nest's logger under the given context, so the application's logger settings apply. */
export function nestNotificationsLogger(context: string): NotificationsLogger {
  const logger = new Logger(context);
  const line = (fields: object, message: string): string => `${message} ${JSON.stringify(fields)}`;
  return {
    debug: (fields, message) => logger.debug(line(fields, message)),
    info: (fields, message) => logger.log(line(fields, message)),
    warn: (fields, message) => logger.warn(line(fields, message)),
  };
}

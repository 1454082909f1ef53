/** The logging a link needs; a pino logger fits as it is. Libraries take one instead of creating their own. */
export interface LinkLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const ignore = (): void => undefined;

export const silentLogger: LinkLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };

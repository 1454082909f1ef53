import type { EventEmitter } from 'node:events';

/** Where the guards report; a pino logger fits. */
export interface ProcessGuardLogger {
  error(fields: object, message: string): void;
}

/**
 * Last line of defence of a GWS process: an error that escaped every request handler, timer or socket listener is
 * logged and the process goes on. Node's default is to exit, which would drop every agent's push channel and
 * T-Server link for the fault of one request; the handlers at each boundary (HTTP, CometD, T-Lib links) are meant to
 * catch everything first, and a line here is a bug to fix (docs/security.md).
 */
export function installProcessGuards(log: ProcessGuardLogger, target: EventEmitter = process): void {
  target.on('uncaughtException', (error: unknown, origin: unknown) => {
    log.error({ err: error, origin }, 'uncaught error: the process goes on');
  });
  target.on('unhandledRejection', (reason: unknown) => {
    log.error({ err: reason }, 'unhandled promise rejection: the process goes on');
  });
}

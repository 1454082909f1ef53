import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Nest's messages (its own and every `new Logger(context)` of ours) as pino lines, `context` a field. Written here
 * rather than taken from nestjs-pino, whose current release needs Node >= 22 and binds each line to its request
 * through AsyncLocalStorage (see http-logger.ts).
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    // Nest passes (message, stack?, context?).
    const [stack, ...rest] = params;
    const trace = typeof stack === 'string' && rest.length > 0 ? { stack } : {};
    this.write('error', message, typeof stack === 'string' && rest.length > 0 ? rest : params, trace);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[], extra: Record<string, unknown> = {}): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const last = params.at(-1);
    const fields: Record<string, unknown> = { ...extra, ...(typeof last === 'string' ? { context: last } : {}) };
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ ...fields, ...message });
    else this.logger[level](fields, String(message));
  }
}

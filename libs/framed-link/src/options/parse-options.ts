import { INT32_MAX } from '@gws/tlib';
import { z } from 'zod';
import type { SocketEndpoint } from '../connect-socket';
import { InvalidOptionError } from '../errors/invalid-option.error';
import { DEFAULT_RETRY_STRATEGY } from '../backoff';
import { silentLogger, type LinkLogger } from '../link-logger';
import type { RetryStrategy } from '../link/connection-loop';

/**
 * Checks a client's options against its schema, once, in its constructor, and returns them with every default
 * applied. @throws InvalidOptionError naming the first offending option (`endpoints.primary.port`) and its value
 */
export function parseOptions<S extends z.ZodType>(client: string, schema: S, options: unknown): z.output<S> {
  const parsed = schema.safeParse(options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path ?? [];
  throw new InvalidOptionError(client, path.join('.'), valueAt(options, path), issue?.message ?? 'invalid');
}

/** An integer option from `min` to `max` (the int32 maximum unless given). */
export function intOption(min: number, max = INT32_MAX): z.ZodInt {
  const expected = { error: `an integer from ${min} to ${max}` };
  return z.int(expected).min(min, expected).max(max, expected);
}

export function nonEmptyString(): z.ZodString {
  const expected = { error: 'a non-empty string' };
  return z.string(expected).min(1, expected);
}

/** `{ host, port }`; a missing or empty host is reported on the endpoint itself, a bad port on `.port`. */
export const endpointOption: z.ZodType<SocketEndpoint, SocketEndpoint> = z
  .custom<SocketEndpoint>((value) => isRecord(value) && typeof value['host'] === 'string' && value['host'] !== '', {
    error: 'an object { host, port } with a non-empty host',
  })
  .pipe(z.object({ host: z.string(), port: intOption(1, 65535) }));

export function functionOption<F extends (...args: never[]) => unknown>(expected: string): z.ZodCustom<F, F> {
  return z.custom<F>((value) => typeof value === 'function', { error: expected });
}

const retryStrategyOption = functionOption<RetryStrategy>('a function (attempt) => delay ms or null');

const loggerOption = z.custom<LinkLogger>(
  (value) => isRecord(value) && ['debug', 'info', 'warn', 'error'].every((level) => typeof value[level] === 'function'),
  { error: 'a logger with debug, info, warn and error (pino fits)' },
);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function valueAt(options: unknown, path: readonly PropertyKey[]): unknown {
  let value = options;
  for (const key of path) value = isRecord(value) ? value[key as string] : undefined;
  return value;
}

/** The defaults both clients share; each spreads them into its own DEFAULT_*_OPTIONS. */
export const DEFAULT_LINK_OPTIONS = { retryStrategy: DEFAULT_RETRY_STRATEGY, logger: silentLogger } as const;

export interface LinkOptionDefaults {
  readonly requestTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly retryStrategy: RetryStrategy;
  readonly logger: LinkLogger;
}

/**
 * The schema fields of the options both clients take with the same meaning (`applicationName`, `requestTimeoutMs`,
 * `connectTimeoutMs`, `retryStrategy`, `logger`), defaults from the client's constant.
 */
export function linkOptionFields(defaults: LinkOptionDefaults): {
  applicationName: z.ZodString;
  requestTimeoutMs: z.ZodDefault<z.ZodInt>;
  connectTimeoutMs: z.ZodDefault<z.ZodInt>;
  retryStrategy: z.ZodDefault<z.ZodCustom<RetryStrategy, RetryStrategy>>;
  logger: z.ZodDefault<z.ZodCustom<LinkLogger, LinkLogger>>;
} {
  return {
    applicationName: nonEmptyString(),
    requestTimeoutMs: intOption(1).default(defaults.requestTimeoutMs),
    connectTimeoutMs: intOption(1).default(defaults.connectTimeoutMs),
    retryStrategy: retryStrategyOption.default(() => defaults.retryStrategy),
    logger: loggerOption.default(() => defaults.logger),
  };
}

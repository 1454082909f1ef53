import { z } from 'zod';

/** GWS settings from the environment, validated once at start-up (README: Configuration). */
const envSchema = z.object({
  GWS_HOST: z.string().min(1).default('127.0.0.1'),
  GWS_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  GWS_PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface GwsConfig {
  readonly host: string;
  readonly port: number;
  /** Absolute prefix of resource URIs in payloads (GWS `externalApiUrlV2`); defaults to http://host:port. */
  readonly publicUrl: string | undefined;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export function loadGwsConfig(env: NodeJS.ProcessEnv): GwsConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const { GWS_HOST, GWS_PORT, GWS_PUBLIC_URL, LOG_LEVEL } = parsed.data;
  return { host: GWS_HOST, port: GWS_PORT, publicUrl: GWS_PUBLIC_URL, logLevel: LOG_LEVEL };
}

export const GWS_CONFIG = Symbol('GWS_CONFIG');

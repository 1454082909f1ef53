import { INBOUND_LINK_LIMITS_ENV } from '@gws/framed-link';
import { z } from 'zod';

/** Environment of the standalone simulator, validated once (docs/confserv-sim.md). */
const envSchema = z.object({
  CONFSERV_HOST: z.string().min(1).default('127.0.0.1'),
  CONFSERV_PORT: z.coerce.number().int().min(0).max(65535).default(5000),
  CONFSERV_ADMIN_PORT: z.coerce.number().int().min(0).max(65535).default(8082),
  CONFSERV_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  CONFSERV_MAX_CONNECTIONS: INBOUND_LINK_LIMITS_ENV.maxConnections,
  CONFSERV_REGISTRATION_TIMEOUT_MS: INBOUND_LINK_LIMITS_ENV.registrationTimeoutMs,
  CONFSERV_UNREGISTERED_MAX_FRAME_BYTES: INBOUND_LINK_LIMITS_ENV.unregisteredMaxFrameBytes,
  DIRECTORY_FILE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type SimConfig = z.infer<typeof envSchema>;

export function loadSimConfig(env: NodeJS.ProcessEnv): SimConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return parsed.data;
}

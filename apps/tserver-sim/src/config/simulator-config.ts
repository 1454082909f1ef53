import { INBOUND_LINK_LIMITS_ENV } from '@gws/framed-link';
import { z } from 'zod';
import type { SimulatorSipOptions } from '../sip/sip-options';
import { SIP_ENV, sipOptionsFromEnv } from './sip-env';

/** tserver-sim settings from the environment, validated once at start-up (docs/simulator.md). */
const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const envSchema = z.object({
  TSERVER_HOST: z.string().min(1).default('127.0.0.1'),
  TSERVER_PORT: port(5025),
  TSERVER_BACKUP_PORT: port(5026),
  SIM_CONTROL_PORT: port(8081),
  DIRECTORY_FILE: z.string().min(1).optional(),
  EXTERNAL_ANSWER_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
  NO_ANSWER_TIMEOUT_MS: z.coerce.number().int().min(1).max(3_600_000).default(30_000),
  TSERVER_MAX_CONNECTIONS: INBOUND_LINK_LIMITS_ENV.maxConnections,
  TSERVER_REGISTRATION_TIMEOUT_MS: INBOUND_LINK_LIMITS_ENV.registrationTimeoutMs,
  TSERVER_UNREGISTERED_MAX_FRAME_BYTES: INBOUND_LINK_LIMITS_ENV.unregisteredMaxFrameBytes,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ...SIP_ENV.shape,
});

export interface SimulatorConfig {
  readonly host: string;
  readonly primaryPort: number;
  readonly backupPort: number;
  readonly controlPort: number;
  /** undefined = the demo contact center. */
  readonly directoryFile: string | undefined;
  readonly externalAnswerDelayMs: number;
  readonly noAnswerTimeoutMs: number;
  /** Per T-Lib listener (docs/simulator.md, "Limits"). */
  readonly maxConnections: number;
  readonly registrationTimeoutMs: number;
  readonly unregisteredMaxFrameBytes: number;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** The SIP side toward the WebRTC gateway; undefined (no SIP side) unless SIM_SIP_GATEWAY is set. */
  readonly sip: SimulatorSipOptions | undefined;
}

export class SimulatorConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'SimulatorConfigError';
  }
}

export function loadSimulatorConfig(env: NodeJS.ProcessEnv): SimulatorConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new SimulatorConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  return {
    host: e.TSERVER_HOST,
    primaryPort: e.TSERVER_PORT,
    backupPort: e.TSERVER_BACKUP_PORT,
    controlPort: e.SIM_CONTROL_PORT,
    directoryFile: e.DIRECTORY_FILE,
    externalAnswerDelayMs: e.EXTERNAL_ANSWER_DELAY_MS,
    noAnswerTimeoutMs: e.NO_ANSWER_TIMEOUT_MS,
    maxConnections: e.TSERVER_MAX_CONNECTIONS,
    registrationTimeoutMs: e.TSERVER_REGISTRATION_TIMEOUT_MS,
    unregisteredMaxFrameBytes: e.TSERVER_UNREGISTERED_MAX_FRAME_BYTES,
    logLevel: e.LOG_LEVEL,
    sip: sipOptionsFromEnv(e),
  };
}

import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** The OAuth client the embedded demo accepts when no other is configured (docs/workspace-api-v3.md). */
export const DEMO_WORKSPACE_CLIENT = { id: 'workspace-demo', secret: 'workspace-demo-secret' } as const;

/** Settings of the Workspace API v3 surface, read from the environment once at start-up. */
export interface WorkspaceV3Config {
  /** The OAuth client that may ask for tokens; undefined: none configured, every token request is refused. */
  readonly client: { readonly id: string; readonly secret: string } | undefined;
  /** Whether `client` is the demo's, taken by default because GWS runs embedded. */
  readonly demoClient: boolean;
  /** Life of a bearer token, in seconds (`expires_in`). */
  readonly tokenTtlSeconds: number;
  /** HMAC key of the bearer tokens. */
  readonly tokenSecret: Buffer;
  /** Whether the key was configured (every node of a cluster must share one) or drawn at random for this process. */
  readonly tokenSecretConfigured: boolean;
}

const envSchema = z
  .object({
    WORKSPACE_CLIENT_ID: z.string().min(1).max(255).optional(),
    WORKSPACE_CLIENT_SECRET: z.string().min(8).max(255).optional(),
    WORKSPACE_TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
    WORKSPACE_TOKEN_SECRET: z.string().min(32).optional(),
  })
  .refine((e) => (e.WORKSPACE_CLIENT_ID === undefined) === (e.WORKSPACE_CLIENT_SECRET === undefined), {
    message: 'set both WORKSPACE_CLIENT_ID and WORKSPACE_CLIENT_SECRET, or neither',
    path: ['WORKSPACE_CLIENT_SECRET'],
  });

/**
 * Validates the v3 settings (README: Configuration). Without a configured client an embedded GWS takes the demo's
 * (`DEMO_WORKSPACE_CLIENT`); one connected to real servers takes none, so that no well-known secret opens it.
 * @throws Error naming every invalid setting (never their values)
 */
export function loadWorkspaceV3Config(env: NodeJS.ProcessEnv, embedded: boolean): WorkspaceV3Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid Workspace API v3 settings: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const configured =
    e.WORKSPACE_CLIENT_ID === undefined || e.WORKSPACE_CLIENT_SECRET === undefined
      ? undefined
      : { id: e.WORKSPACE_CLIENT_ID, secret: e.WORKSPACE_CLIENT_SECRET };
  const demoClient = configured === undefined && embedded;
  return {
    client: configured ?? (demoClient ? DEMO_WORKSPACE_CLIENT : undefined),
    demoClient,
    tokenTtlSeconds: e.WORKSPACE_TOKEN_TTL_SECONDS,
    tokenSecret: e.WORKSPACE_TOKEN_SECRET === undefined ? randomBytes(32) : Buffer.from(e.WORKSPACE_TOKEN_SECRET),
    tokenSecretConfigured: e.WORKSPACE_TOKEN_SECRET !== undefined,
  };
}

/** Injection token of the {@link WorkspaceV3Config}. */
export const WORKSPACE_V3_CONFIG = Symbol('WORKSPACE_V3_CONFIG');

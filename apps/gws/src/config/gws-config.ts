import { hostname } from 'node:os';
import { z } from 'zod';

export interface Endpoint {
  readonly host: string;
  readonly port: number;
}

const endpoint = z
  .string()
  .regex(/^[^:\s]+:\d{1,5}$/, 'expected host:port')
  .transform((value): Endpoint => {
    const [host, port] = value.split(':') as [string, string];
    return { host, port: Number(port) };
  });

const endpointList = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()))
  .pipe(z.array(endpoint).min(1));

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Every setting from the environment (README: Configuration), validated once at start-up. */
const envSchema = z.object({
  GWS_HOST: z.string().min(1).default('127.0.0.1'),
  GWS_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  GWS_PUBLIC_URL: z.url().optional(),
  GWS_NODE_ID: z.string().min(1).optional(),
  GWS_APP_NAME: z.string().min(1).default('GWS_Cluster'),
  GWS_EMBEDDED: flag.optional(),
  DIRECTORY_FILE: z.string().min(1).optional(),
  TSERVER_PRIMARY: endpoint.optional(),
  TSERVER_BACKUP: endpoint.optional(),
  CONFSERV_ENDPOINTS: endpointList.optional(),
  TSERVER_ADDP_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  CONFSERV_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(5),
  CONFSERV_LOGIN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(3),
  CONFSERV_ADDP_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(3600).default(4),
  CSRF_ENABLED: flag.default(true),
  LOGIN_FAILURE_LIMIT: z.coerce.number().int().min(1).default(5),
  LOGIN_ADDRESS_FAILURE_LIMIT: z.coerce.number().int().min(1).default(20),
  LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).default(60),
  SESSION_TIMEOUT_SECONDS: z.coerce.number().int().min(60).default(1800),
  MAX_SESSIONS_PER_USER: z.coerce.number().int().min(1).default(10),
  COMETD_MAX_BATCH_MESSAGES: z.coerce.number().int().min(1).default(100),
  COMETD_MAX_QUEUED_MESSAGES: z.coerce.number().int().min(1).default(1000),
  COMETD_MAX_SESSIONS_PER_USER: z.coerce.number().int().min(1).default(8),
  COMETD_MAX_SESSIONS_PER_HTTP_SESSION: z.coerce.number().int().min(1).default(4),
  EVENT_LOG_MAX_PER_USER: z.coerce.number().int().min(1).default(200),
  EVENT_LOG_MAX_AGE_SECONDS: z.coerce.number().int().min(1).default(600),
  EVENT_LOG_MAX_TOTAL: z.coerce.number().int().min(1).default(100_000),
  CORS_ALLOWED_ORIGINS: z.string().default(''),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/)
    .default('100kb'),
  TRUST_PROXY: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'expected redis://… or rediss://…' }).optional(),
  REDIS_SENTINELS: endpointList.optional(),
  REDIS_SENTINEL_NAME: z.string().min(1).optional(),
  REDIS_CLUSTER_NODES: endpointList.optional(),
  REDIS_PREFIX: z.string().min(1).default('gws:'),
  GWS_INTERNAL_URL: z.url({ protocol: /^https?$/ }).optional(),
  NODE_HEARTBEAT_MS: z.coerce.number().int().min(100).default(1000),
  NODE_TTL_MS: z.coerce.number().int().min(200).default(3000),
  NODE_STANDBY: flag.default(true),
  GATEWAY_WS_URI: z.url({ protocol: /^wss?$/, error: 'expected ws://… or wss://…' }).optional(),
  GATEWAY_SIP_DOMAIN: z.string().min(1).default('gw.open-gws.test'),
  GATEWAY_DN_PATTERN: z
    .string()
    .min(1)
    .default('^5[0-9]{3}$')
    .transform((source, context) => {
      try {
        return new RegExp(source);
      } catch {
        context.addIssue({ code: 'custom', message: `not a regular expression: ${source}` });
        return z.NEVER;
      }
    }),
  GATEWAY_CONTROL_URL: z.url({ protocol: /^https?$/ }).optional(),
  GATEWAY_ICE_TRANSPORT_POLICY: z.enum(['all', 'relay']).default('all'),
  TURN_URIS: z
    .string()
    .transform((value) => value.split(',').map((item) => item.trim()))
    .pipe(z.array(z.string().regex(/^(turns?|stuns?):\S+$/, 'expected turn:, turns:, stun: or stuns: URIs')).min(1))
    .optional(),
  TURN_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  TURN_CREDENTIAL_TTL_SECONDS: z.coerce.number().int().min(60).default(3600),
});

type Env = z.infer<typeof envSchema>;

export type LogLevel = Env['LOG_LEVEL'];

export interface GwsConfig {
  readonly host: string;
  readonly port: number;
  /** Absolute prefix of resource URIs in payloads (GWS `externalApiUrlV2`); undefined = from the request. */
  readonly publicUrl: string | undefined;
  readonly nodeId: string;
  /** The CfgApplication whose options hold GWS settings; also our T-Server client name. */
  readonly applicationName: string;
  /** Start both simulators in this process: the default when no T-Server or Configuration Server is named. */
  readonly embedded: boolean;
  readonly directoryFile: string | undefined;
  readonly tserver: {
    readonly primary: Endpoint;
    readonly backup: Endpoint | undefined;
    /** ADDP both ways (we poll after this long idle and ask T-Server to do the same); 0 = off. */
    readonly addpTimeoutMs: number;
  };
  readonly confserv: readonly Endpoint[];
  /** How GWS notices a Configuration Server that stopped answering (docs/api.md, "The Configuration Server link"). */
  readonly confservLink: {
    /** Every request but a login's waits this long for its answer. */
    readonly requestTimeoutMs: number;
    /** Each request of a password login (RequestAuthenticate, the profile read) waits this long. */
    readonly loginTimeoutMs: number;
    /** ADDP: poll after this long idle, close the link when the poll gets no reply within it again; 0 = off. */
    readonly addpTimeoutMs: number;
  };
  readonly csrfEnabled: boolean;
  readonly loginThrottle: {
    readonly userFailureLimit: number;
    readonly addressFailureLimit: number;
    readonly lockoutMs: number;
  };
  readonly sessionTimeoutMs: number;
  /** HTTP sessions one user may hold; opening one more ends the oldest. */
  readonly maxSessionsPerUser: number;
  /** Limits of the CometD endpoint (docs/security.md). */
  readonly cometd: {
    readonly maxBatchMessages: number;
    readonly maxQueuedMessages: number;
    readonly maxSessionsPerUser: number;
    readonly maxSessionsPerHttpSession: number;
  };
  /** The user event log a CometD session is replayed from after a move or a reconnect (docs/notifications.md). */
  readonly eventLog: {
    /** Messages kept per user. */
    readonly maxEntries: number;
    readonly maxAgeMs: number;
    /** Messages kept over all users in one process (the embedded in-memory store only; Redis keeps its own). */
    readonly maxTotalEntries: number;
  };
  /** Allowed CORS origins; `*` may stand for one host label (`http://*.example.com`). Empty = same origin only. */
  readonly corsAllowedOrigins: readonly string[];
  readonly bodyLimit: string;
  readonly trustProxy: boolean;
  readonly logLevel: LogLevel;
  /** The shared stores' Redis (exactly one topology); undefined = every store in this process's memory. */
  readonly redis: RedisConfig | undefined;
  /** This node among the others (meaningful with Redis). */
  readonly cluster: {
    /** How the other nodes reach this node directly, not through the load balancer. */
    readonly internalUrl: string;
    /** How often the node refreshes its liveness entry. */
    readonly heartbeatMs: number;
    /** A node whose entry is not refreshed for this long counts as dead; its agents are taken over. */
    readonly ttlMs: number;
    /** Whether this node stands by for another's sessions (voice/standby/: ModeMonitor registrations, shadows). */
    readonly standby: boolean;
  };
  /** The WebRTC/SIP gateway agents' softphones register through (docs/sip-gateway.md); undefined = none. */
  readonly gateway: GatewayConfig | undefined;
}

export interface GatewayConfig {
  /** Where browsers open the SIP WebSocket (wss:// in production, behind the TLS proxy). */
  readonly wsUri: string;
  /** The SIP domain of the agents' endpoints: `sip:<dn>@<sipDomain>`; also the digest realm. */
  readonly sipDomain: string;
  /** DNs whose endpoint is a softphone behind the gateway: their device is Active only while it is registered. */
  readonly dnPattern: RegExp;
  /** The gateway's management HTTP (Kamailio), told to drop a DN's registration when its session ends. */
  readonly controlUrl: string | undefined;
  /** How long an issued SIP credential lives unless the page fetches its settings again. */
  readonly credentialTtlMs: number;
  readonly iceTransportPolicy: 'all' | 'relay';
  /** TURN servers with REST credentials minted from coturn's shared secret; undefined = no ICE servers. */
  readonly turn: { readonly uris: readonly string[]; readonly secret: string; readonly ttlMs: number } | undefined;
}

/** One of `url` (a standalone server), `sentinels` with `sentinelName`, or `clusterNodes`. */
export interface RedisConfig {
  readonly url?: string;
  readonly sentinels?: readonly Endpoint[];
  /** The master group the sentinels watch. */
  readonly sentinelName?: string;
  readonly clusterNodes?: readonly Endpoint[];
  /** Prefix of every key and channel, so several deployments can share one Redis. */
  readonly prefix: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** The simulators' default ports, used when GWS runs embedded. */
export const EMBEDDED_ENDPOINTS = {
  tserverPrimary: { host: '127.0.0.1', port: 5025 },
  tserverBackup: { host: '127.0.0.1', port: 5026 },
  confserv: { host: '127.0.0.1', port: 5000 },
} as const;

export function loadGwsConfig(env: NodeJS.ProcessEnv): GwsConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const embedded = e.GWS_EMBEDDED ?? (e.TSERVER_PRIMARY === undefined && e.CONFSERV_ENDPOINTS === undefined);
  if (!embedded && (e.TSERVER_PRIMARY === undefined || e.CONFSERV_ENDPOINTS === undefined)) {
    throw new ConfigError(['TSERVER_PRIMARY and CONFSERV_ENDPOINTS are both required when GWS_EMBEDDED=false']);
  }
  const clusterProblems = [...redisProblems(e), ...heartbeatProblems(e), ...gatewayProblems(e)];
  if (clusterProblems.length > 0) throw new ConfigError(clusterProblems);
  return {
    host: e.GWS_HOST,
    port: e.GWS_PORT,
    publicUrl: e.GWS_PUBLIC_URL?.replace(/\/+$/, ''),
    nodeId: e.GWS_NODE_ID ?? `${hostname()}-${process.pid}`,
    applicationName: e.GWS_APP_NAME,
    embedded,
    directoryFile: e.DIRECTORY_FILE,
    tserver: {
      primary: e.TSERVER_PRIMARY ?? EMBEDDED_ENDPOINTS.tserverPrimary,
      backup: e.TSERVER_BACKUP ?? (embedded ? EMBEDDED_ENDPOINTS.tserverBackup : undefined),
      addpTimeoutMs: e.TSERVER_ADDP_TIMEOUT_SECONDS * 1000,
    },
    confserv: e.CONFSERV_ENDPOINTS ?? [EMBEDDED_ENDPOINTS.confserv],
    confservLink: {
      requestTimeoutMs: e.CONFSERV_REQUEST_TIMEOUT_SECONDS * 1000,
      loginTimeoutMs: e.CONFSERV_LOGIN_TIMEOUT_SECONDS * 1000,
      addpTimeoutMs: e.CONFSERV_ADDP_TIMEOUT_SECONDS * 1000,
    },
    csrfEnabled: e.CSRF_ENABLED,
    loginThrottle: {
      userFailureLimit: e.LOGIN_FAILURE_LIMIT,
      addressFailureLimit: e.LOGIN_ADDRESS_FAILURE_LIMIT,
      lockoutMs: e.LOGIN_LOCKOUT_SECONDS * 1000,
    },
    sessionTimeoutMs: e.SESSION_TIMEOUT_SECONDS * 1000,
    maxSessionsPerUser: e.MAX_SESSIONS_PER_USER,
    cometd: {
      maxBatchMessages: e.COMETD_MAX_BATCH_MESSAGES,
      maxQueuedMessages: e.COMETD_MAX_QUEUED_MESSAGES,
      maxSessionsPerUser: e.COMETD_MAX_SESSIONS_PER_USER,
      maxSessionsPerHttpSession: e.COMETD_MAX_SESSIONS_PER_HTTP_SESSION,
    },
    eventLog: {
      maxEntries: e.EVENT_LOG_MAX_PER_USER,
      maxAgeMs: e.EVENT_LOG_MAX_AGE_SECONDS * 1000,
      maxTotalEntries: e.EVENT_LOG_MAX_TOTAL,
    },
    corsAllowedOrigins: e.CORS_ALLOWED_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin.length > 0),
    bodyLimit: e.BODY_LIMIT,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    redis: redisConfig(e),
    cluster: {
      internalUrl: e.GWS_INTERNAL_URL?.replace(/\/+$/, '') ?? defaultInternalUrl(e.GWS_HOST, e.GWS_PORT),
      heartbeatMs: e.NODE_HEARTBEAT_MS,
      ttlMs: e.NODE_TTL_MS,
      standby: e.NODE_STANDBY,
    },
    gateway: gatewayConfig(e),
  };
}

function gatewayProblems(e: Env): string[] {
  const problems: string[] = [];
  if ((e.TURN_URIS === undefined) !== (e.TURN_SECRET === undefined))
    problems.push('TURN_URIS and TURN_SECRET go together');
  // The gateway reads the DN map and the SIP credentials from the shared Redis: there is nothing to read in memory.
  if (e.GATEWAY_WS_URI !== undefined && redisConfig(e) === undefined) {
    problems.push('GATEWAY_WS_URI needs the shared Redis (REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES)');
  }
  return problems;
}

function gatewayConfig(e: Env): GatewayConfig | undefined {
  if (e.GATEWAY_WS_URI === undefined) return undefined;
  return {
    wsUri: e.GATEWAY_WS_URI,
    sipDomain: e.GATEWAY_SIP_DOMAIN,
    dnPattern: e.GATEWAY_DN_PATTERN,
    controlUrl: e.GATEWAY_CONTROL_URL?.replace(/\/+$/, ''),
    credentialTtlMs: e.SESSION_TIMEOUT_SECONDS * 1000,
    iceTransportPolicy: e.GATEWAY_ICE_TRANSPORT_POLICY,
    turn:
      e.TURN_URIS === undefined || e.TURN_SECRET === undefined
        ? undefined
        : { uris: e.TURN_URIS, secret: e.TURN_SECRET, ttlMs: e.TURN_CREDENTIAL_TTL_SECONDS * 1000 },
  };
}

function redisProblems(e: Env): string[] {
  const topologies = [
    e.REDIS_URL === undefined ? [] : ['REDIS_URL'],
    e.REDIS_SENTINELS === undefined ? [] : ['REDIS_SENTINELS'],
    e.REDIS_CLUSTER_NODES === undefined ? [] : ['REDIS_CLUSTER_NODES'],
  ].flat();
  const problems: string[] = [];
  if (topologies.length > 1) problems.push(`give one Redis topology, not ${topologies.join(' and ')}`);
  if ((e.REDIS_SENTINELS === undefined) !== (e.REDIS_SENTINEL_NAME === undefined)) {
    problems.push('REDIS_SENTINELS and REDIS_SENTINEL_NAME go together');
  }
  return problems;
}

function heartbeatProblems(e: Env): string[] {
  // One late heartbeat (a GC pause, a slow Redis answer) must not make the others take this node's agents over.
  return e.NODE_TTL_MS >= 2 * e.NODE_HEARTBEAT_MS ? [] : ['NODE_TTL_MS must be at least twice NODE_HEARTBEAT_MS'];
}

function redisConfig(e: Env): RedisConfig | undefined {
  const prefix = e.REDIS_PREFIX;
  if (e.REDIS_URL !== undefined) return { url: e.REDIS_URL, prefix };
  if (e.REDIS_SENTINELS !== undefined)
    return { sentinels: e.REDIS_SENTINELS, sentinelName: e.REDIS_SENTINEL_NAME, prefix };
  if (e.REDIS_CLUSTER_NODES !== undefined) return { clusterNodes: e.REDIS_CLUSTER_NODES, prefix };
  return undefined;
}

/** This node's own address: the listen address, or loopback when it listens on every interface. */
function defaultInternalUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

export const GWS_CONFIG = Symbol('GWS_CONFIG');

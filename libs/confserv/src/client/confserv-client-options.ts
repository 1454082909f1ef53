import { DEFAULT_LINK_OPTIONS, endpointOption, intOption, linkOptionFields, parseOptions } from '@gws/framed-link';
import type { LinkLogger, RetryStrategy, SocketEndpoint } from '@gws/framed-link';
import { z } from 'zod';
import { CfgAppType } from '../protocol/cfg-enums';

export interface ConfServClientOptions {
  /**
   * Primary first, then the backup(s), tried in turn as TServerClient tries its pair: a failed attempt moves to the
   * next endpoint at once, a full round of failures waits `retryStrategy(round)`, a lost link moves on at once.
   */
  readonly endpoints: readonly SocketEndpoint[];
  /** Sent in RequestRegisterClient; the server logs the client as `(<AppType> '<applicationName>')`. */
  readonly applicationName: string;
  readonly applicationType: CfgAppType;
  /** The application's own credentials, checked at registration when given. */
  readonly userName?: string;
  readonly password?: string;
  /**
   * How long a request waits for its answer before failing with RequestTimeoutError (a request may set its own,
   * {@link ConfServRequestOptions}). When nothing at all arrived on the link while it waited (no answer to any
   * request, no ADDP reply), the server counts as not answering: the link is closed, so the status leaves
   * `connected`, other requests fail at once with ServerUnavailableError, and the client reconnects. @default 5000
   */
  readonly requestTimeoutMs?: number;
  /**
   * ADDP: poll the server after this long without traffic, and close the link (then reconnect) when the poll gets no
   * reply within this long again, so a server that stopped answering is noticed even while no request is sent.
   * 0 = off. @default 0
   */
  readonly addpTimeoutMs?: number;
  /** How long one TCP connect may take before the endpoint counts as down. @default 3000 */
  readonly connectTimeoutMs?: number;
  /**
   * Delay before failed round `attempt` (1, 2, ...) is followed by another; null stops reconnecting and closes the
   * client. A registration the server refuses is retried like any failed attempt (credentials can be fixed while
   * GWS runs). @default DEFAULT_RETRY_STRATEGY (about 100 ms doubling to 5 s, ±20 %)
   */
  readonly retryStrategy?: RetryStrategy;
  /** @default silent */
  readonly logger?: LinkLogger;
}

/** Per-request settings of ConfServClient's reads and authentication. */
export interface ConfServRequestOptions {
  /** This request's timeout instead of the client's `requestTimeoutMs` (e.g. shorter for an interactive login). */
  readonly timeoutMs?: number;
}

/** Options with every default applied (the credentials stay optional). */
export type ResolvedConfServClientOptions = Required<Omit<ConfServClientOptions, 'userName' | 'password'>> &
  Pick<ConfServClientOptions, 'userName' | 'password'>;

/** Every default, in one place. */
export const DEFAULT_CONFSERV_CLIENT_OPTIONS = {
  requestTimeoutMs: 5_000,
  addpTimeoutMs: 0,
  connectTimeoutMs: 3_000,
  ...DEFAULT_LINK_OPTIONS,
} as const;

const defaults = DEFAULT_CONFSERV_CLIENT_OPTIONS;
const appTypes: ReadonlySet<unknown> = new Set(Object.values(CfgAppType));

/** The one check of ConfServClient's options; every default comes from DEFAULT_CONFSERV_CLIENT_OPTIONS. */
const optionsSchema: z.ZodType<ResolvedConfServClientOptions, ConfServClientOptions> = z.object({
  ...linkOptionFields(defaults),
  endpoints: z.array(endpointOption).min(1, { error: 'at least one endpoint { host, port }' }),
  applicationType: z.custom<CfgAppType>((value) => appTypes.has(value), { error: 'a CfgAppType value' }),
  userName: z.string().optional(),
  password: z.string().optional(),
  addpTimeoutMs: intOption(0).default(defaults.addpTimeoutMs),
});

/** Applies defaults and checks every option. @throws InvalidOptionError */
export function resolveConfServClientOptions(options: ConfServClientOptions): ResolvedConfServClientOptions {
  return parseOptions('ConfServClient', optionsSchema, options);
}

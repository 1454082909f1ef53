import {
  DEFAULT_LINK_OPTIONS,
  endpointOption,
  functionOption,
  intOption,
  linkOptionFields,
  nonEmptyString,
  parseOptions,
} from '@gws/framed-link';
import type { LinkLogger, RetryStrategy, SocketEndpoint } from '@gws/framed-link';
import type { ConnId } from '@gws/tlib';
import { z } from 'zod';

export interface TServerEndpoints {
  /** Tried first, and first again after each failed round. */
  readonly primary: SocketEndpoint;
  /** The other server of an HA pair: tried when the primary cannot be reached or its link is lost. */
  readonly backup?: SocketEndpoint;
}

export interface AddpOptions {
  /** Poll the T-Server after this long without traffic and drop the link if the poll goes unanswered. 0 = off. */
  readonly localTimeoutMs: number;
  /** Asked of the T-Server (Extensions `addp-remote-timeout`), so it polls this client too. 0 = it does not. */
  readonly remoteTimeoutMs: number;
}

export interface TServerClientOptions {
  readonly endpoints: TServerEndpoints;
  /** ApplicationName sent in RequestRegisterClient. */
  readonly applicationName: string;
  /** ApplicationPassword sent in RequestRegisterClient; never logged. @default none */
  readonly applicationPassword?: string;
  /** ProtocolVersion sent in RequestRegisterClient. @default 'tserver protocol 4.2' */
  readonly protocolVersion?: string;
  /** How long a request waits for its reply before failing with RequestTimeoutError. @default 10000 */
  readonly requestTimeoutMs?: number;
  /** How long one TCP connect may take before the endpoint counts as down. @default 5000 */
  readonly connectTimeoutMs?: number;
  /** ADDP keep-alive; a timeout of 0 turns that side off. @default { localTimeoutMs: 10000, remoteTimeoutMs: 10000 } */
  readonly addp?: AddpOptions;
  /**
   * Delay before failed round `attempt` (1, 2, ...) is followed by another; null stops reconnecting and closes the
   * client. A round tries each endpoint once. @default DEFAULT_RETRY_STRATEGY (about 100 ms doubling to 5 s, ±20 %)
   */
  readonly retryStrategy?: RetryStrategy;
  /** The calls re-sync queries per DN. @default the ConnIDs this client saw in call events on the DN, minus released ones */
  readonly knownCalls?: (dn: string) => readonly ConnId[];
  /** How many (ServerStartTime, EventSequenceNumber) pairs de-duplication remembers. @default 10000 */
  readonly dedupWindow?: number;
  /** Where the ReferenceID sequence starts; the first request gets the next value (tests cross the wrap). @default 0 */
  readonly initialReferenceId?: number;
  /** @default silent */
  readonly logger?: LinkLogger;
}

/** Options with every default applied (the two without a default stay optional). */
export type ResolvedOptions = Required<Omit<TServerClientOptions, 'applicationPassword' | 'knownCalls'>> &
  Pick<TServerClientOptions, 'applicationPassword' | 'knownCalls'>;

/** Every default, in one place (docs/tserver-client.md, "Options"). */
export const DEFAULT_TSERVER_CLIENT_OPTIONS = {
  protocolVersion: 'tserver protocol 4.2',
  requestTimeoutMs: 10_000,
  connectTimeoutMs: 5_000,
  addp: { localTimeoutMs: 10_000, remoteTimeoutMs: 10_000 },
  dedupWindow: 10_000,
  initialReferenceId: 0,
  ...DEFAULT_LINK_OPTIONS,
} as const;

const defaults = DEFAULT_TSERVER_CLIENT_OPTIONS;

/** The one check of TServerClient's options; every default comes from DEFAULT_TSERVER_CLIENT_OPTIONS. */
const optionsSchema: z.ZodType<ResolvedOptions, TServerClientOptions> = z.object({
  ...linkOptionFields(defaults),
  endpoints: z.object({ primary: endpointOption, backup: endpointOption.optional() }),
  applicationPassword: z.string().optional(),
  protocolVersion: nonEmptyString().default(defaults.protocolVersion),
  addp: z.object({ localTimeoutMs: intOption(0), remoteTimeoutMs: intOption(0) }).default(defaults.addp),
  knownCalls: functionOption<(dn: string) => readonly ConnId[]>('a function (dn) => ConnIDs').optional(),
  dedupWindow: intOption(1).default(defaults.dedupWindow),
  initialReferenceId: intOption(0).default(defaults.initialReferenceId),
});

/** Applies defaults and checks every option. @throws InvalidOptionError */
export function resolveOptions(options: TServerClientOptions): ResolvedOptions {
  return parseOptions('TServerClient', optionsSchema, options);
}

import { exponentialBackoff, silentLogger, type LinkLogger, type SocketEndpoint } from '@gws/framed-link';
import type { ConnId } from '@gws/tlib';
import { InvalidOptionError } from './errors/invalid-option.error';

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
   * client. A round tries each endpoint once. @default exponentialBackoff({ initialMs: 100, maxMs: 5000, jitter: 0.2 })
   */
  readonly retryStrategy?: (attempt: number) => number | null;
  /** The calls re-sync queries per DN. @default the ConnIDs this client saw in call events on the DN, minus released ones */
  readonly knownCalls?: (dn: string) => readonly ConnId[];
  /** How many (ServerStartTime, EventSequenceNumber) pairs de-duplication remembers. @default 10000 */
  readonly dedupWindow?: number;
  /** Where the ReferenceID sequence starts; the first request gets the next value (tests cross the wrap). @default 0 */
  readonly initialReferenceId?: number;
  /** @default silent */
  readonly logger?: LinkLogger;
}

/** Options with every default applied. */
export interface ResolvedOptions extends Required<Omit<TServerClientOptions, 'applicationPassword' | 'knownCalls'>> {
  readonly applicationPassword: string | undefined;
  readonly knownCalls: ((dn: string) => readonly ConnId[]) | undefined;
}

export const DEFAULT_TSERVER_CLIENT_OPTIONS = {
  protocolVersion: 'tserver protocol 4.2',
  requestTimeoutMs: 10_000,
  connectTimeoutMs: 5_000,
  addp: { localTimeoutMs: 10_000, remoteTimeoutMs: 10_000 },
  dedupWindow: 10_000,
  initialReferenceId: 0,
} as const;

/** Applies defaults and checks every option. @throws InvalidOptionError */
export function resolveOptions(options: TServerClientOptions): ResolvedOptions {
  const defaults = DEFAULT_TSERVER_CLIENT_OPTIONS;
  const resolved: ResolvedOptions = {
    endpoints: options.endpoints,
    applicationName: options.applicationName,
    applicationPassword: options.applicationPassword,
    protocolVersion: options.protocolVersion ?? defaults.protocolVersion,
    requestTimeoutMs: options.requestTimeoutMs ?? defaults.requestTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs ?? defaults.connectTimeoutMs,
    addp: options.addp ?? defaults.addp,
    retryStrategy: options.retryStrategy ?? exponentialBackoff({ initialMs: 100, maxMs: 5000, jitter: 0.2 }),
    knownCalls: options.knownCalls,
    dedupWindow: options.dedupWindow ?? defaults.dedupWindow,
    initialReferenceId: options.initialReferenceId ?? defaults.initialReferenceId,
    logger: options.logger ?? silentLogger,
  };
  checkEndpoint('endpoints.primary', resolved.endpoints?.primary);
  if (resolved.endpoints.backup !== undefined) checkEndpoint('endpoints.backup', resolved.endpoints.backup);
  if (typeof resolved.applicationName !== 'string' || resolved.applicationName === '') {
    throw new InvalidOptionError('applicationName', resolved.applicationName, 'a non-empty string');
  }
  if (typeof resolved.protocolVersion !== 'string' || resolved.protocolVersion === '') {
    throw new InvalidOptionError('protocolVersion', resolved.protocolVersion, 'a non-empty string');
  }
  checkInt('requestTimeoutMs', resolved.requestTimeoutMs, 1);
  checkInt('connectTimeoutMs', resolved.connectTimeoutMs, 1);
  checkInt('addp.localTimeoutMs', resolved.addp.localTimeoutMs, 0);
  checkInt('addp.remoteTimeoutMs', resolved.addp.remoteTimeoutMs, 0);
  checkInt('dedupWindow', resolved.dedupWindow, 1);
  checkInt('initialReferenceId', resolved.initialReferenceId, 0, 0x7fffffff);
  if (typeof resolved.retryStrategy !== 'function') {
    throw new InvalidOptionError('retryStrategy', resolved.retryStrategy, 'a function (attempt) => delay ms or null');
  }
  return resolved;
}

function checkEndpoint(option: string, endpoint: SocketEndpoint | undefined): void {
  if (endpoint === undefined || typeof endpoint.host !== 'string' || endpoint.host === '') {
    throw new InvalidOptionError(option, endpoint, 'an object { host, port } with a non-empty host');
  }
  checkInt(`${option}.port`, endpoint.port, 1, 65535);
}

function checkInt(option: string, value: number, min: number, max = 2 ** 31 - 1): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidOptionError(option, value, `an integer from ${min} to ${max}`);
  }
}

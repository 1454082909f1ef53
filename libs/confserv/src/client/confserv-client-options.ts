import type { LinkLogger } from '@gws/framed-link';
import type { CfgAppType } from '../protocol/cfg-enums';

export interface ConfServEndpoint {
  readonly host: string;
  readonly port: number;
}

export interface ConfServClientOptions {
  /** Primary first, then an optional backup; the client moves to the next one when a connection attempt fails. */
  readonly endpoints: readonly ConfServEndpoint[];
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
  /** @default 3000 */
  readonly connectTimeoutMs?: number;
  /** Delay before reconnect attempt `attempt` (1, 2, ...). @default exponentialBackoff() (100 ms doubling to 5 s, 20 % jitter) */
  readonly reconnectDelay?: (attempt: number) => number;
  readonly logger?: LinkLogger;
}

/** Per-request settings of ConfServClient's reads and authentication. */
export interface ConfServRequestOptions {
  /** This request's timeout instead of the client's `requestTimeoutMs` (e.g. shorter for an interactive login). */
  readonly timeoutMs?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 5000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 3000;

export type LinkStatus = 'connecting' | 'connected' | 'disconnected';

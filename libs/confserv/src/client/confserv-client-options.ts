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
  /** @default 5000 */
  readonly requestTimeoutMs?: number;
  /** ADDP: poll the server after this long without traffic; 0 = off. @default 0 */
  readonly addpTimeoutMs?: number;
  /** @default 3000 */
  readonly connectTimeoutMs?: number;
  /** Delay before reconnect attempt `attempt` (1, 2, ...). @default exponentialBackoff() (100 ms doubling to 5 s, 20 % jitter) */
  readonly reconnectDelay?: (attempt: number) => number;
  readonly logger?: LinkLogger;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 5000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 3000;

export type LinkStatus = 'connecting' | 'connected' | 'disconnected';

import type { CloseReason } from '@gws/framed-link';
import type { ConnId, TMessage } from '@gws/tlib';
import type { TServerClientError } from './errors/tserver-client.error';

/**
 * - `disconnected`: no link; between attempts or waiting out the backoff.
 * - `connecting`: opening TCP to `endpoint`.
 * - `registering`: RequestRegisterClient sent, waiting for EventServerInfo.
 * - `connected`: registered; requests flow.
 * - `closed`: final, after `close()`, a non-retriable registration refusal, or the retryStrategy giving up.
 */
export type TServerClientStatus = 'disconnected' | 'connecting' | 'registering' | 'connected' | 'closed';

/** EventServerInfo ServerRole of the server in use. */
export type ServerRoleName = 'primary' | 'backup';

export interface EndpointInUse {
  /** Which configured endpoint: not the same as the server's role after a switchover. */
  readonly which: 'primary' | 'backup';
  readonly host: string;
  readonly port: number;
}

export interface StatusChange {
  readonly status: TServerClientStatus;
  readonly previous: TServerClientStatus;
  readonly endpoint: EndpointInUse | undefined;
  readonly role: ServerRoleName | undefined;
  /** Why the link went down (on `disconnected`). */
  readonly reason?: CloseReason;
  /** Why the client stopped by itself (on `closed`), or why the last attempt failed (on `disconnected`). */
  readonly error?: TServerClientError | Error;
}

/** The CTI link between T-Server and the switch, from EventLinkConnected / EventLinkDisconnected. */
export interface LinkStateChange {
  readonly up: boolean;
  readonly event: TMessage;
}

export interface CallResync {
  readonly connId: ConnId;
  /** EventPartyInfo: the call still exists. */
  readonly partyInfo?: TMessage;
  /** Why the query failed; EventError 56 means the call is gone (and is forgotten). */
  readonly error?: TServerClientError;
}

/** What re-sync found for one DN after a (re)connect. */
export type DnResync =
  | {
      readonly dn: string;
      readonly ok: true;
      /** EventRegistered; its Extensions carry the DN and agent status. */
      readonly registered: TMessage;
      /** EventAddressInfo for AddressInfoType AgentStatus. */
      readonly agentStatus?: TMessage;
      readonly agentStatusError?: TServerClientError;
      readonly calls: readonly CallResync[];
    }
  | { readonly dn: string; readonly ok: false; readonly error: TServerClientError; readonly calls: readonly [] };

export interface ResyncSummary {
  readonly dns: number;
  readonly failed: number;
  readonly durationMs: number;
}

export interface TServerClientEvents {
  status: [change: StatusChange];
  linkState: [change: LinkStateChange];
  /** Every event from the T-Server, direct replies included, after de-duplication. */
  event: [event: TMessage];
  resync: [result: DnResync];
  resynced: [summary: ResyncSummary];
}

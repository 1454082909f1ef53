import type { LinkError, LinkStatusChange } from '@gws/framed-link';
import type { ConnId, TMessage } from '@gws/tlib';

/** EventServerInfo ServerRole of the server in use. */
export type ServerRoleName = 'primary' | 'backup';

/** A `status` event: the shared link record (`LinkStatusChange`) and the role the T-Server in use reports. */
export interface StatusChange extends LinkStatusChange {
  readonly role: ServerRoleName | undefined;
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
  readonly error?: LinkError;
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
      readonly agentStatusError?: LinkError;
      readonly calls: readonly CallResync[];
    }
  | { readonly dn: string; readonly ok: false; readonly error: LinkError; readonly calls: readonly [] };

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

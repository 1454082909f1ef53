import type { KVList, TMessage } from '@gws/tlib';

export type CallState = 'Dialing' | 'Ringing' | 'Established' | 'Held' | 'Released';
export type CallTypeName = 'Internal' | 'Inbound' | 'Outbound' | 'Consult';
export type ConsultKind = 'transfer' | 'conference';

/**
 * One call as one agent's DN sees it. `id` is the CallUUID the call had when this DN first saw it and never changes;
 * `connId` (and `callUuid`) may, when T-Server merges calls (a completed transfer keeps the held call's ConnID).
 */
export interface AgentCall {
  readonly id: string;
  readonly callUuid: string;
  readonly connId: string;
  readonly dn: string;
  readonly state: CallState;
  readonly callType: CallTypeName;
  /** The other parties' numbers, in the order they joined. */
  readonly parties: readonly string[];
  readonly ani: string | undefined;
  readonly dnis: string | undefined;
  readonly userData: KVList;
  readonly startedAt: number;
  /** A consultation call: the id of the call it consults about. */
  readonly parentId: string | undefined;
  /**
   * A call with a consultation pending: what it is for and, once T-Server has announced it, the consultation's id
   * (undefined between GWS asking for it and its EventDialing).
   */
  readonly consult: { readonly id: string | undefined; readonly kind: ConsultKind } | undefined;
}

export type CallNotificationType = 'StatusChange' | 'ParticipantsUpdated' | 'AttachedDataChanged' | 'DtmfSent';

/** What an event did to a call, in the order browsers must be told. */
export interface CallChange {
  readonly call: AgentCall;
  readonly notificationType: CallNotificationType;
  /**
   * The event that made the change, when it is announced after other work rather than as the event came: an event
   * that waited for its DN's re-sync. Its notification reports that event (voice/event-cause.ts), not the re-sync.
   */
  readonly event?: TMessage;
}

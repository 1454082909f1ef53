import type { IncomingMessage } from 'node:http';
import type { AuthenticatedPrincipal } from './handshake-authenticator';
import type { SequencedMessage } from './sequenced-delivery';

/** Injection token of the {@link PushCluster} the CometD endpoint shares its sessions through. */
export const PUSH_CLUSTER = Symbol('PUSH_CLUSTER');

/** A Bayeux session another node held, now this node's. */
export interface AdoptedPushSession {
  readonly principal: AuthenticatedPrincipal;
  readonly acknowledging: boolean;
  /** The client has every message of the user's stream up to this sequence number. */
  readonly cursor: number;
}

/** Why a session ended here: `handover` leaves it to another node (this one stops), and keeps its record. */
export type PushSessionEnd = 'client' | 'server' | 'timeout' | 'handover';

/**
 * Port: where the Bayeux sessions of every node are known, so that a long poll reaching any node continues its
 * session with nothing lost. The notifications module keeps the sessions it holds in memory and tells the cluster
 * how far each client has read.
 */
export interface PushCluster {
  /** True when sessions outlive this node (a shared store): stopping hands them over instead of ending them. */
  readonly shared: boolean;
  /** A new session was handshaken here; resolves with where its client starts (the user's latest sequence number). */
  opened(clientId: string, principal: AuthenticatedPrincipal, acknowledging: boolean): Promise<number>;
  /** The client confirmed everything up to `confirmedSeq` (one word per long poll at most); fire and forget. */
  progressed(clientId: string, confirmedSeq: number): void;
  /** The session ended here. */
  ended(clientId: string, reason: PushSessionEnd): void;
  /**
   * Claims for this node the session `clientId` names, when the cluster knows it and the request comes from its
   * client (the HTTP session it was opened on); `ack` is what the client's acknowledgement extension confirmed.
   */
  adopt(clientId: string, request: IncomingMessage, ack: number | undefined): Promise<AdoptedPushSession | undefined>;
  /**
   * Whether this node is still the session's holder. A node serving a long poll on a session another node claimed
   * since (the client went there and came back) must not use its stale copy: it adopts the session again.
   */
  holds(clientId: string): Promise<boolean>;
  /** The user's logged messages after `afterSeq`, oldest first. */
  backlog(userId: string, afterSeq: number): Promise<SequencedMessage[]>;
  /** Calls `listener` when another node adopted a session this node holds. */
  onMoved(listener: (clientId: string) => void): void;
}

/** One node and nothing shared: sessions live and die with the process (the notifications module on its own). */
export const standalonePushCluster: PushCluster = {
  shared: false,
  opened: () => Promise.resolve(0),
  progressed: () => undefined,
  ended: () => undefined,
  adopt: () => Promise.resolve(undefined),
  holds: () => Promise.resolve(true),
  backlog: () => Promise.resolve([]),
  onMoved: () => undefined,
};

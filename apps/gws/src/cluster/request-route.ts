import type { AgentSessionRecord, NodeInfo } from '@gws/stores';

/** Where a request under /api/v2/me is handled. */
export type RequestRoute =
  /** Here, as it is. */
  | { readonly kind: 'local' }
  /** Here, once this node has taken the session over from `from` (dead or draining; this node: not held here). */
  | { readonly kind: 'take-over'; readonly from: string }
  /** Sent on to the node that can serve it. */
  | { readonly kind: 'forward'; readonly to: NodeInfo }
  /** Sent to the standby of `from` (dead or draining), which takes the session over with the events it kept. */
  | { readonly kind: 'to-standby'; readonly to: NodeInfo; readonly from: string }
  /**
   * Not now: this node is stopping and no other node can take the request (`draining`), or it cannot yet tell a dead
   * owner from a Redis outage just ended (`unsettled`, see NodeHeartbeat.livenessKnown).
   */
  | { readonly kind: 'unavailable'; readonly reason: 'draining' | 'unsettled' };

/** What decides the route of one request. */
export interface RouteFacts {
  readonly me: string;
  /** The user's session record; undefined: the user has no contact-center session. */
  readonly record: AgentSessionRecord | undefined;
  /** The record's node while it is alive. */
  readonly owner: NodeInfo | undefined;
  /** Whether this node holds the user's session in memory, settled (no start or takeover of it under way). */
  readonly held: boolean;
  /** Whether this node is draining (SIGTERM): it serves no session of its own any more. */
  readonly draining: boolean;
  /** Whether an owner missing from the registry is dead (false just after this node's own heartbeats failed). */
  readonly livenessKnown: boolean;
  /** Another node serving now, for a draining node to pass its requests to. */
  readonly fallback: NodeInfo | undefined;
  /** The request was forwarded here already: it is never forwarded again. */
  readonly forwarded: boolean;
  /** The standby of the record's node (standby-wards.ts) while it is alive, when the record's node is not. */
  readonly standby?: NodeInfo | undefined;
}

/**
 * Any node answers any request: the node holding the user's session serves it; a node that is alive and serving
 * gets it forwarded; the session of a dead or draining node is taken over by that node's standby (the request is
 * sent there) or, with none alive, by the node the request reached. A draining node takes nothing over and passes on
 * what it would have served itself.
 */
export function routeRequest(facts: RouteFacts): RequestRoute {
  const { me, record, owner, held, draining, livenessKnown, fallback, forwarded, standby } = facts;
  const passOn = (otherwise: RequestRoute): RequestRoute =>
    draining && fallback !== undefined && !forwarded ? { kind: 'forward', to: fallback } : otherwise;
  if (record === undefined) return passOn(LOCAL);
  if (owner !== undefined && record.nodeId !== me && !owner.draining) {
    return forwarded ? LOCAL : { kind: 'forward', to: owner };
  }
  if (draining) return passOn({ kind: 'unavailable', reason: 'draining' });
  if (record.nodeId !== me) {
    const dead = owner !== undefined || livenessKnown;
    if (!dead) return { kind: 'unavailable', reason: 'unsettled' };
    if (standby !== undefined && standby.nodeId !== me && !forwarded) {
      return { kind: 'to-standby', to: standby, from: record.nodeId };
    }
    return { kind: 'take-over', from: record.nodeId };
  }
  return held ? LOCAL : { kind: 'take-over', from: me };
}

const LOCAL: RequestRoute = { kind: 'local' };

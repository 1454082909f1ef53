import type { NodeInfo } from '@gws/stores';

/**
 * The standby of node `nodeId` (voice/standby/), alive or dead: the first node after it in the ring of serving nodes
 * that stand by (NODE_STANDBY), ordered by id, so that each node has one standby and stands by for about one other.
 * A draining node still has a standby (its sessions are about to move) but stands by for nobody. Undefined: no other
 * node can.
 */
export function standbyOf(nodeId: string, alive: readonly NodeInfo[]): string | undefined {
  const ring = alive
    .filter((node) => !node.draining && node.standby !== false && node.nodeId !== nodeId)
    .map((node) => node.nodeId)
    .sort();
  return ring.find((id) => id > nodeId) ?? ring[0];
}

/** The nodes `me` stands by for: every other alive node whose standby (`standbyOf`) it is. */
export function wardsOf(alive: readonly NodeInfo[], me: string): Set<string> {
  return new Set(alive.map((node) => node.nodeId).filter((nodeId) => nodeId !== me && standbyOf(nodeId, alive) === me));
}

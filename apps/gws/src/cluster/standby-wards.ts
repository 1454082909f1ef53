import type { NodeInfo } from '@gws/stores';

/**
 * The nodes `me` stands by for (voice/standby/): every node's standby is the first serving node after it in the
 * ring of serving nodes ordered by id, so each node has one standby and stands by for about one other. A draining
 * node still has a standby (its sessions are about to move) but stands by for nobody.
 */
export function wardsOf(alive: readonly NodeInfo[], me: string): Set<string> {
  const serving = alive
    .filter((node) => !node.draining)
    .map((node) => node.nodeId)
    .sort();
  const wards = new Set<string>();
  if (!serving.includes(me)) return wards;
  for (const { nodeId } of alive) {
    if (nodeId === me) continue;
    const others = serving.filter((id) => id !== nodeId);
    const standby = others.find((id) => id > nodeId) ?? others[0];
    if (standby === me) wards.add(nodeId);
  }
  return wards;
}

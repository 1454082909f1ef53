import type { NodeInfo } from '@gws/stores';

/** Which of the other nodes this node has seen serving, and which of those are gone (or going) now. */
export interface NodeWatch {
  /** Every other node seen serving and not yet taken over. */
  readonly seen: ReadonlySet<string>;
  /** Seen nodes no longer alive, and nodes alive but draining: their sessions are to be taken over. */
  readonly dead: readonly string[];
}

/**
 * One look at the registry: a node seen serving before that is no longer alive (its entry expired or it left) is
 * dead; a draining node is as good as dead (it has let its sessions go). This node is never among them.
 */
export function watchNodes(seen: ReadonlySet<string>, alive: readonly NodeInfo[], me: string): NodeWatch {
  const others = alive.filter((node) => node.nodeId !== me);
  const serving = new Set(others.filter((node) => !node.draining).map((node) => node.nodeId));
  const draining = others.filter((node) => node.draining).map((node) => node.nodeId);
  const dead = new Set([...seen, ...draining].filter((nodeId) => !serving.has(nodeId)));
  return { seen: new Set([...seen, ...serving]), dead: [...dead] };
}

import type { JsonValue } from '@gws/stores';

/** The EVENT_BUS topic the nodes tell each other about themselves on. */
export const CLUSTER_TOPIC = 'cluster';

/** A node that stopped cleanly: the others take its sessions over now rather than on their next pass. */
export type NodeLeftMessage = {
  readonly kind: 'node-left';
  readonly nodeId: string;
};

export type ClusterMessage = NodeLeftMessage;

/** The message, when `value` is one this version knows (a newer node may send more kinds). */
export function clusterMessage(value: JsonValue): ClusterMessage | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { kind, nodeId } = value;
  return kind === 'node-left' && typeof nodeId === 'string' ? { kind, nodeId } : undefined;
}

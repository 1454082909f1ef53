/** One GWS node of a cluster, as it announces itself. */
export interface NodeInfo {
  readonly nodeId: string;
  /** Where the other nodes reach this node's HTTP server directly (not through the load balancer). */
  readonly internalUrl: string;
  readonly startedAt: number;
  /** True once the node stopped taking new work (SIGTERM): its agents are being handed over. */
  readonly draining: boolean;
  /** Whether the node stands by for another node's sessions (NODE_STANDBY); absent: it does. */
  readonly standby?: boolean;
}

/**
 * Which nodes are alive. Each node refreshes its own entry (`heartbeat`) well within `ttlMs`; an entry not
 * refreshed in time expires, and the node counts as dead: the survivors take its agents over. A node that stops
 * cleanly says so at once (`leave`).
 */
export interface NodeRegistry {
  /** Writes or refreshes this node's entry; it expires `ttlMs` after the last heartbeat. */
  heartbeat(info: NodeInfo, ttlMs: number): Promise<void>;
  /** Removes the entry now (a clean stop): the node is dead to the others at once. */
  leave(nodeId: string): Promise<void>;
  /** The node's entry while it is alive (not expired, not left). */
  get(nodeId: string): Promise<NodeInfo | undefined>;
  /** Every node alive now. */
  alive(): Promise<NodeInfo[]>;
  close(): Promise<void>;
}

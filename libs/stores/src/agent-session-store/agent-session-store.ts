/**
 * A user's contact-center session as the cluster knows it: enough for any node to take it over when the node
 * that holds it (its devices registered on that node's T-Server link) dies or drains.
 */
export interface AgentSessionRecord {
  readonly userId: string;
  readonly userName: string;
  readonly placeName: string;
  readonly loginCode: string;
  readonly queue?: string;
  /** The base URL resource URIs were built from at StartContactCenterSession. */
  readonly baseUrl: string;
  /** The place's DNs the session holds. */
  readonly dns: readonly string[];
  /** The node that holds the session now. */
  readonly nodeId: string;
  readonly updatedAt: number;
}

export type AgentSessionCreateResult =
  { readonly ok: true } | { readonly ok: false; readonly existing: AgentSessionRecord };

/**
 * One record per user with a contact-center session, written by the node that holds it. Ownership moves only by
 * compare-and-set (`claim`), so when several nodes race to take a dead node's agents over, each agent gets one.
 */
export interface AgentSessionStore {
  /** Stores the record unless the user already has one (then `existing` tells which node holds it). */
  create(record: Omit<AgentSessionRecord, 'updatedAt'>): Promise<AgentSessionCreateResult>;
  get(userId: string): Promise<AgentSessionRecord | undefined>;
  /**
   * Moves the session from `fromNodeId` to `toNodeId` if `fromNodeId` still holds it; resolves with the updated
   * record, or undefined when the session is gone or another node holds it now.
   */
  claim(userId: string, fromNodeId: string, toNodeId: string): Promise<AgentSessionRecord | undefined>;
  /** Removes the record if `nodeId` holds it (EndContactCenterSession); false otherwise. */
  delete(userId: string, nodeId: string): Promise<boolean>;
  /** The sessions `nodeId` holds. */
  listByNode(nodeId: string): Promise<AgentSessionRecord[]>;
  close(): Promise<void>;
}

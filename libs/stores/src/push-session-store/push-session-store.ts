/**
 * A Bayeux (CometD) session as the cluster knows it, so that any node can adopt it under the same client id when
 * the client's next request reaches that node: who it belongs to, and how far the client has read the user's
 * event stream.
 */
export interface PushSessionRecord {
  /** The Bayeux client id. */
  readonly clientId: string;
  readonly userId: string;
  readonly userName: string;
  /** The HTTP session (JSESSIONID) the handshake was authenticated by. */
  readonly httpSessionId: string;
  /** The node that holds the session now. */
  readonly nodeId: string;
  /** The client has received every message of the user's stream up to this sequence number. */
  readonly confirmedSeq: number;
  /** The highest sequence number sent to the client, confirmed or not (the last long poll answer carried it). */
  readonly sentSeq: number;
  /** The client uses the acknowledgement extension. */
  readonly acknowledging: boolean;
  readonly updatedAt: number;
}

/** What changes as a session is read: both numbers only ever grow. */
export interface PushSessionProgress {
  readonly confirmedSeq?: number;
  readonly sentSeq?: number;
}

/**
 * The Bayeux sessions of every node. A record lives `ttlMs` after it was last written (`create`, `progress`,
 * `claim` each restart it), so a session whose client went away is forgotten as its node would forget it.
 */
export interface PushSessionStore {
  create(record: Omit<PushSessionRecord, 'updatedAt'>, ttlMs: number): Promise<void>;
  get(clientId: string): Promise<PushSessionRecord | undefined>;
  /** The node holding the session while it lives: what a node asks on every long poll, so it reads one field. */
  holder(clientId: string): Promise<string | undefined>;
  /**
   * Records how far the client has read, if `nodeId` still holds the session; a number lower than the stored one
   * is ignored. False when the session is gone or another node holds it.
   */
  progress(clientId: string, nodeId: string, progress: PushSessionProgress, ttlMs: number): Promise<boolean>;
  /** Makes `nodeId` the holder; resolves with the record as it was before (its `nodeId` is the previous holder). */
  claim(clientId: string, nodeId: string, ttlMs: number): Promise<PushSessionRecord | undefined>;
  /**
   * Ends the session if `nodeId` holds it: a node that ends a session another node adopted meanwhile leaves it be.
   * True when a live record was deleted.
   */
  delete(clientId: string, nodeId: string): Promise<boolean>;
  close(): Promise<void>;
}

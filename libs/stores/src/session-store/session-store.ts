import type { JsonObject } from '../json';

/** An authenticated HTTP session (the `JSESSIONID` cookie names it), shared by every node of a cluster. */
export interface StoredSession {
  /** Opaque, unguessable; the cookie value. */
  readonly id: string;
  readonly userId: string;
  readonly userName: string;
  /** Bound to the session for its whole life (GWS CSRF protection). */
  readonly csrfToken: string;
  readonly createdAt: number;
  /** Sliding expiry, moved forward by `touch`. */
  readonly expiresAt: number;
  /** Whatever else the server keeps per session (e.g. the person's DBID). */
  readonly data: JsonObject;
}

export interface SessionStore {
  create(session: StoredSession): Promise<void>;
  /** The session, or undefined when unknown or expired. */
  get(id: string): Promise<StoredSession | undefined>;
  /** Extends the session; false when it is gone. */
  touch(id: string, expiresAt: number): Promise<boolean>;
  /** Replaces `data`; false when the session is gone. */
  update(id: string, data: JsonObject): Promise<boolean>;
  delete(id: string): Promise<boolean>;
  /** Live sessions of a user (one per browser). */
  listByUser(userId: string): Promise<StoredSession[]>;
  /**
   * Forgets every expired session and returns how many it removed. Reads already skip expired sessions; this bounds
   * what a store holds for sessions nobody reads again (Redis expires its keys itself and trims its indexes here).
   */
  sweepExpired(): Promise<number>;
  close(): Promise<void>;
}

/** Registration state of the SIP endpoint behind a DN, as the WebRTC/SIP gateway reports it. */
export type EndpointRegistration = 'registered' | 'unregistered' | 'unknown';

/**
 * One row of the mapping shared by GWS and the WebRTC/SIP gateway: which agent and place own a DN, and which SIP
 * endpoint rings for it. GWS writes the ownership; the gateway writes the endpoint.
 */
export interface DnMapping {
  readonly dn: string;
  readonly userId?: string;
  readonly userName?: string;
  readonly placeName?: string;
  readonly agentId?: string;
  /** The GWS node whose T-Server link registered the DN. */
  readonly nodeId?: string;
  readonly sipEndpoint?: string;
  readonly registration: EndpointRegistration;
  readonly updatedAt: number;
}

export interface DnOwner {
  readonly userId: string;
  readonly userName: string;
  readonly placeName: string;
  readonly agentId?: string;
  readonly nodeId: string;
}

export type AssignResult =
  { readonly ok: true; readonly mapping: DnMapping } | { readonly ok: false; readonly heldBy: string };

export interface DnMap {
  get(dn: string): Promise<DnMapping | undefined>;
  /**
   * Gives the DN to `owner`, atomically: refused when another user holds it (GWS statusCode 19); the same user may
   * assign it again (a second browser, another node taking over) and the row is updated.
   */
  assign(dn: string, owner: DnOwner): Promise<AssignResult>;
  /** Frees the DN if `userId` holds it; the endpoint columns stay. */
  release(dn: string, userId: string): Promise<boolean>;
  /**
   * Moves the DN to node `toNodeId` only if `userId` holds it on node `fromNodeId`, atomically: how a surviving node
   * takes over the DNs of a dead one. Of nodes racing for the same DN, exactly one gets true.
   */
  transfer(dn: string, userId: string, fromNodeId: string, toNodeId: string): Promise<boolean>;
  setEndpoint(dn: string, endpoint: { sipEndpoint?: string; registration: EndpointRegistration }): Promise<void>;
  findByUser(userId: string): Promise<DnMapping[]>;
  list(): Promise<DnMapping[]>;
  /** Every change, from any writer. */
  watch(handler: (mapping: DnMapping) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

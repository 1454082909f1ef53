/** The T-Server client of this node (one link, shared by every agent the node serves). */
export const TSERVER_CLIENT = Symbol('TSERVER_CLIENT');
/** The Configuration Server client of this node. */
export const CONFSERV_CLIENT = Symbol('CONFSERV_CLIENT');

export type CloseKind = 'protocol-error' | 'addp-timeout' | 'remote-closed' | 'socket-error' | 'local';

/** Why a link closed: `kind` for programs, `detail` for people (logs, health output). */
export interface CloseReason {
  readonly kind: CloseKind;
  readonly detail: string;
}

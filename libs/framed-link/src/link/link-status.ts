import type { CloseReason } from '../close-reason';

/**
 * - `disconnected`: no link; before `connect()`, between attempts or waiting out the backoff.
 * - `connecting`: opening TCP to `endpoint`.
 * - `registering`: the registration request sent, waiting for its answer.
 * - `connected`: registered; requests flow.
 * - `closed`: final, after `close()`, a non-retriable registration refusal, or the retryStrategy giving up.
 */
export type LinkStatus = 'disconnected' | 'connecting' | 'registering' | 'connected' | 'closed';

/** A configured endpoint as the client uses it. */
export interface LinkEndpoint {
  /** Which configured endpoint: the first is the primary, any other a backup (not the server's own role). */
  readonly which: 'primary' | 'backup';
  readonly host: string;
  readonly port: number;
}

/** What every `status` event carries; a client may add fields of its own (T-Server: the server's role). */
export interface LinkStatusChange {
  readonly status: LinkStatus;
  readonly previous: LinkStatus;
  readonly endpoint: LinkEndpoint | undefined;
  /** Why the link went down (on `disconnected`). */
  readonly reason?: CloseReason;
  /** Why the client stopped by itself (on `closed`), or why the last attempt failed (on `disconnected`). */
  readonly error?: Error;
}

export type StatusUpdate<C extends LinkStatusChange> = Partial<Omit<C, 'status' | 'previous'>>;

/**
 * The next status record: `endpoint` and the client's own fields carry over unless given (undefined clears them);
 * `reason` and `error` do not.
 */
export function nextStatus<C extends LinkStatusChange>(current: C, status: LinkStatus, update: StatusUpdate<C>): C {
  const next: Record<string, unknown> = { ...current, ...update, status, previous: current.status };
  if (!update.reason) delete next['reason'];
  if (!update.error) delete next['error'];
  return next as unknown as C;
}

/** The fields of `record` a lost link clears: `endpoint` and the client's own, each set to undefined. */
export function clearedFields<C extends LinkStatusChange>(record: C): StatusUpdate<C> {
  const transient = new Set(['status', 'previous', 'reason', 'error']);
  const keys = Object.keys(record).filter((key) => !transient.has(key));
  return Object.fromEntries(keys.map((key) => [key, undefined])) as StatusUpdate<C>;
}

/** The endpoints in the order they are tried: the first as `primary`, the others as `backup`. */
export function linkEndpoints(endpoints: readonly { readonly host: string; readonly port: number }[]): LinkEndpoint[] {
  return endpoints.map(({ host, port }, index) => ({ which: index === 0 ? 'primary' : 'backup', host, port }));
}

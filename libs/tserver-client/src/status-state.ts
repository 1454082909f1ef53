import type { EventEmitter } from 'node:events';
import type { StatusChange, TServerClientEvents, TServerClientStatus } from './client-events';
import { ClientClosedError } from './errors/client-closed.error';

export type StatusUpdate = Partial<Omit<StatusChange, 'status' | 'previous'>>;

/** The next status record: endpoint and role carry over unless given (undefined clears them); reason and error do not. */
export function nextStatus(current: StatusChange, status: TServerClientStatus, update: StatusUpdate): StatusChange {
  return {
    status,
    previous: current.status,
    endpoint: 'endpoint' in update ? update.endpoint : current.endpoint,
    role: 'role' in update ? update.role : current.role,
    ...(update.reason ? { reason: update.reason } : {}),
    ...(update.error ? { error: update.error } : {}),
  };
}

/** Resolves on the next `connected`, rejects on `closed` with the error that closed the client. */
export function whenConnected(emitter: EventEmitter<TServerClientEvents>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const watch = (change: StatusChange): void => {
      if (change.status !== 'connected' && change.status !== 'closed') return;
      emitter.off('status', watch);
      if (change.status === 'connected') resolve();
      else reject(change.error ?? new ClientClosedError('connect'));
    };
    emitter.on('status', watch);
  });
}

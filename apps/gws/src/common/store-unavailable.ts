import { HttpStatus } from '@nestjs/common';
import { GwsException } from './gws.exception';
import { GwsStatus } from './gws-status';

/**
 * The shared stores (Redis) cannot be used right now: the connection is down or reconnecting, or the server is not
 * serving yet (loading its data after a restart, a failover under way). Answered at once `503 {"statusCode":4}` with
 * a message that says to try again, as a T-Server or Configuration Server outage is (docs/api.md), never as an
 * internal error; nothing was changed, and the session survives the outage.
 */
export class StoreUnavailableException extends GwsException {
  constructor(readonly detail: string) {
    super(
      GwsStatus.InternalError,
      'The session store is unavailable; try again shortly',
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
}

/** ioredis's own errors for a connection that is down, closed or gave up on a command (matched by class name). */
const CONNECTION_ERROR_NAMES = new Set(['MaxRetriesPerRequestError', 'ClusterAllFailedError']);

/** What ioredis rejects a command with when it cannot send it (plain Errors: only the message tells). */
const CONNECTION_ERROR_MESSAGES = [
  /^Connection is closed\.$/,
  /^Command aborted due to connection close$/,
  /enableOfflineQueue options is false$/,
  /^None of startup nodes is available$/,
  /^Cluster is disconnect(ed|ing)\.$/,
  /^Command timed out$/,
  /^Socket timeout\./,
  /^connect ETIMEDOUT$/,
];

/** Redis replies that mean "not now" rather than "no": loading the AOF, a cluster or replica failover, a busy script. */
const TRANSIENT_REPLY = /^(LOADING|CLUSTERDOWN|MASTERDOWN|TRYAGAIN|READONLY|BUSY)\b/;

/** True when `error` says the shared stores are unreachable for now (ours, or one ioredis rejects a command with). */
export function isStoreUnavailable(error: unknown): error is Error {
  if (error instanceof StoreUnavailableException) return true;
  if (!(error instanceof Error)) return false;
  if (CONNECTION_ERROR_NAMES.has(error.name)) return true;
  if (error.name === 'ReplyError') return TRANSIENT_REPLY.test(error.message);
  return CONNECTION_ERROR_MESSAGES.some((message) => message.test(error.message));
}

/** `error` as a StoreUnavailableException when it says the stores are unreachable; else `error` itself. */
export function asStoreUnavailable(error: unknown): unknown {
  if (error instanceof StoreUnavailableException || !isStoreUnavailable(error)) return error;
  return new StoreUnavailableException(error.message);
}

import { TServerClientError } from './tserver-client.error';

/**
 * The endpoint answered as the backup of its HA pair while the other endpoint may still be the primary: a hot-standby
 * backup takes no requests until promoted, so the client tries the other endpoint first. Retriable.
 */
export class StandbyServerError extends TServerClientError {
  constructor(readonly endpoint: string) {
    super(`${endpoint} is the standby backup; trying the other endpoint first`, true);
  }
}

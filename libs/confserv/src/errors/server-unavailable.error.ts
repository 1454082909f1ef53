import { ConfServError } from './confserv.error';

/**
 * No registered link to any Configuration Server endpoint: requests fail at once instead of queueing. `sent` tells
 * whether the request had reached the socket before the link went down: an unsent one is safe to retry (`retriable`),
 * a sent one may already have been carried out.
 */
export class ServerUnavailableError extends ConfServError {
  constructor(
    readonly request: string,
    readonly detail: string,
    readonly sent = false,
  ) {
    super('SERVER_UNAVAILABLE', `${request}: Configuration Server unavailable (${detail})`, !sent);
  }
}

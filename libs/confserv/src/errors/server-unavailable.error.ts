import { ConfServError } from './confserv.error';

/** No registered link to any Configuration Server endpoint: requests fail at once instead of queueing. */
export class ServerUnavailableError extends ConfServError {
  constructor(
    readonly request: string,
    readonly detail: string,
  ) {
    super('SERVER_UNAVAILABLE', `${request}: Configuration Server unavailable (${detail})`);
  }
}

import { TServerClientError } from './tserver-client.error';

/** The request was made after, or was in flight during, `close()`. */
export class ClientClosedError extends TServerClientError {
  constructor(readonly requestName: string) {
    super(`${requestName} not completed: the T-Server client is closed`, false);
  }
}

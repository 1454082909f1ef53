import { LinkError } from './link.error';

/** The request was made after, or was in flight during, the client's `close()`. */
export class ClientClosedError extends LinkError {
  constructor(
    readonly requestName: string,
    /** Names the server in the message: `T-Server`, `Configuration Server`. */
    server: string,
  ) {
    super(`${requestName} not completed: the ${server} client is closed`, false);
  }
}

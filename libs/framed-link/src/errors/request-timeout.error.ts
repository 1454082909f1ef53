import { LinkError } from './link.error';

/** No reply came in time. The server may still carry the request out, so it is not retriable. */
export class RequestTimeoutError extends LinkError {
  constructor(
    readonly requestName: string,
    /** The correlation id the request carried (T-Lib ReferenceID, Configuration Server IATRCFG_REQUESTID). */
    readonly requestId: number,
    readonly timeoutMs: number,
    /** Names the server in the message: `T-Server`, `Configuration Server`. */
    server: string,
  ) {
    super(
      `${requestName} (request id ${requestId}) got no reply from ${server} within ${timeoutMs} ms; ` +
        `raise the requestTimeoutMs option if ${server} is slow`,
      false,
    );
  }
}

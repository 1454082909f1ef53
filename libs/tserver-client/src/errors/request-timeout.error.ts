import { TServerClientError } from './tserver-client.error';

/** No reply came in time. The T-Server may still carry the request out, so it is not retriable. */
export class RequestTimeoutError extends TServerClientError {
  constructor(
    readonly requestName: string,
    readonly referenceId: number,
    readonly timeoutMs: number,
  ) {
    super(
      `${requestName} (ReferenceID ${referenceId}) got no reply within ${timeoutMs} ms; ` +
        'raise the requestTimeoutMs option if the T-Server is slow',
      false,
    );
  }
}

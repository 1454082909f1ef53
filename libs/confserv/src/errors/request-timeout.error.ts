import { ConfServError } from './confserv.error';

export class RequestTimeoutError extends ConfServError {
  constructor(
    readonly request: string,
    readonly requestId: number,
    readonly timeoutMs: number,
  ) {
    super('REQUEST_TIMEOUT', `${request} #${requestId}: no answer within ${timeoutMs} ms`);
  }
}

import { TServerClientError } from './tserver-client.error';

/**
 * No T-Server link to carry the request. `sent` tells whether it had reached the socket before the link went down:
 * an unsent request is safe to retry, a sent one may already have been carried out.
 */
export class LinkDownError extends TServerClientError {
  constructor(
    readonly requestName: string,
    readonly detail: string,
    readonly sent: boolean,
    options?: { cause?: unknown },
  ) {
    super(`${requestName} ${sent ? 'lost' : 'not sent'}: T-Server link down (${detail})`, !sent, options);
  }
}

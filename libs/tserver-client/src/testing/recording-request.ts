import type { TMessage } from '@gws/tlib';
import type { RequestFn } from '../requests/request-fn';

/** A RequestFn that keeps what it is asked to send and answers each request with EventACK. */
export function recordingRequest(): RequestFn & { readonly sent: TMessage[] } {
  const sent: TMessage[] = [];
  const request = (message: TMessage): Promise<TMessage> => {
    sent.push(message);
    return Promise.resolve({ name: 'EventACK', attributes: { ThisDN: message.attributes.ThisDN } });
  };
  return Object.assign(request, { sent });
}

/**
 * The one message a request helper sends: `helpers` builds the helper group (`(request) => new CallRequests(request)`)
 * and `send` calls one helper of it. Fails the test when the helper sends no message or several.
 */
export function messageSentBy<H>(
  helpers: (request: RequestFn) => H,
): (send: (group: H) => Promise<unknown>) => Promise<TMessage> {
  return async (send) => {
    const request = recordingRequest();
    await send(helpers(request));
    if (request.sent.length !== 1) throw new Error(`expected one message sent, got ${request.sent.length}`);
    return request.sent[0]!;
  };
}

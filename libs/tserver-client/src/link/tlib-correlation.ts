import { RequestCorrelator, type LinkLogger } from '@gws/framed-link';
import { messageSpec, type TMessage, type TMessageName } from '@gws/tlib';
import { LinkDownError } from '../errors/link-down.error';
import { TServerRequestError } from '../errors/tserver-request.error';

/**
 * ReferenceID correlation: the shared RequestCorrelator, keeping per request the spec's direct reply. A request is
 * settled by the first event with its ReferenceID that is that reply or EventACK, and failed by EventError; any
 * other event with that id (EventDialing after EventHeld) is left to the event stream.
 */
export type TlibCorrelator = RequestCorrelator<TMessage, TMessageName | undefined>;

export function tlibCorrelator(initialReferenceId: number): TlibCorrelator {
  return new RequestCorrelator({
    server: 'T-Server',
    initialId: initialReferenceId,
    linkDown: (requestName, detail, sent) => new LinkDownError(requestName, detail, sent),
  });
}

/**
 * Stamps a fresh ReferenceID on a copy of `message` and hands it to `send`, which returns false if the link is
 * gone. @returns the direct reply
 */
export function requestReply(
  correlator: TlibCorrelator,
  message: TMessage,
  timeoutMs: number,
  send: (stamped: TMessage) => boolean,
): Promise<TMessage> {
  const { name, attributes } = message;
  return correlator.request(name, messageSpec(name)?.reply, timeoutMs, (referenceId) =>
    send({ name, attributes: { ...attributes, ReferenceID: referenceId } }),
  );
}

/** Settles the request `event` answers, if any; false when the event is not a direct reply. */
export function acceptReply(correlator: TlibCorrelator, event: TMessage, logger: LinkLogger): boolean {
  const referenceId = event.attributes.ReferenceID;
  if (referenceId === undefined || referenceId === 0) return false;
  const request = correlator.inFlight(referenceId);
  if (request === undefined) {
    logger.debug({ event: event.name, referenceId }, 'reply without a request in flight; not correlated');
    return false;
  }
  if (event.name === 'EventError') {
    const { ErrorCode = 0, ErrorMessage } = event.attributes;
    return correlator.fail(referenceId, new TServerRequestError(request.name, referenceId, ErrorCode, ErrorMessage));
  }
  if (event.name !== request.state && event.name !== 'EventACK') return false;
  return correlator.settle(referenceId, event);
}

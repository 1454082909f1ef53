import { RequestCorrelator, type LinkLogger, type RequestTimeoutError } from '@gws/framed-link';
import { ConfServRequestError } from '../errors/confserv-request.error';
import { ServerUnavailableError } from '../errors/server-unavailable.error';
import type { ConfServMessageName } from '../protocol/confserv-message-ids';
import { confservMessage, type ConfServAttributes, type ConfServMessage } from '../protocol/confserv-protocol';

/** Object events that are not (only) the answer to one of our requests. */
export const NOTIFICATIONS: ReadonlySet<ConfServMessageName> = new Set([
  'EventObjectCreated',
  'EventObjectUpdated',
  'EventObjectDeleted',
]);

/**
 * IATRCFG_REQUESTID correlation: the shared RequestCorrelator, keeping per request the EventObjectsRead batches
 * received so far. A request settles with its answers (the batches, then EventObjectsSent; or its one event) and
 * fails on EventError.
 */
export type ConfServCorrelator = RequestCorrelator<ConfServMessage[], ConfServMessage[]>;

export function confservCorrelator(): ConfServCorrelator {
  return new RequestCorrelator({
    server: 'Configuration Server',
    linkDown: (requestName, detail, sent) => new ServerUnavailableError(requestName, detail, sent),
  });
}

/** Sends a request with a fresh IATRCFG_REQUESTID through `send` (false when the link is gone). */
export function requestAnswers(
  correlator: ConfServCorrelator,
  name: ConfServMessageName,
  attributes: ConfServAttributes,
  timeoutMs: number,
  send: (message: ConfServMessage) => boolean,
  onTimeout: (timeout: RequestTimeoutError) => void,
): Promise<ConfServMessage[]> {
  const stamp = (requestId: number): ConfServMessage =>
    confservMessage(name, { ...attributes, IATRCFG_REQUESTID: requestId });
  return correlator.request(name, [], timeoutMs, (requestId) => send(stamp(requestId)), onTimeout);
}

/** Collects a read's batches, settles the request `message` answers last, or fails it on EventError. */
export function acceptAnswer(correlator: ConfServCorrelator, message: ConfServMessage, logger: LinkLogger): void {
  const requestId = message.attributes.IATRCFG_REQUESTID ?? 0;
  const request = requestId === 0 ? undefined : correlator.inFlight(requestId);
  if (request === undefined) {
    if (!NOTIFICATIONS.has(message.name)) logger.warn({ message: message.name, requestId }, 'answer without a request');
    return;
  }
  if (message.name === 'EventObjectsRead') {
    request.state.push(message);
    return;
  }
  if (message.name === 'EventError') {
    const { IATRCFG_ERRORCODE: code = 0, SATRCFG_DESCRIPTION: description = '' } = message.attributes;
    correlator.fail(requestId, new ConfServRequestError(request.name, code, description));
    return;
  }
  correlator.settle(requestId, [...request.state, message]);
}

import { Int32Sequence, RequestTracker, type LinkLogger } from '@gws/framed-link';
import { messageSpec, type TMessage, type TMessageName } from '@gws/tlib';
import { LinkDownError } from '../errors/link-down.error';
import { RequestTimeoutError } from '../errors/request-timeout.error';
import { TServerRequestError } from '../errors/tserver-request.error';

interface InFlight {
  readonly name: TMessageName;
  readonly reply: TMessageName | undefined;
}

/**
 * ReferenceID correlation for one client (it outlives links, so ids never repeat across a reconnect). A request
 * is settled by the first event with its ReferenceID that is its spec's direct `reply` or EventACK, and failed by
 * EventError; any other event with that id (EventDialing after EventHeld) is left to the event stream.
 */
export class RequestCorrelator {
  private readonly ids: Int32Sequence;
  private readonly tracker = new RequestTracker<number, TMessage>();
  private readonly inFlight = new Map<number, InFlight>();

  constructor(
    private readonly logger: LinkLogger,
    initialReferenceId = 0,
  ) {
    this.ids = new Int32Sequence(initialReferenceId);
  }

  get size(): number {
    return this.inFlight.size;
  }

  /**
   * Stamps a fresh ReferenceID and hands the message to `send`, which returns false if the link is gone.
   * @returns the direct reply
   */
  request(message: TMessage, timeoutMs: number, send: (stamped: TMessage) => boolean): Promise<TMessage> {
    const referenceId = this.nextFreeId();
    const stamped: TMessage = { name: message.name, attributes: { ...message.attributes, ReferenceID: referenceId } };
    const reply = this.tracker.track(referenceId, timeoutMs, () => {
      this.inFlight.delete(referenceId);
      return new RequestTimeoutError(message.name, referenceId, timeoutMs);
    });
    this.inFlight.set(referenceId, { name: message.name, reply: messageSpec(message.name)?.reply });
    let sent: boolean;
    try {
      sent = send(stamped);
    } catch (error) {
      this.fail(referenceId, error instanceof Error ? error : new Error(String(error)));
      return reply;
    }
    if (!sent) this.fail(referenceId, new LinkDownError(message.name, 'link closed before sending', false));
    return reply;
  }

  /** Settles the request `event` answers, if any; false when the event is not a direct reply. */
  accept(event: TMessage): boolean {
    const referenceId = event.attributes.ReferenceID;
    if (referenceId === undefined || referenceId === 0) return false;
    const request = this.inFlight.get(referenceId);
    if (request === undefined) {
      this.logger.debug({ event: event.name, referenceId }, 'reply without a request in flight; not correlated');
      return false;
    }
    if (event.name === 'EventError') {
      const { ErrorCode = 0, ErrorMessage } = event.attributes;
      return this.fail(referenceId, new TServerRequestError(request.name, referenceId, ErrorCode, ErrorMessage));
    }
    if (event.name !== request.reply && event.name !== 'EventACK') return false;
    this.inFlight.delete(referenceId);
    return this.tracker.settle(referenceId, event);
  }

  /** Fails every request in flight (link lost, client closed). */
  failAll(error: (requestName: TMessageName) => Error): void {
    for (const [referenceId, request] of [...this.inFlight]) this.fail(referenceId, error(request.name));
  }

  private fail(referenceId: number, error: Error): boolean {
    this.inFlight.delete(referenceId);
    return this.tracker.fail(referenceId, error);
  }

  /** After a wrap, skips ids still waiting for a reply (a request 2^31 requests old). */
  private nextFreeId(): number {
    let id = this.ids.next();
    while (this.inFlight.has(id)) id = this.ids.next();
    return id;
  }
}

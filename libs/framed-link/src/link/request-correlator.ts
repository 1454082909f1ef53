import type { CloseReason } from '../close-reason';
import { RequestTimeoutError } from '../errors/request-timeout.error';
import { Int32Sequence } from '../int32-sequence';
import { RequestTracker } from '../request-tracker';

export interface RequestCorrelatorOptions {
  /** Names the server in timeouts: `T-Server`, `Configuration Server`. */
  readonly server: string;
  /** Where the id sequence starts; the first request gets the next value. @default 0 */
  readonly initialId?: number;
  /** The client's error for a request no link carried: not sent (`sent` false), or lost with its link. */
  readonly linkDown: (requestName: string, detail: string, sent: boolean) => Error;
}

/** A request waiting for its answer, with what the protocol keeps for it (`state`: the reply it waits for, ...). */
export interface InFlightRequest<T> {
  readonly name: string;
  readonly state: T;
}

/**
 * Request/answer correlation for one client (it outlives links, so ids never repeat across a reconnect): a fresh id
 * from a wrapping int32 sequence per request (skipping ids still in flight after a wrap), a timeout per request, and
 * one failure for all when the link is lost or the client closes. What answers a request is the protocol's business:
 * it looks the request up with `inFlight(id)` and ends it with `settle` or `fail`.
 */
export class RequestCorrelator<R, T = undefined> {
  /** Requests sent since start. */
  sent = 0;
  /** Times the client went from nothing in flight to waiting for an answer: sequential round trips. */
  roundTrips = 0;
  private readonly ids: Int32Sequence;
  private readonly tracker = new RequestTracker<number, R>();
  private readonly requests = new Map<number, InFlightRequest<T>>();

  constructor(private readonly options: RequestCorrelatorOptions) {
    this.ids = new Int32Sequence(options.initialId ?? 0);
  }

  get size(): number {
    return this.requests.size;
  }

  /**
   * Takes a fresh id and hands it to `send`, which writes the request carrying it and returns false if the link is
   * gone. `onTimeout` runs when the request times out, before it is rejected with that RequestTimeoutError.
   */
  request(
    name: string,
    state: T,
    timeoutMs: number,
    send: (id: number) => boolean,
    onTimeout?: (timeout: RequestTimeoutError) => void,
  ): Promise<R> {
    const id = this.nextFreeId();
    if (this.requests.size === 0) this.roundTrips++;
    const answer = this.tracker.track(id, timeoutMs, () => {
      this.requests.delete(id);
      const timeout = new RequestTimeoutError(name, id, timeoutMs, this.options.server);
      onTimeout?.(timeout);
      return timeout;
    });
    this.requests.set(id, { name, state });
    this.sent++;
    let written: boolean;
    try {
      written = send(id);
    } catch (error) {
      this.fail(id, error instanceof Error ? error : new Error(String(error)));
      return answer;
    }
    if (!written) this.fail(id, this.options.linkDown(name, 'link closed before sending', false));
    return answer;
  }

  /** The request waiting under `id`; undefined for 0 (unsolicited) or an id nothing waits for. */
  inFlight(id: number | undefined): InFlightRequest<T> | undefined {
    return id === undefined ? undefined : this.requests.get(id);
  }

  settle(id: number, answer: R): boolean {
    this.requests.delete(id);
    return this.tracker.settle(id, answer);
  }

  fail(id: number, error: Error): boolean {
    this.requests.delete(id);
    return this.tracker.fail(id, error);
  }

  /** Fails every request in flight (client closed). */
  failAll(error: (requestName: string) => Error): void {
    for (const [id, request] of [...this.requests]) this.fail(id, error(request.name));
  }

  /** Fails every request in flight with the client's link-down error, as sent: the server may have carried it out. */
  linkLost(reason: CloseReason): void {
    this.failAll((name) => this.options.linkDown(name, `${reason.kind}: ${reason.detail}`, true));
  }

  /** After a wrap, skips ids still waiting for an answer (a request 2^31 requests old). */
  private nextFreeId(): number {
    let id = this.ids.next();
    while (this.requests.has(id)) id = this.ids.next();
    return id;
  }
}

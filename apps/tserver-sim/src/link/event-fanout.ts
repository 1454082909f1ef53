import { timeStampFromMillis, type TAttributes, type TMessage, type TMessageName } from '@gws/tlib';
import type { EventSink } from '../switch/event-sink';
import type { ClientSession } from './client-session';

/** The request being served: its direct reply is the first event of `replyName` that reaches it for its DN. */
interface PendingReply {
  readonly session: ClientSession;
  readonly referenceId: number | undefined;
  readonly dn: string | undefined;
  readonly replyName: TMessageName | undefined;
  replied: boolean;
}

/**
 * Stamps switch events (EventSequenceNumber, TimeStamp, ServerStartTime) and sends each to the clients of the
 * serving (primary) endpoint that registered its DN. While a request runs, the requester's copy of its direct
 * reply carries the request's ReferenceID.
 */
export class EventFanout implements EventSink {
  private sequence = 0;
  private pending: PendingReply | undefined;

  constructor(
    private readonly sessions: () => Iterable<ClientSession>,
    private readonly now: () => number,
    readonly serverStartTime: number,
  ) {}

  publish(dn: string, message: TMessage, exclude?: ClientSession): void {
    const attributes = { ...message.attributes, ...this.stamp(true) };
    for (const session of this.sessions()) {
      if (session === exclude || session.role !== 'primary' || !session.registeredDns.has(dn)) continue;
      session.send({ name: message.name, attributes: this.withReference(session, dn, message.name, attributes) });
    }
  }

  /** Time and server identity for any event; `unsolicited` ones also take the next EventSequenceNumber. */
  stamp(unsolicited: boolean): TAttributes {
    return {
      TimeStamp: timeStampFromMillis(this.now()),
      ServerStartTime: this.serverStartTime,
      ...(unsolicited ? { EventSequenceNumber: ++this.sequence } : {}),
    };
  }

  /** Runs `serve` as the handling of one request; returns whether its reply went out as a switch event. */
  serving(
    session: ClientSession,
    referenceId: number | undefined,
    dn: string | undefined,
    replyName: TMessageName | undefined,
    serve: () => void,
  ): boolean {
    const pending: PendingReply = { session, referenceId, dn, replyName, replied: false };
    this.pending = pending;
    try {
      serve();
    } finally {
      this.pending = undefined;
    }
    return pending.replied;
  }

  /** Marks the current request answered by a direct reply. */
  markReplied(): void {
    if (this.pending !== undefined) this.pending.replied = true;
  }

  private withReference(session: ClientSession, dn: string, name: TMessageName, attributes: TAttributes): TAttributes {
    const pending = this.pending;
    if (pending === undefined || pending.replied || pending.session !== session) return attributes;
    if (pending.dn !== dn || pending.replyName !== name) return attributes;
    pending.replied = true;
    return pending.referenceId === undefined ? attributes : { ...attributes, ReferenceID: pending.referenceId };
  }
}

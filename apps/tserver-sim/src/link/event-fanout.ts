import { timeStampFromMillis, type TAttributes, type TMessage, type TMessageName } from '@gws/tlib';
import { NO_REPLY, type DeferredReply, type EventSink } from '../switch/event-sink';
import type { ClientSession } from './client-session';

/** The request being served: its direct reply is the first event of `replyName` that reaches it for its DN. */
interface PendingReply {
  readonly session: ClientSession;
  readonly referenceId: number | undefined;
  readonly dn: string | undefined;
  /** Deferred replies also match on the request's ConnID (a DN may have several calls by then). */
  readonly connId: string | undefined;
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
  /** Requests whose reply waits for a phone, oldest first. */
  private readonly deferred: PendingReply[] = [];

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

  /**
   * Runs `serve` as the handling of `request` (by `session`); returns whether its reply went out as a switch event
   * or was deferred.
   */
  serving(session: ClientSession, request: TMessage, replyName: TMessageName | undefined, serve: () => void): boolean {
    const { ReferenceID: referenceId, ThisDN: dn, ConnID: connId } = request.attributes;
    const pending: PendingReply = { session, referenceId, dn, connId, replyName, replied: false };
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

  deferReply(): DeferredReply {
    const pending = this.pending;
    if (pending === undefined || pending.replied) return NO_REPLY;
    pending.replied = true;
    const deferred: PendingReply = { ...pending, replied: false };
    this.deferred.push(deferred);
    return {
      fail: (code, message) => {
        if (!this.settle(deferred)) return;
        const { referenceId, dn } = deferred;
        deferred.session.send({
          name: 'EventError',
          attributes: {
            ErrorCode: code,
            ErrorMessage: message,
            ...this.stamp(false),
            ...(referenceId !== undefined ? { ReferenceID: referenceId } : {}),
            ...(dn !== undefined ? { ThisDN: dn } : {}),
          },
        });
      },
    };
  }

  private withReference(session: ClientSession, dn: string, name: TMessageName, attributes: TAttributes): TAttributes {
    const pending = this.pending;
    let answers: PendingReply | undefined;
    if (pending !== undefined && !pending.replied && pending.session === session) {
      if (pending.dn === dn && pending.replyName === name) answers = pending;
    }
    answers ??= this.deferred.find(
      (deferred) =>
        deferred.session === session &&
        deferred.dn === dn &&
        deferred.replyName === name &&
        (deferred.connId === undefined || deferred.connId === attributes.ConnID),
    );
    if (answers === undefined || !this.settle(answers)) return attributes;
    return answers.referenceId === undefined ? attributes : { ...attributes, ReferenceID: answers.referenceId };
  }

  /** Marks `reply` answered; false when it already was. */
  private settle(reply: PendingReply): boolean {
    if (reply.replied) return false;
    reply.replied = true;
    const at = this.deferred.indexOf(reply);
    if (at >= 0) this.deferred.splice(at, 1);
    return true;
  }
}

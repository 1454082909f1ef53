import type { Callback, CometDServer, ServerExtension, ServerMessage, ServerSession } from 'cometd-nodejs-server';

interface QueueCount {
  /** Messages queued since the last long poll answer. */
  offered: number;
  /** Messages the last answer carried that the client has not acknowledged yet (acknowledgement extension only). */
  unacknowledged: number;
}

/**
 * Bounds what one Bayeux session holds for its client: messages queued and not yet answered, plus, for clients of the
 * acknowledgement extension, messages sent and not yet acknowledged (the library keeps and resends those on every
 * long poll, without limit). Past `maxQueued` the session is ended: its queue is dropped, and its current or next
 * `/meta/connect` is answered `402::session_unknown` with advice `reconnect: handshake`, so the client handshakes
 * again and re-reads its state (GWS clients do on every handshake) instead of being sent a backlog it cannot take.
 *
 * Register {@link extension} on the server, and {@link track} each session once it is added.
 */
export class SessionQueueLimit {
  private readonly acknowledging = new WeakSet<ServerSession>();
  private readonly overflowed = new WeakSet<ServerSession>();

  constructor(
    private readonly maxQueued: number,
    private readonly onOverflow: (session: ServerSession, queued: number) => void,
  ) {}

  /** Notes which clients use the acknowledgement extension; answers an overflowed session's long poll. */
  readonly extension: ServerExtension = {
    incoming: (_server: CometDServer, session: ServerSession, message: ServerMessage, callback: Callback<boolean>) => {
      const ext = message.ext as { ack?: unknown } | undefined;
      if (message.channel === '/meta/handshake' && ext?.ack === true) this.acknowledging.add(session);
      callback(undefined, true);
    },
    outgoing: (
      _server: CometDServer,
      _sender: ServerSession,
      session: ServerSession,
      message: ServerMessage,
      callback: Callback<boolean>,
    ) => {
      if (message.channel === '/meta/connect' && this.overflowed.has(session)) {
        message.successful = false;
        message.error = '402::session_unknown';
        message.advice = { reconnect: 'handshake', interval: 0 };
      }
      callback(undefined, true);
    },
  };

  /** Follows a session's queue; call once, after any acknowledgement extension of the session was added. */
  track(session: ServerSession): void {
    const count: QueueCount = { offered: 0, unacknowledged: 0 };
    session.addListener('queueOffer', () => {
      count.offered++;
      const queued = count.offered + count.unacknowledged;
      if (queued > this.maxQueued && !this.overflowed.has(session)) {
        this.overflowed.add(session);
        this.onOverflow(session, queued);
      }
    });
    // Runs after the acknowledgement extension's own listener has put back what the client has not acknowledged.
    session.addListener('queueDrain', (_session: ServerSession, queue: ServerMessage[]) => {
      if (this.overflowed.has(session)) queue.splice(0, queue.length);
      count.unacknowledged = this.acknowledging.has(session) ? queue.length : 0;
      count.offered = 0;
    });
  }
}

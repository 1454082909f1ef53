import type { Callback, CometDServer, ServerExtension, ServerMessage, ServerSession } from 'cometd-nodejs-server';
import { deliverMessage, deliverOnMetaConnectOnly, hasQueuedMessages } from './cometd-internals';

/** A message of the user's event stream for one Bayeux session: `seq` numbers the user's messages 1, 2, 3 ... */
export interface SequencedMessage {
  readonly seq: number;
  readonly channel: string;
  readonly data: object;
}

interface SeqState {
  readonly acknowledging: boolean;
  /** Highest sequence number queued for the client. */
  offered: number;
  /** Highest sequence number a reply carried. */
  sent: number;
  /** Highest sequence number the client confirmed. */
  confirmed: number;
  /** Acknowledging clients: messages sent and not yet acknowledged, sent again with every reply until they are. */
  held: ServerMessage[];
  /** Acknowledging clients: the batch (the highest sequence number) each `/meta/connect` reply announced. */
  readonly announced: Map<unknown, number>;
  /** Live messages that wait while the session's backlog is read; undefined once the session is open. */
  waiting: SequencedMessage[] | undefined;
}

/** Told each time a client confirms more of the user's stream (the highest sequence number it has). */
type ProgressSink = (session: ServerSession, confirmedSeq: number) => void;

/**
 * Numbers what each Bayeux session receives with the user's stream sequence (`ext.seq` on every data message), so
 * that a session can continue on any node: each node knows how far the client has read, and a node that adopts the
 * session sends what follows. Also the acknowledgement extension, written here rather than taken from
 * cometd-nodejs-server because its batch numbers are a per-process counter: ours are sequence numbers (the batch a
 * `/meta/connect` reply announces is the highest sequence number it carries), so the `ext.ack` a client echoes
 * means the same on every node.
 *
 * - Without the extension, a client's next `/meta/connect` confirms what the previous reply carried.
 * - With it, the client says what it received; what it did not is sent again with the next reply.
 * - A new session holds live messages until {@link open} gives its starting point (and backlog); duplicates (a
 *   message already queued, by the backlog or live) are dropped by sequence number.
 */
export class SequencedDelivery {
  private readonly states = new WeakMap<ServerSession, SeqState>();
  private duplicates = 0;

  constructor(private readonly onProgress: ProgressSink) {}

  /** Register on the server, ahead of any extension that reads the session's queue. */
  readonly extension: ServerExtension = {
    incoming: (_server: CometDServer, session: ServerSession, message: ServerMessage, callback: Callback<boolean>) => {
      if (message.channel === '/meta/handshake') this.start(session, ackRequested(message));
      else if (message.channel === '/meta/connect') this.connected(session, message);
      callback(undefined, true);
    },
    outgoing: (
      _server: CometDServer,
      _sender: ServerSession,
      session: ServerSession,
      message: ServerMessage,
      callback: Callback<boolean>,
    ) => {
      const state = this.states.get(session);
      if (state?.acknowledging) {
        if (message.channel === '/meta/handshake') message.ext = { ...extOf(message), ack: true };
        else if (message.channel === '/meta/connect') {
          state.announced.set(message.id, state.offered);
          message.ext = { ...extOf(message), ack: state.offered };
        }
      }
      callback(undefined, true);
    },
  };

  /** Messages dropped because the session had them already (replay and live overlapping). */
  get duplicatesDropped(): number {
    return this.duplicates;
  }

  acknowledging(session: ServerSession): boolean {
    return this.states.get(session)?.acknowledging ?? false;
  }

  /**
   * Opens a new session at `cursor` (the client has everything up to it): queues `backlog` (what follows, oldest
   * first), then the live messages that waited meanwhile.
   */
  open(session: ServerSession, cursor: number, backlog: readonly SequencedMessage[] = []): void {
    const state = this.states.get(session);
    if (state === undefined) return;
    state.offered = Math.max(state.offered, cursor);
    state.sent = Math.max(state.sent, cursor);
    state.confirmed = Math.max(state.confirmed, cursor);
    const waiting = state.waiting ?? [];
    state.waiting = undefined;
    for (const message of [...backlog, ...waiting.sort((a, b) => a.seq - b.seq)]) this.deliver(session, message);
  }

  /** Queues the message unless the session has it already; a session not open yet keeps it until it is. */
  deliver(session: ServerSession, message: SequencedMessage): void {
    const state = this.states.get(session);
    if (state === undefined) return deliverMessage(session, toBayeux(message));
    if (state.waiting !== undefined) {
      state.waiting.push(message);
      return;
    }
    if (message.seq <= state.offered) {
      this.duplicates++;
      return;
    }
    state.offered = message.seq;
    deliverMessage(session, toBayeux(message));
  }

  private start(session: ServerSession, acknowledging: boolean): void {
    const state: SeqState = {
      acknowledging,
      offered: 0,
      sent: 0,
      confirmed: 0,
      held: [],
      announced: new Map(),
      waiting: [],
    };
    this.states.set(session, state);
    if (acknowledging) deliverOnMetaConnectOnly(session);
    session.addListener('queueDrain', (_session: ServerSession, queue: ServerMessage[], replies: ServerMessage[]) =>
      this.drained(session, state, queue, replies),
    );
  }

  private connected(session: ServerSession, message: ServerMessage): void {
    const state = this.states.get(session);
    if (state === undefined) return;
    const ack = (message.ext as { ack?: unknown } | undefined)?.ack;
    if (state.acknowledging && typeof ack === 'number') {
      state.held = state.held.filter((held) => seqOf(held, Infinity) > ack);
      this.confirm(session, state, Math.min(ack, state.sent));
      // What the client missed goes out at once rather than after a whole long poll.
      if (state.held.length > 0 && !hasQueuedMessages(session)) {
        message.advice = { ...(message.advice as object | undefined), timeout: 0 };
      }
    } else if (!state.acknowledging) {
      this.confirm(session, state, state.sent);
    }
  }

  private drained(session: ServerSession, state: SeqState, queue: ServerMessage[], replies: ServerMessage[]): void {
    if (state.acknowledging) {
      const connect = replies.find((reply) => reply.channel === '/meta/connect');
      if (connect === undefined) return;
      const batch = state.announced.get(connect.id) ?? state.offered;
      state.announced.delete(connect.id);
      state.held = [...state.held, ...queue];
      queue.splice(0, queue.length, ...state.held);
      this.send(session, state, batch);
    } else if (queue.length > 0) {
      this.send(session, state, Math.max(...queue.map((message) => seqOf(message, state.offered))));
    }
  }

  private send(session: ServerSession, state: SeqState, seq: number): void {
    if (seq <= state.sent) return;
    state.sent = seq;
  }

  private confirm(session: ServerSession, state: SeqState, seq: number): void {
    if (seq <= state.confirmed) return;
    state.confirmed = seq;
    this.onProgress(session, seq);
  }
}

function extOf(message: ServerMessage): object | undefined {
  return message.ext as object | undefined;
}

function ackRequested(message: ServerMessage): boolean {
  return (message.ext as { ack?: unknown } | undefined)?.ack === true;
}

/** The sequence number a queued message carries; messages of the protocol itself (a disconnect) go with `fallback`. */
function seqOf(message: ServerMessage, fallback: number): number {
  const seq = (message.ext as { seq?: unknown } | undefined)?.seq;
  return typeof seq === 'number' ? seq : fallback;
}

function toBayeux(message: SequencedMessage): ServerMessage {
  return { channel: message.channel, data: message.data, ext: { seq: message.seq } };
}

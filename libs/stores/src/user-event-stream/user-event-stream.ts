import type { Unsubscribe } from '../event-bus/event-bus';
import type { JsonCompatible } from '../json';

/**
 * What a stream carries, topic by topic, e.g. `{'/v2/me/calls': CallStateChangeMessage | ErrorMessage, ...}`: a
 * topic's messages are plain JSON data (a networked stream sends them as JSON).
 */
export type TopicMessages<M> = { [T in keyof M]: JsonCompatible<M[T]> };

/** The topics of a message map. */
export type TopicOf<M> = keyof M & string;

/** One event of a user's stream, on topic `T`. */
export interface UserEventOn<M, T extends TopicOf<M>> {
  readonly userId: string;
  /** 1, 2, 3 ... within the user's stream, in the order appended; never reused, even after trimming. */
  readonly seq: number;
  /** When it was appended (epoch ms, the stream's clock); age trimming goes by it. */
  readonly at: number;
  readonly topic: T;
  readonly data: M[T];
  /** When the event this message reports happened (epoch ms), if the writer said: it travels with the message. */
  readonly eventAt?: number;
  /** What the message reports, if the writer said (`append`'s `origin`): it travels with the message too. */
  readonly origin?: string;
}

/** An event on any topic of `M`; `topic` tells which message `data` is. */
export type UserEvent<M> = { [T in TopicOf<M>]: UserEventOn<M, T> }[TopicOf<M>];

export type UserEventHandler<M> = (event: UserEvent<M>) => void;

/**
 * What the user's latest appends with an origin reported, and how many of them in a row reported it: one T-Server
 * event can give a user two or three messages, so a node taking over from a dead writer can tell which event it
 * last logged and whether it logged all of that event's messages.
 */
export interface OriginMark {
  readonly origin: string;
  readonly count: number;
}

/**
 * Each user's notifications: a bounded log numbered per user, and a fan-out to every node. `append` is one step
 * that logs the message, gives it the user's next sequence number and publishes it to every subscriber on every
 * node (a networked implementation makes it one atomic operation, e.g. a script that appends to the user's stream
 * and publishes it), so a sequence number is never published without being logged, nor logged without being
 * published.
 *
 * - Appends of one user made on one node are numbered, logged and delivered in the order `append` was called,
 *   whether or not the caller waits for each before the next.
 * - Every subscriber, on every node, receives every event appended after it subscribed, each user's in `seq`
 *   order. Delivery is never synchronous inside `append`.
 * - Messages are read-only from `append` on, for the writer, the subscribers and readers of the log alike: an
 *   in-process stream hands out the appended value itself, without copying it.
 */
export interface UserEventStream<M extends TopicMessages<M>> {
  /**
   * Logs `data` on `topic` for `userId` and fans it out; resolves with its sequence number once logged. `origin`
   * (opaque, non-empty; e.g. a T-Server event's `<ServerStartTime>:<EventSequenceNumber>`) says what the message
   * reports: it is delivered and logged with it, and the same step moves the user's origin mark (one more of the
   * same origin, or the first of a new one). Without it (or empty) the mark stays as it was.
   */
  append<T extends TopicOf<M>>(
    userId: string,
    topic: T,
    data: M[T],
    eventAt?: number,
    origin?: string,
  ): Promise<number>;
  /** Every event appended from now on, of every user. */
  subscribe(handler: UserEventHandler<M>): Promise<Unsubscribe>;
  /** Logged events of the user with `seq > afterSeq`, oldest first, at most `limit`: what a client missed. */
  since(userId: string, afterSeq: number, limit?: number): Promise<UserEvent<M>[]>;
  /** The last sequence number the user's stream gave (0 if none). */
  latestSeq(userId: string): Promise<number>;
  /** The user's origin mark; undefined if no append of the user named an origin (or, networked, it expired). */
  latestOrigin(userId: string): Promise<OriginMark | undefined>;
  /** Forgets the user's logged events; numbering goes on where it was, and the origin mark stays. */
  clear(userId: string): Promise<void>;
  /** Ends this node's subscriptions and connections; closing again does nothing. */
  close(): Promise<void>;
}

export interface UserEventStreamOptions {
  /** Events kept per user; older ones are dropped. */
  readonly maxEntries?: number;
  /** Events older than this are dropped (ms). */
  readonly maxAgeMs?: number;
}

/** 200 events and ten minutes per user: enough for a reload or a change of node, not a shift. */
export const DEFAULT_USER_EVENT_STREAM_OPTIONS: Required<UserEventStreamOptions> = {
  maxEntries: 200,
  maxAgeMs: 10 * 60 * 1000,
};

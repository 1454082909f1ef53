import { systemClock, type Clock } from '../clock';
import type { Unsubscribe } from '../event-bus/event-bus';
import {
  DEFAULT_USER_EVENT_STREAM_OPTIONS,
  type OriginMark,
  type TopicMessages,
  type TopicOf,
  type UserEvent,
  type UserEventHandler,
  type UserEventStream,
  type UserEventStreamOptions,
} from './user-event-stream';
import { namedOrigin, userEvent } from './user-event';

interface UserLog<M> {
  lastSeq: number;
  events: UserEvent<M>[];
  /** Replaced, never changed in place, so a mark handed out by `latestOrigin` stays as it was. */
  origin?: OriginMark;
}

export interface MemoryUserEventStreamOptions extends UserEventStreamOptions {
  /**
   * Events kept over all users together; past it the oldest go first, whoever they belong to. The per-user bounds
   * leave the log's size to the number of users and the rate (18,000 agents at 1,000 events/s: 600,000 entries and
   * ~530 MB of heap after ten minutes, docs/bench-capacity.md); this one bounds the process's memory.
   */
  readonly maxTotalEntries?: number;
}

/** About 90 MB of heap at ~900 bytes per call event: 100 s of history at 1,000 events/s, ten minutes below ~170/s. */
export const DEFAULT_MAX_TOTAL_ENTRIES = 100_000;

/** Compact the append-order queue once this many trimmed entries sit before its head. */
const COMPACT_AFTER = 4096;

/**
 * The user event stream of one process. An event is one object, kept in the log and handed to every handler as it
 * is: nothing is copied or serialised on the way (the push path measured every copy), which is why events are
 * read-only by contract. Handlers run in a microtask, like a networked stream's, so no caller comes to rely on them
 * having run when `append` returns.
 *
 * Besides each user's bounds, the log is trimmed in append order over all users: by age (so that the events of a
 * user who receives nothing more still go after `maxAgeMs`) and by `maxTotalEntries`. The queue holds user ids and
 * sequence numbers, not events, so that an event trimmed from its user's log is freed at once.
 */
export class MemoryUserEventStream<M extends TopicMessages<M>> implements UserEventStream<M> {
  private readonly logs = new Map<string, UserLog<M>>();
  private readonly handlers = new Set<UserEventHandler<M>>();
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly maxTotalEntries: number;
  /** Every logged event in append order, as (user, seq); trimmed ones are skipped when they reach the head. */
  private queueUsers: string[] = [];
  private queueSeqs: number[] = [];
  private head = 0;
  private total = 0;

  constructor(
    options: MemoryUserEventStreamOptions = {},
    private readonly now: Clock = systemClock,
  ) {
    this.maxEntries = options.maxEntries ?? DEFAULT_USER_EVENT_STREAM_OPTIONS.maxEntries;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_USER_EVENT_STREAM_OPTIONS.maxAgeMs;
    this.maxTotalEntries = options.maxTotalEntries ?? DEFAULT_MAX_TOTAL_ENTRIES;
  }

  append<T extends TopicOf<M>>(
    userId: string,
    topic: T,
    data: M[T],
    eventAt?: number,
    origin?: string,
  ): Promise<number> {
    const log: UserLog<M> = this.logs.get(userId) ?? { lastSeq: 0, events: [] };
    this.logs.set(userId, log);
    const at = this.now();
    const seq = ++log.lastSeq;
    const named = namedOrigin(origin);
    if (named !== undefined) {
      log.origin = { origin: named, count: log.origin?.origin === named ? log.origin.count + 1 : 1 };
    }
    const event = userEvent<M, T>(userId, seq, at, topic, data, eventAt, named);
    log.events.push(event);
    this.queueUsers.push(userId);
    this.queueSeqs.push(seq);
    this.total++;
    // By age (and over all users) in `trim`: events are appended in time order, so the oldest lead the queue.
    const drop = log.events.length - this.maxEntries;
    if (drop > 0) {
      log.events.splice(0, drop);
      this.total -= drop;
    }
    this.trim(at);
    for (const handler of this.handlers) queueMicrotask(() => handler(event));
    return Promise.resolve(seq);
  }

  subscribe(handler: UserEventHandler<M>): Promise<Unsubscribe> {
    this.handlers.add(handler);
    return Promise.resolve(() => {
      this.handlers.delete(handler);
      return Promise.resolve();
    });
  }

  since(userId: string, afterSeq: number, limit = Number.MAX_SAFE_INTEGER): Promise<UserEvent<M>[]> {
    const oldest = this.now() - this.maxAgeMs;
    const events = this.logs.get(userId)?.events ?? [];
    return Promise.resolve(events.filter((event) => event.seq > afterSeq && event.at >= oldest).slice(0, limit));
  }

  latestSeq(userId: string): Promise<number> {
    return Promise.resolve(this.logs.get(userId)?.lastSeq ?? 0);
  }

  latestOrigin(userId: string): Promise<OriginMark | undefined> {
    return Promise.resolve(this.logs.get(userId)?.origin);
  }

  clear(userId: string): Promise<void> {
    const log = this.logs.get(userId);
    if (log !== undefined) {
      this.total -= log.events.length;
      log.events = [];
    }
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.handlers.clear();
    this.logs.clear();
    this.queueUsers = [];
    this.queueSeqs = [];
    this.head = 0;
    this.total = 0;
    return Promise.resolve();
  }

  /**
   * Drops events from the head of the append order while there are too many or they are too old. A user's oldest
   * remaining event is always the first of that user's still in the queue, so it is the first of the user's log.
   */
  private trim(at: number): void {
    while (this.head < this.queueUsers.length) {
      const log = this.logs.get(this.queueUsers[this.head]!);
      const first = log?.events[0];
      if (first !== undefined && first.seq === this.queueSeqs[this.head]) {
        if (this.total <= this.maxTotalEntries && first.at >= at - this.maxAgeMs) break;
        log!.events.shift();
        this.total--;
      }
      this.head++;
    }
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.queueUsers.length) {
      this.queueUsers = this.queueUsers.slice(this.head);
      this.queueSeqs = this.queueSeqs.slice(this.head);
      this.head = 0;
    }
  }
}

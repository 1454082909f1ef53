import { systemClock, type Clock } from '../clock';
import type { Unsubscribe } from '../event-bus/event-bus';
import {
  DEFAULT_USER_EVENT_STREAM_OPTIONS,
  type TopicMessages,
  type TopicOf,
  type UserEvent,
  type UserEventHandler,
  type UserEventOn,
  type UserEventStream,
  type UserEventStreamOptions,
} from './user-event-stream';

interface UserLog<M> {
  lastSeq: number;
  events: UserEvent<M>[];
}

/**
 * The user event stream of one process. An event is one object, kept in the log and handed to every handler as it
 * is: nothing is copied or serialised on the way (the push path measured every copy), which is why events are
 * read-only by contract. Handlers run in a microtask, like a networked stream's, so no caller comes to rely on them
 * having run when `append` returns.
 */
export class MemoryUserEventStream<M extends TopicMessages<M>> implements UserEventStream<M> {
  private readonly logs = new Map<string, UserLog<M>>();
  private readonly handlers = new Set<UserEventHandler<M>>();
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;

  constructor(
    options: UserEventStreamOptions = {},
    private readonly now: Clock = systemClock,
  ) {
    this.maxEntries = options.maxEntries ?? DEFAULT_USER_EVENT_STREAM_OPTIONS.maxEntries;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_USER_EVENT_STREAM_OPTIONS.maxAgeMs;
  }

  append<T extends TopicOf<M>>(userId: string, topic: T, data: M[T], eventAt?: number): Promise<number> {
    const log = this.logs.get(userId) ?? { lastSeq: 0, events: [] };
    this.logs.set(userId, log);
    const at = this.now();
    const seq = ++log.lastSeq;
    const event: UserEventOn<M, T> =
      eventAt === undefined ? { userId, seq, at, topic, data } : { userId, seq, at, topic, data, eventAt };
    log.events.push(event);
    let drop = Math.max(0, log.events.length - this.maxEntries);
    while (drop < log.events.length && log.events[drop]!.at < at - this.maxAgeMs) drop++;
    if (drop > 0) log.events.splice(0, drop);
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

  clear(userId: string): Promise<void> {
    const log = this.logs.get(userId);
    if (log !== undefined) log.events = [];
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.handlers.clear();
    this.logs.clear();
    return Promise.resolve();
  }
}

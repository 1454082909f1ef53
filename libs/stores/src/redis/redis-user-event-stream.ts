import { systemClock, type Clock } from '../clock';
import type { Unsubscribe } from '../event-bus/event-bus';
import type { JsonValue } from '../json';
import {
  DEFAULT_USER_EVENT_STREAM_OPTIONS,
  type OriginMark,
  type TopicMessages,
  type TopicOf,
  type UserEvent,
  type UserEventHandler,
  type UserEventStream,
  type UserEventStreamOptions,
} from '../user-event-stream/user-event-stream';
import { ChannelSubscription } from './channel-subscription';
import type { RedisLink } from './redis-link';
import { namedOrigin, userEvent } from '../user-event-stream/user-event';
import { UserEventGapFiller } from './user-event-gap-filler';
import { appendUserEvent } from './user-event-stream.lua';

/** What `append` serialises once: the stream entry's `event` field, and the published message after `<seq>|<at>|`. */
interface EventBody {
  readonly userId: string;
  readonly topic: string;
  readonly data: JsonValue;
  readonly eventAt?: number | undefined;
  readonly origin?: string | undefined;
}

/** Entries `since` reads per XRANGE. */
const SINCE_PAGE = 100;

/**
 * The user event stream on Redis. Each user's log is a Redis Stream, `<prefix>{u:<userId>}:events`, with entry ids
 * `0-<seq>` so that `since` is an XRANGE by id; the numbers come from `<prefix>{u:<userId>}:seq`, which trimming and
 * expiry leave alone; the origin mark is the hash `<prefix>{u:<userId>}:origin`. `append` is one script (see
 * `user-event-stream.lua.ts`) that numbers, logs, trims, marks and publishes on `<prefix>user-events`, sent on the
 * link's `queued` connection: one connection, so a node's appends run in call order, and held through a short
 * outage. Each instance subscribes with one connection of its own, parses each message once and fills the holes a
 * reconnect leaves from the log (`UserEventGapFiller`).
 */
export class RedisUserEventStream<M extends TopicMessages<M>> implements UserEventStream<M> {
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly channel: string;
  private readonly gaps: UserEventGapFiller<M>;
  private readonly events: ChannelSubscription<UserEvent<M>>;

  constructor(
    private readonly link: RedisLink,
    private readonly now: Clock = systemClock,
    options: UserEventStreamOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? DEFAULT_USER_EVENT_STREAM_OPTIONS.maxEntries;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_USER_EVENT_STREAM_OPTIONS.maxAgeMs;
    this.channel = `${link.prefix}user-events`;
    this.gaps = new UserEventGapFiller<M>(
      (userId, afterSeq, limit) => this.since(userId, afterSeq, limit),
      (event) => this.events.deliver(event),
      now,
      this.maxAgeMs,
    );
    // What a reconnect dropped is read back from the log once the subscription is live again.
    this.events = new ChannelSubscription(
      link,
      this.channel,
      (message) => this.gaps.receive(messageEvent<M>(message)),
      () => this.gaps.catchUp(),
    );
  }

  append<T extends TopicOf<M>>(
    userId: string,
    topic: T,
    data: M[T],
    eventAt?: number,
    origin?: string,
  ): Promise<number> {
    const named = namedOrigin(origin);
    // JSON leaves out what is undefined.
    const body = { userId, topic, data, eventAt, origin: named };
    return appendUserEvent(
      this.link.queued,
      this.streamKey(userId),
      this.counterKey(userId),
      this.originKey(userId),
      this.now(),
      this.maxEntries,
      this.maxAgeMs,
      this.channel,
      JSON.stringify(body),
      named ?? '',
    );
  }

  subscribe(handler: UserEventHandler<M>): Promise<Unsubscribe> {
    return this.events.add(handler);
  }

  async since(userId: string, afterSeq: number, limit = Number.MAX_SAFE_INTEGER): Promise<UserEvent<M>[]> {
    const oldest = this.now() - this.maxAgeMs;
    const key = this.streamKey(userId);
    const events: UserEvent<M>[] = [];
    let start = `0-${Math.max(0, Math.floor(afterSeq)) + 1}`;
    while (events.length < limit) {
      const count = Math.min(limit - events.length, SINCE_PAGE);
      const entries = await this.link.client.xrange(key, start, '+', 'COUNT', count);
      for (const [id, fields] of entries) {
        const event = entryEvent<M>(id, fields);
        if (event.at >= oldest) events.push(event);
      }
      if (entries.length < count) break;
      start = `(${entries[entries.length - 1]![0]}`;
    }
    return events.slice(0, limit);
  }

  async latestSeq(userId: string): Promise<number> {
    return Number((await this.link.client.get(this.counterKey(userId))) ?? 0);
  }

  async latestOrigin(userId: string): Promise<OriginMark | undefined> {
    const [origin, count] = await this.link.client.hmget(this.originKey(userId), 'origin', 'count');
    return origin === null || origin === undefined ? undefined : { origin, count: Number(count) };
  }

  /** On the `queued` connection, like `append`, so that it lands after this node's earlier appends. */
  async clear(userId: string): Promise<void> {
    await this.link.queued.del(this.streamKey(userId));
  }

  close(): Promise<void> {
    this.events.close();
    this.gaps.forgetAll();
    return Promise.resolve();
  }

  private streamKey(userId: string): string {
    return `${this.link.prefix}{u:${userId}}:events`;
  }

  private counterKey(userId: string): string {
    return `${this.link.prefix}{u:${userId}}:seq`;
  }

  private originKey(userId: string): string {
    return `${this.link.prefix}{u:${userId}}:origin`;
  }
}

/** An event as `append` wrote it; `M`'s types hold because only `append<T>` writes the JSON. */
function toEvent<M>(seq: number, at: number, json: string): UserEvent<M> {
  const { userId, topic, data, eventAt, origin } = JSON.parse(json) as EventBody;
  return userEvent<Record<string, JsonValue>, string>(
    userId,
    seq,
    at,
    topic,
    data,
    eventAt,
    origin,
  ) as unknown as UserEvent<M>;
}

/** A published `<seq>|<at>|<json>`. */
function messageEvent<M>(message: string): UserEvent<M> {
  const afterSeq = message.indexOf('|');
  const afterAt = message.indexOf('|', afterSeq + 1);
  return toEvent(
    Number(message.slice(0, afterSeq)),
    Number(message.slice(afterSeq + 1, afterAt)),
    message.slice(afterAt + 1),
  );
}

/** A stream entry `0-<seq>` with fields `at` and `event`. */
function entryEvent<M>(id: string, fields: readonly string[]): UserEvent<M> {
  let at = 0;
  let json = '{}';
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i] === 'at') at = Number(fields[i + 1]);
    else if (fields[i] === 'event') json = fields[i + 1]!;
  }
  return toEvent(Number(id.slice(id.indexOf('-') + 1)), at, json);
}

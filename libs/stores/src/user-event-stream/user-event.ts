import type { TopicOf, UserEventOn } from './user-event-stream';

/** `append`'s origin, if it names one (an empty one does not: the Redis script takes '' for none). */
export function namedOrigin(origin: string | undefined): string | undefined {
  return origin === '' ? undefined : origin;
}

/**
 * An event as both streams hand it out: an object literal of one of four shapes (with or without `eventAt` and
 * `origin`), so that every message of a T-Server event has the same one on the push path.
 */
export function userEvent<M, T extends TopicOf<M>>(
  userId: string,
  seq: number,
  at: number,
  topic: T,
  data: M[T],
  eventAt: number | undefined,
  origin: string | undefined,
): UserEventOn<M, T> {
  if (origin === undefined) {
    return eventAt === undefined ? { userId, seq, at, topic, data } : { userId, seq, at, topic, data, eventAt };
  }
  return eventAt === undefined
    ? { userId, seq, at, topic, data, origin }
    : { userId, seq, at, topic, data, eventAt, origin };
}

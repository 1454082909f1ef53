import { timeStampToMillis, type TMessage } from '@gws/tlib';

/**
 * The T-Server event a notification reports. `at`: when T-Server made it (epoch ms), for the delivery latency
 * metric; `origin`: which event it was, `<ServerStartTime>:<EventSequenceNumber>`, logged with the message so that a
 * node taking the session over knows which events the last holder announced (standby/standby-outbox.ts).
 */
export interface EventCause {
  readonly at?: number;
  readonly origin?: string;
}

/** An event's origin key and its parts, ordered as T-Server numbered them. */
export interface EventOrigin {
  readonly serverStartTime: number;
  readonly sequence: number;
}

export function causeOf(event: TMessage): EventCause {
  const { TimeStamp, EventSequenceNumber, ServerStartTime } = event.attributes;
  const at = TimeStamp === undefined ? undefined : timeStampToMillis(TimeStamp);
  if (EventSequenceNumber === undefined) return at === undefined ? {} : { at };
  const origin = `${ServerStartTime ?? 0}:${EventSequenceNumber}`;
  return at === undefined ? { origin } : { at, origin };
}

/** The parts of an origin key; undefined for anything `causeOf` did not make. */
export function parseOrigin(origin: string): EventOrigin | undefined {
  const colon = origin.indexOf(':');
  const serverStartTime = Number(origin.slice(0, colon));
  const sequence = Number(origin.slice(colon + 1));
  if (colon < 0 || !Number.isFinite(serverStartTime) || !Number.isFinite(sequence)) return undefined;
  return { serverStartTime, sequence };
}

/** Negative, zero or positive as `a` came before, is, or came after `b` (a T-Server restart starts a new count). */
export function compareOrigins(a: EventOrigin, b: EventOrigin): number {
  return a.serverStartTime !== b.serverStartTime ? a.serverStartTime - b.serverStartTime : a.sequence - b.sequence;
}

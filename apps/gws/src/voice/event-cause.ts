import { timeStampToMillis, type TMessage } from '@gws/tlib';

/**
 * The T-Server event a notification reports. `at`: when T-Server made it (epoch ms), for the delivery latency
 * metric; `origin`: which event it was, logged with the message so that a node taking the session over knows which
 * events the last holder announced (standby/standby-outbox.ts).
 */
export interface EventCause {
  readonly at?: number;
  readonly origin?: EventOrigin;
}

/** Which event: T-Server's numbers, ordered as it gave them, and `key`, `<ServerStartTime>:<EventSequenceNumber>`. */
export interface EventOrigin {
  readonly serverStartTime: number;
  readonly sequence: number;
  readonly key: string;
}

export function causeOf(event: TMessage): EventCause {
  const { TimeStamp, EventSequenceNumber, ServerStartTime } = event.attributes;
  const at = TimeStamp === undefined ? undefined : timeStampToMillis(TimeStamp);
  if (EventSequenceNumber === undefined) return at === undefined ? {} : { at };
  const serverStartTime = ServerStartTime ?? 0;
  const origin = { serverStartTime, sequence: EventSequenceNumber, key: `${serverStartTime}:${EventSequenceNumber}` };
  return at === undefined ? { origin } : { at, origin };
}

/** The origin an origin key names (as the user stream gives it back); undefined for anything `causeOf` did not make. */
export function parseOrigin(key: string): EventOrigin | undefined {
  const colon = key.indexOf(':');
  const serverStartTime = Number(key.slice(0, colon));
  const sequence = Number(key.slice(colon + 1));
  if (colon < 0 || !Number.isFinite(serverStartTime) || !Number.isFinite(sequence)) return undefined;
  return { serverStartTime, sequence, key };
}

/** Negative, zero or positive as `a` came before, is, or came after `b` (a T-Server restart starts a new count). */
export function compareOrigins(a: EventOrigin, b: EventOrigin): number {
  return a.serverStartTime !== b.serverStartTime ? a.serverStartTime - b.serverStartTime : a.sequence - b.sequence;
}

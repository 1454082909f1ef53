/** A T-Server event time: whole seconds since the epoch and the microseconds within that second. */
export interface TimeStamp {
  readonly seconds: number;
  readonly microseconds: number;
}

/**
 * The time of `epochMillis` to the nearest microsecond. Rounded as a whole before it is split: rounding the
 * microseconds alone turned the last half microsecond of a second into 1,000,000 µs, which no codec encodes.
 */
export function timeStampFromMillis(epochMillis: number): TimeStamp {
  const micros = Math.round(epochMillis * 1000);
  const seconds = Math.floor(micros / 1_000_000);
  return { seconds, microseconds: micros - seconds * 1_000_000 };
}

export function timeStampToMillis(time: TimeStamp): number {
  return time.seconds * 1000 + time.microseconds / 1000;
}

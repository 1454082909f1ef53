/** A T-Server event time: whole seconds since the epoch and the microseconds within that second. */
export interface TimeStamp {
  readonly seconds: number;
  readonly microseconds: number;
}

export function timeStampFromMillis(epochMillis: number): TimeStamp {
  const seconds = Math.floor(epochMillis / 1000);
  return { seconds, microseconds: Math.round((epochMillis - seconds * 1000) * 1000) };
}

export function timeStampToMillis(time: TimeStamp): number {
  return time.seconds * 1000 + time.microseconds / 1000;
}

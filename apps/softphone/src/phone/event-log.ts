/** One thing that happened on the phone, for tests and diagnostics (`window.softphone.events`). */
export interface PhoneEvent {
  readonly type: string;
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly detail?: Readonly<Record<string, unknown>>;
}

const MAX_EVENTS = 500;

/** The newest phone events (the oldest are dropped past 500 so a page left open for a shift stays small). */
export class EventLog {
  private readonly entries: PhoneEvent[] = [];
  private readonly listeners = new Set<(event: PhoneEvent) => void>();

  add(type: string, detail?: Readonly<Record<string, unknown>>): void {
    const event: PhoneEvent = { type, at: Date.now(), ...(detail === undefined ? {} : { detail }) };
    this.entries.push(event);
    if (this.entries.length > MAX_EVENTS) this.entries.splice(0, this.entries.length - MAX_EVENTS);
    for (const listener of this.listeners) listener(event);
  }

  /** A copy: readers cannot change the log. */
  all(): PhoneEvent[] {
    return this.entries.map((event) => ({ ...event }));
  }

  onEvent(listener: (event: PhoneEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

import type { TMessage } from '@gws/tlib';

/**
 * Drops an event whose (ServerStartTime, EventSequenceNumber) was already seen: after a switchover the backup of a
 * hot-standby pair may resend what the primary sent. Events without EventSequenceNumber always pass. The last
 * `window` keys are remembered, across reconnects; events without ServerStartTime are keyed by link only, since a
 * restarted server would reuse their numbers.
 */
export class EventDeduplicator {
  private readonly seen = new Set<string>();
  private readonly order: (string | undefined)[];
  private next = 0;
  private linkEpoch = 0;
  dropped = 0;

  constructor(private readonly window: number) {
    this.order = new Array<string | undefined>(window);
  }

  /** Call on every new link. */
  newLink(): void {
    this.linkEpoch++;
  }

  /** True when the event is new (and is now remembered). */
  accept(event: TMessage): boolean {
    const sequence = event.attributes.EventSequenceNumber;
    if (sequence === undefined) return true;
    const start = event.attributes.ServerStartTime;
    const key = start === undefined ? `link${this.linkEpoch}:${sequence}` : `${start}:${sequence}`;
    if (this.seen.has(key)) {
      this.dropped++;
      return false;
    }
    const evicted = this.order[this.next];
    if (evicted !== undefined) this.seen.delete(evicted);
    this.order[this.next] = key;
    this.next = (this.next + 1) % this.window;
    this.seen.add(key);
    return true;
  }
}

import type { TMessage } from '@gws/tlib';

/**
 * Drops an event whose (ServerStartTime, EventSequenceNumber) was already seen: after a switchover the backup of a
 * hot-standby pair may resend what the primary sent. Events without EventSequenceNumber always pass. The last
 * `window` keys are remembered, across reconnects; events without ServerStartTime are keyed by link only, since a
 * restarted server would reuse their numbers.
 *
 * Every event passes here, so the sequence numbers are kept as numbers in one set per server start (or link), not
 * as a string per event: no key is built and no string hashed.
 */
export class EventDeduplicator {
  /** Sequence numbers seen, by ServerStartTime (a number) or, without one, by link (`link<epoch>`). */
  private readonly seen = new Map<number | string, Set<number>>();
  /** The remembered keys in arrival order, a ring of `window` (origin, sequence) pairs. */
  private readonly origins: (number | string | undefined)[];
  private readonly sequences: Float64Array;
  private next = 0;
  private linkEpoch = 0;
  private linkOrigin = 'link0';
  dropped = 0;

  constructor(private readonly window: number) {
    this.origins = new Array<number | string | undefined>(window);
    this.sequences = new Float64Array(window);
  }

  /** Call on every new link. */
  newLink(): void {
    this.linkOrigin = `link${++this.linkEpoch}`;
  }

  /** True when the event is new (and is now remembered). */
  accept(event: TMessage): boolean {
    const sequence = event.attributes.EventSequenceNumber;
    if (sequence === undefined) return true;
    const origin = event.attributes.ServerStartTime ?? this.linkOrigin;
    let sequences = this.seen.get(origin);
    if (sequences?.has(sequence) === true) {
      this.dropped++;
      return false;
    }
    this.forget(this.next);
    if (sequences === undefined) {
      sequences = new Set();
      this.seen.set(origin, sequences);
    }
    sequences.add(sequence);
    this.origins[this.next] = origin;
    this.sequences[this.next] = sequence;
    this.next = (this.next + 1) % this.window;
    return true;
  }

  /** Evicts the key in ring slot `slot`, if any, and its origin's set once empty. */
  private forget(slot: number): void {
    const origin = this.origins[slot];
    if (origin === undefined) return;
    const sequences = this.seen.get(origin);
    sequences?.delete(this.sequences[slot]!);
    if (sequences?.size === 0) this.seen.delete(origin);
  }
}

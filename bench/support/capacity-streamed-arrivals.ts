/**
 * The arrivals of a browser process of `bench/capacity.bench.ts`: instead of keeping them, as {@link Arrivals} does in
 * `bench:events`, it sends them to the bench in batches (the bench joins them with the origins and counts
 * duplicates across processes). The stamp is taken in the listener, before batching.
 */
import { Arrivals } from './events-browser';
import type { ArrivalBatch, ArrivalSample } from './capacity-protocol';

const FLUSH_EVERY_MS = 100;

export class StreamedArrivals extends Arrivals {
  private keys: string[] = [];
  private times: number[] = [];
  private readonly sampled = new Set<string>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly send: (message: ArrivalBatch | ArrivalSample) => void) {
    super();
    this.timer = setInterval(() => this.flush(), FLUSH_EVERY_MS);
  }

  override record(data: unknown, time: number): void {
    if (typeof data !== 'object' || data === null) return;
    const message = data as { messageType?: unknown; call?: { id?: unknown; state?: unknown } };
    if (message.messageType !== 'CallStateChangeMessage' || typeof message.call?.id !== 'string') return;
    const state = String(message.call.state);
    this.keys.push(`${message.call.id}:${state}`);
    this.times.push(time);
    if ((state === 'Ringing' || state === 'Released') && !this.sampled.has(state)) {
      this.sampled.add(state);
      this.send({ type: 'sample', state, message: data as Record<string, unknown> });
    }
  }

  /** Sends what arrived since the last batch, if anything. */
  flush(): void {
    if (this.keys.length === 0) return;
    this.send({ type: 'arrivals', keys: this.keys, times: this.times });
    this.keys = [];
    this.times = [];
  }

  stop(): void {
    clearInterval(this.timer);
    this.flush();
  }
}

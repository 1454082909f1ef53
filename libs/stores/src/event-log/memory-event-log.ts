import { systemClock, type Clock } from '../clock';
import type { JsonValue } from '../json';
import {
  DEFAULT_EVENT_LOG_MAX_AGE_MS,
  DEFAULT_EVENT_LOG_MAX_ENTRIES,
  type EventLog,
  type EventLogEntry,
  type EventLogOptions,
} from './event-log';

/** An entry as kept: the data serialized, as a Redis log keeps it. */
interface StoredEntry {
  readonly seq: number;
  readonly at: number;
  readonly topic: string;
  readonly json: string;
}

interface Stream {
  lastSeq: number;
  entries: StoredEntry[];
}

/**
 * Keeps each entry's data as one JSON string rather than the caller's object graph: a log holds every notification
 * for minutes, and one flat string per entry is far less for the garbage collector to trace and promote than the
 * dozens of small objects of a call snapshot. It also hands out fresh copies from `since` for free.
 */
export class MemoryEventLog implements EventLog {
  private readonly streams = new Map<string, Stream>();
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;

  constructor(
    options: EventLogOptions = {},
    private readonly now: Clock = systemClock,
  ) {
    this.maxEntries = options.maxEntries ?? DEFAULT_EVENT_LOG_MAX_ENTRIES;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_EVENT_LOG_MAX_AGE_MS;
  }

  append(stream: string, topic: string, data: JsonValue): Promise<number> {
    const entry = this.streams.get(stream) ?? { lastSeq: 0, entries: [] };
    this.streams.set(stream, entry);
    const seq = ++entry.lastSeq;
    const now = this.now();
    entry.entries.push({ seq, at: now, topic, json: JSON.stringify(data) });
    let drop = Math.max(0, entry.entries.length - this.maxEntries);
    while (drop < entry.entries.length && entry.entries[drop]!.at < now - this.maxAgeMs) drop++;
    if (drop > 0) entry.entries.splice(0, drop);
    return Promise.resolve(seq);
  }

  since(stream: string, afterSeq: number, limit = Number.MAX_SAFE_INTEGER): Promise<EventLogEntry[]> {
    const entries = this.streams.get(stream)?.entries ?? [];
    const oldest = this.now() - this.maxAgeMs;
    return Promise.resolve(
      entries
        .filter((entry) => entry.seq > afterSeq && entry.at >= oldest)
        .slice(0, limit)
        .map(({ seq, at, topic, json }) => ({ seq, at, topic, data: JSON.parse(json) as JsonValue })),
    );
  }

  latestSeq(stream: string): Promise<number> {
    return Promise.resolve(this.streams.get(stream)?.lastSeq ?? 0);
  }

  clear(stream: string): Promise<void> {
    const entry = this.streams.get(stream);
    if (entry !== undefined) entry.entries = [];
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.streams.clear();
    return Promise.resolve();
  }
}

import { systemClock, type Clock } from '../clock';
import type { JsonValue } from '../json';
import {
  DEFAULT_EVENT_LOG_MAX_AGE_MS,
  DEFAULT_EVENT_LOG_MAX_ENTRIES,
  type EventLog,
  type EventLogEntry,
  type EventLogOptions,
} from './event-log';

interface Stream {
  lastSeq: number;
  entries: EventLogEntry[];
}

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
    entry.entries.push({ seq, at: now, topic, data });
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
        .map((entry) => structuredClone(entry)),
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

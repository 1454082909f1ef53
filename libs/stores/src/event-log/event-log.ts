import type { JsonValue } from '../json';

export interface EventLogEntry {
  /** 1, 2, 3 ... within its stream; never reused, even after trimming. */
  readonly seq: number;
  readonly at: number;
  readonly topic: string;
  readonly data: JsonValue;
}

/**
 * A bounded, per-stream (per-user) log of the notifications sent, so that a browser that reconnects to another node,
 * or after a long-poll gap, can be given what it missed. Appended data is read-only from then on (an in-process log
 * keeps the value itself); what `since` returns is the caller's to keep.
 */
export interface EventLog {
  append(stream: string, topic: string, data: JsonValue): Promise<number>;
  /** Entries with `seq > afterSeq`, oldest first, at most `limit`. */
  since(stream: string, afterSeq: number, limit?: number): Promise<EventLogEntry[]>;
  /** The last sequence number given in the stream (0 if none). */
  latestSeq(stream: string): Promise<number>;
  clear(stream: string): Promise<void>;
  close(): Promise<void>;
}

export interface EventLogOptions {
  /** Entries kept per stream; older ones are dropped. @default 200 */
  readonly maxEntries?: number;
  /** Entries older than this are dropped. @default 600000 (ten minutes: a reload or a node change, not a shift) */
  readonly maxAgeMs?: number;
}

export const DEFAULT_EVENT_LOG_MAX_ENTRIES = 200;
export const DEFAULT_EVENT_LOG_MAX_AGE_MS = 10 * 60 * 1000;

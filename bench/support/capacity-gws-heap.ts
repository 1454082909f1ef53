/**
 * The GWS child's answer to `heap` (events-bench-server.ts, sent by `bench/capacity.bench.ts` once the drive is
 * measured): V8's heap figures, optionally a heap snapshot written to a file (summarised by the bench afterwards,
 * capacity-heap-summary.ts), and what the event log holds.
 *
 * The event log's share is measured directly: its entries are counted, then forgotten, and the drop of the used heap
 * after a full GC is what only the log kept alive (its retained size). That empties GWS's event log, so it is the
 * last thing the bench asks before stopping the child.
 */
import { createRequire } from 'node:module';
import { getHeapSpaceStatistics, getHeapStatistics, writeHeapSnapshot } from 'node:v8';
import type { INestApplicationContext } from '@nestjs/common';
import type * as StoreTokens from '../../apps/gws/src/stores/store.tokens';
import { settleHeap } from './events-usage';

const load = createRequire(__filename);
const MB = 1024 * 1024;
const mb = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;

export interface HeapSpaceFigures {
  readonly space: string;
  readonly usedMb: number;
  readonly sizeMb: number;
}

export interface EventLogFigures {
  readonly users: number;
  readonly events: number;
  readonly eventsByTopic: Record<string, number>;
  /** Used heap (after a full GC) with the log, minus without it: what only the log kept alive (null: not freed). */
  readonly retainedMb: number | null;
  readonly retainedBytesPerEvent: number | null;
}

export interface GwsHeapReport {
  readonly type: 'heap';
  readonly rssMb: number;
  readonly heapUsedMb: number;
  readonly heapTotalMb: number;
  readonly externalMb: number;
  readonly arrayBuffersMb: number;
  readonly heapSizeLimitMb: number;
  readonly spaces: readonly HeapSpaceFigures[];
  /** null when the stream is not the in-memory one (with Redis the log is in Redis). */
  readonly eventLog: EventLogFigures | null;
  readonly snapshotFile: string | null;
  readonly snapshotMs: number | null;
}

/** What MemoryUserEventStream keeps per user (a private field, read here for the measurement only). */
interface LoggedUser {
  events: { readonly topic: string }[];
}

function eventLogOf(app: INestApplicationContext): Map<string, LoggedUser> | undefined {
  const { USER_EVENT_STREAM } = load('../../apps/gws/src/stores/store.tokens') as typeof StoreTokens;
  const logs = (app.get<object>(USER_EVENT_STREAM) as { logs?: unknown }).logs;
  return logs instanceof Map ? (logs as Map<string, LoggedUser>) : undefined;
}

/** Counts the log's entries; with `free`, then empties it and measures what that freed. */
function measureEventLog(logs: Map<string, LoggedUser>, free: boolean): EventLogFigures {
  const eventsByTopic: Record<string, number> = {};
  let events = 0;
  for (const user of logs.values()) {
    events += user.events.length;
    for (const event of user.events) eventsByTopic[event.topic] = (eventsByTopic[event.topic] ?? 0) + 1;
  }
  let retained: number | null = null;
  if (free) {
    settleHeap();
    const withLog = process.memoryUsage().heapUsed;
    for (const user of logs.values()) user.events = [];
    settleHeap();
    retained = withLog - process.memoryUsage().heapUsed;
  }
  return {
    users: logs.size,
    events,
    eventsByTopic,
    retainedMb: retained === null ? null : mb(retained),
    retainedBytesPerEvent: retained === null || events === 0 ? null : Math.round(retained / events),
  };
}

/** `freeEventLog`: also measure what the event log retains, which empties it (see above). */
export function gwsHeapReport(
  app: INestApplicationContext,
  snapshotFile: string | undefined,
  freeEventLog: boolean,
): GwsHeapReport {
  settleHeap();
  const memory = process.memoryUsage();
  const spaces = getHeapSpaceStatistics().map((space) => ({
    space: space.space_name,
    usedMb: mb(space.space_used_size),
    sizeMb: mb(space.space_size),
  }));
  let snapshotMs: number | null = null;
  if (snapshotFile !== undefined) {
    const start = performance.now();
    writeHeapSnapshot(snapshotFile);
    snapshotMs = Math.round(performance.now() - start);
  }
  const logs = eventLogOf(app);
  return {
    type: 'heap',
    rssMb: mb(memory.rss),
    heapUsedMb: mb(memory.heapUsed),
    heapTotalMb: mb(memory.heapTotal),
    externalMb: mb(memory.external),
    arrayBuffersMb: mb(memory.arrayBuffers),
    heapSizeLimitMb: mb(getHeapStatistics().heap_size_limit),
    spaces,
    eventLog: logs === undefined ? null : measureEventLog(logs, freeEventLog),
    snapshotFile: snapshotFile ?? null,
    snapshotMs,
  };
}

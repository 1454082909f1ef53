import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { wallClockSkewMs } from './events-clock';
import type { EventsServerReady, EventsServerUsage } from './events-protocol';

const MB = 1024 * 1024;

// A full collection on demand without --expose-gc on every command line (the flag only makes `gc` visible).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * Settles this process's heap before a measured drive: a full collection, so that the garbage of the set-up (the
 * login storm, the handshakes) is not collected in the middle of the window. Every process of a drive does it at the
 * same point (`usage` with `settle`), the browsers' process included; GCs caused by the drive itself still count.
 */
export function settleHeap(): void {
  collectGarbage();
}

/** This process's `usage` answer: RSS now and at peak, CPU time and event-loop time since it started. */
export function processUsage(sessions: number, settle = false): EventsServerUsage {
  if (settle) settleHeap();
  const cpu = process.cpuUsage();
  const { idle, active } = performance.eventLoopUtilization();
  return {
    type: 'usage',
    rssMb: Math.round(process.memoryUsage.rss() / MB),
    peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / MB),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    eventLoop: { idleMs: idle, activeMs: active },
    sessions,
  };
}

/** This process's `ready` message: `port`, start-up time since `started` (performance.now()), RSS, clock skew. */
export function readyReport(
  port: number,
  started: number,
  extra: Pick<EventsServerReady, 'feedPort' | 'simulators'> = {},
): EventsServerReady {
  return {
    type: 'ready',
    port,
    startupMs: Math.round(performance.now() - started),
    rssMb: Math.round(process.memoryUsage.rss() / MB),
    clockSkewMs: wallClockSkewMs(),
    ...extra,
  };
}

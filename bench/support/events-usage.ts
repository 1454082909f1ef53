import type { EventsServerUsage } from './events-protocol';

const MB = 1024 * 1024;

/** This process's `usage` answer: RSS now and at peak, CPU time and event-loop time since it started. */
export function processUsage(sessions: number): EventsServerUsage {
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

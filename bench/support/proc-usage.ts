/**
 * CPU time and memory of a process this benchmark did not fork with IPC (a GWS node process, redis-server, nginx),
 * read from Linux /proc: what the IPC children answer to `usage` about themselves, without the event loop.
 */
import { readFileSync } from 'node:fs';

/** Linux's USER_HZ: the unit of utime and stime in /proc/<pid>/stat (100 on every mainstream architecture). */
const CLOCK_TICKS_PER_SECOND = 100;

export interface ProcUsage {
  readonly rssMb: number;
  /** Peak resident set size since the process started (VmHWM). */
  readonly peakRssMb: number;
  /** User + system CPU time since the process started. */
  readonly cpuMs: number;
}

/** The process's usage now, or undefined once it is gone. */
export function procUsage(pid: number): ProcUsage | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return {
      rssMb: Math.round(kilobytes(status, 'VmRSS') / 1024),
      peakRssMb: Math.round(kilobytes(status, 'VmHWM') / 1024),
      cpuMs: Math.round((ticks * 1000) / CLOCK_TICKS_PER_SECOND),
    };
  } catch {
    return undefined;
  }
}

/** The children of a process (nginx's workers), from /proc. */
export function childPids(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return children === '' ? [] : children.split(' ').map(Number);
  } catch {
    return [];
  }
}

function kilobytes(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match === null ? 0 : Number(match[1]);
}

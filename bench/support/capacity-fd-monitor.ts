/**
 * Open file descriptors of a child (GWS), sampled from /proc/<pid>/fd: every long poll, REST keep-alive connection
 * and platform link is one, and the process may hold at most its soft limit (20,000 here). A sample every second is
 * cheap next to what the child does; peaks shorter than that can be missed.
 */
import { readdirSync } from 'node:fs';

export interface FdFigures {
  /** Largest count seen since the monitor started (or since `resetPeak`). */
  readonly peak: number;
  readonly last: number;
  readonly samples: number;
}

export class FdMonitor {
  private peak = 0;
  private last = 0;
  private samples = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 1000,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  /** Reads the count now (also what the timer does); 0 once the process is gone. */
  sample(): number {
    try {
      this.last = readdirSync(`/proc/${this.pid}/fd`).length;
    } catch {
      this.last = 0;
    }
    this.peak = Math.max(this.peak, this.last);
    this.samples++;
    return this.last;
  }

  /** The figures so far, and starts a new peak from the current count (one peak per stage of the run). */
  resetPeak(): FdFigures {
    const figures = { peak: this.peak, last: this.last, samples: this.samples };
    this.peak = this.last;
    this.samples = 0;
    return figures;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

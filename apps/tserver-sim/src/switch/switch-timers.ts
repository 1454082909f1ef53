import type { LinkLogger } from '@gws/framed-link';

export type TimerHandle = symbol;

/** Every timer the switch runs (answer delays, no-answer, after-call work), so that `clearAll` stops them at close. */
export class SwitchTimers {
  private readonly timers = new Map<TimerHandle, NodeJS.Timeout>();

  constructor(private readonly logger: LinkLogger) {}

  after(ms: number, what: string, run: () => void): TimerHandle {
    const handle = Symbol(what);
    const timer = setTimeout(() => {
      this.timers.delete(handle);
      try {
        run();
      } catch (error) {
        this.logger.error({ timer: what, err: error }, 'switch timer failed');
      }
    }, ms);
    this.timers.set(handle, timer);
    return handle;
  }

  cancel(handle: TimerHandle | undefined): void {
    if (handle === undefined) return;
    clearTimeout(this.timers.get(handle));
    this.timers.delete(handle);
  }

  clearAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

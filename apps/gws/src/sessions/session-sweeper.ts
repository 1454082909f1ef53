import { Injectable, Logger } from '@nestjs/common';
import { PeriodicTask } from '../common/periodic-task';
import { SessionService } from './session.service';

/** How often expired HTTP sessions are swept from the store. */
export const SESSION_SWEEP_MS = 60_000;

/**
 * Sweeps expired HTTP sessions once a minute. The store skips them when read, but a session nobody reads again (a
 * script's one-off Basic login, a closed browser) would otherwise stay in memory for the life of the process.
 */
@Injectable()
export class SessionSweeper extends PeriodicTask {
  protected readonly periodMs = SESSION_SWEEP_MS;
  private readonly logger = new Logger('SessionSweeper');

  constructor(private readonly sessions: SessionService) {
    super();
  }

  protected runOnce(): Promise<number> {
    return this.sweep();
  }

  /** One pass; returns how many sessions it removed (0 when the store failed, which is logged). */
  async sweep(): Promise<number> {
    try {
      const removed = await this.sessions.sweepExpired();
      if (removed > 0) this.logger.debug(`swept ${removed} expired HTTP session(s)`);
      return removed;
    } catch (error) {
      this.logger.warn(`session sweep failed: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    }
  }
}

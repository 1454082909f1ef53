import { Injectable, Logger } from '@nestjs/common';
import { PeriodicTask } from '../common/periodic-task';
import { NotificationPublisher } from '../notifications';
import { SessionService } from './session.service';

/** How often the HTTP sessions behind open CometD connections are checked. */
export const PUSH_SESSION_CHECK_MS = 60_000;

/**
 * Ties CometD connections to their HTTP session as a servlet container does: while a browser long-polls, its HTTP
 * session stays alive (every poll carries the cookie); once the HTTP session is gone (expired, or ended on another
 * node), its CometD connections are ended, so no push outlives the login.
 */
@Injectable()
export class PushSessionKeeper extends PeriodicTask {
  protected readonly periodMs = PUSH_SESSION_CHECK_MS;
  private readonly logger = new Logger('PushSessionKeeper');

  constructor(
    private readonly sessions: SessionService,
    private readonly publisher: NotificationPublisher,
  ) {
    super();
  }

  protected runOnce(): Promise<number> {
    return this.check();
  }

  /** One pass: keeps live sessions alive, ends the push channels of dead ones. Returns how many were ended. */
  async check(): Promise<number> {
    let ended = 0;
    for (const sessionId of this.publisher.httpSessionIds()) {
      const alive = await this.sessions.keepAlive(sessionId).catch(() => true);
      if (!alive) ended += this.publisher.disconnectSession(sessionId);
    }
    if (ended > 0) this.logger.log(`ended ${ended} CometD session(s) whose HTTP session is gone`);
    return ended;
  }
}

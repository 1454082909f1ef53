import { Injectable, Logger } from '@nestjs/common';
import { PeriodicTask } from '../../common/periodic-task';
import { VoiceSessions } from '../voice-session';
import { WebRtcEndpoints } from './webrtc-endpoints.service';

/** How often this node looks for softphones still registered on a lapsed credential. */
export const LAPSED_CREDENTIAL_SWEEP_MS = 10_000;

/**
 * A SIP credential lives as long as the HTTP session that fetched it (each fetch of /me/webrtc extends it); when the
 * browser is gone for that long, it lapses in Redis and the gateway refuses the next REGISTER. A registration made
 * before would still ring until it expires, so this sweep asks the gateway to drop it within seconds of the lapse:
 * a session that expired stops ringing like one that ended.
 */
@Injectable()
export class LapsedCredentialSweeper extends PeriodicTask {
  protected readonly periodMs = LAPSED_CREDENTIAL_SWEEP_MS;
  private readonly logger = new Logger('LapsedCredentialSweeper');

  constructor(
    private readonly sessions: VoiceSessions,
    private readonly endpoints: WebRtcEndpoints,
  ) {
    super();
  }

  protected runOnce(): Promise<number> {
    return this.sweep();
  }

  /** One pass; returns how many registrations it asked the gateway to drop. */
  async sweep(): Promise<number> {
    if (!this.endpoints.configured) return 0;
    let dropped = 0;
    for (const session of this.sessions.all()) {
      for (const device of session.devices.values()) {
        if (device.endpoint !== 'registered') continue;
        try {
          if (await this.endpoints.dropIfLapsed(device.dn)) dropped += 1;
        } catch (error) {
          this.logger.warn(`lapsed credential check of DN ${device.dn} failed: ${String(error)}`);
        }
      }
    }
    return dropped;
  }
}

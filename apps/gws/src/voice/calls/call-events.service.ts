import { Injectable, Logger } from '@nestjs/common';
import type { TMessage } from '@gws/tlib';
import type { DnResync } from '@gws/tserver-client';
import type { VoiceSession } from '../voice-session';
import { CallNotifications } from './call-notifications';
import { callsFromStatus } from './model/call-recovery';

/**
 * The call side of T-Server events (VoiceEventsService routes them here): each goes through the session's call
 * table and what changed is announced; after a reconnect, calls T-Server no longer lists are announced Released.
 */
@Injectable()
export class CallEventsService {
  private readonly logger = new Logger('CallEventsService');

  constructor(private readonly notifications: CallNotifications) {}

  onEvent(session: VoiceSession, event: TMessage, eventAt: number | undefined): void {
    const changes = session.calls.apply(event);
    if (changes.length > 0) this.announce(this.notifications.callsChanged(session, changes, eventAt));
  }

  onResync(session: VoiceSession, result: Extract<DnResync, { ok: true }>): void {
    const known = callsFromStatus(result.dn, result.registered.attributes.Extensions);
    const ended = session.calls.reconcile(result.dn, new Set(known.map((call) => call.connId)));
    if (ended.length > 0) this.announce(this.notifications.callsChanged(session, ended));
  }

  private announce(sending: Promise<void>): void {
    sending.catch((error: Error) => this.logger.error(`call notification not sent: ${error.message}`));
  }
}

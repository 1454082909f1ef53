import { Inject, Injectable, Logger } from '@nestjs/common';
import type { KVList, TMessage } from '@gws/tlib';
import type { TServerClient } from '@gws/tserver-client';
import { TSERVER_CLIENT } from '../../platform/platform.tokens';
import type { EventCause } from '../event-cause';
import type { VoiceSession } from '../voice-session';
import { CallNotifications } from './call-notifications';
import { callsFromStatus, recoveredCall } from './model/call-recovery';

/**
 * The call side of T-Server events (VoiceEventsService routes them here): each goes through the session's call
 * table and what changed is announced. When a DN is registered (StartContactCenterSession, or re-sync after a
 * reconnect) `resync` brings the table in line with the calls T-Server lists for it, which GWS may have missed.
 */
@Injectable()
export class CallEventsService {
  private readonly logger = new Logger('CallEventsService');

  constructor(
    @Inject(TSERVER_CLIENT) private readonly tserver: TServerClient,
    private readonly notifications: CallNotifications,
  ) {}

  onEvent(session: VoiceSession, event: TMessage, cause: EventCause): void {
    const changes = session.calls.apply(event);
    if (changes.length > 0) this.announce(this.notifications.callsChanged(session, changes, cause));
  }

  /**
   * `dn` was (re-)registered and `extensions` (EventRegistered's) list its calls. The DN's events have waited since
   * it was suspended (before registering, or when the link was lost); calls the table does not know are read with
   * RequestQueryCall (parties, user data), then the table is brought in line, the waiting events applied, and every
   * change announced in the order CallTable.resync gives. Resolves once announced; never rejects on T-Server errors
   * (a call that cannot be queried is shown from its status alone).
   */
  async resync(session: VoiceSession, dn: string, extensions: KVList | undefined): Promise<void> {
    const epoch = session.calls.suspension(dn) ?? session.calls.suspend(dn);
    const listed = callsFromStatus(dn, extensions);
    const recovered = [];
    for (const known of listed) {
      if (session.calls.byConnId(known.connId) !== undefined) continue;
      const partyInfo = await this.tserver.calls.queryCall(dn, known.connId).catch(() => undefined);
      recovered.push(recoveredCall(dn, known, partyInfo, Date.now()));
    }
    const changes = session.calls.resync(dn, epoch, listed, recovered);
    if (changes === undefined) {
      this.logger.debug(`re-sync of DN ${dn} superseded: the link was lost again`);
      return;
    }
    if (changes.length > 0) await this.notifications.callsChanged(session, changes);
  }

  private announce(sending: Promise<void>): void {
    sending.catch((error: Error) => this.logger.error(`call notification not sent: ${error.message}`));
  }
}

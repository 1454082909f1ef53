import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { timeStampToMillis, type TMessage } from '@gws/tlib';
import type { DnResync, TServerClient } from '@gws/tserver-client';
import { TSERVER_CLIENT } from '../../platform/platform.tokens';
import { VoiceSessions } from '../voice-session';
import { CallNotifications } from './call-notifications';
import { callsFromStatus } from './model/call-recovery';

/**
 * Keeps each agent's calls in step with T-Server: every call event goes through the session's call table, and what
 * changed is announced; after a reconnect, calls T-Server no longer knows are announced Released.
 */
@Injectable()
export class CallEventsService implements OnModuleInit {
  private readonly logger = new Logger('CallEventsService');

  constructor(
    @Inject(TSERVER_CLIENT) private readonly tserver: TServerClient,
    private readonly sessions: VoiceSessions,
    private readonly notifications: CallNotifications,
  ) {}

  onModuleInit(): void {
    this.tserver.on('event', (event) => this.onEvent(event));
    this.tserver.on('resync', (result) => this.onResync(result));
  }

  private onEvent(event: TMessage): void {
    const dn = event.attributes.ThisDN;
    const session = dn === undefined ? undefined : this.sessions.ofDn(dn);
    if (session === undefined) return;
    const changes = session.calls.apply(event);
    if (changes.length === 0) return;
    const time = event.attributes.TimeStamp;
    this.notifications
      .callsChanged(session, changes, time === undefined ? undefined : timeStampToMillis(time))
      .catch((error: Error) => this.logger.error(`call notification not sent: ${error.message}`));
  }

  /** T-Server's list of the DN's calls after a reconnect is the truth: calls it lacks are over. */
  private onResync(result: DnResync): void {
    const session = this.sessions.ofDn(result.dn);
    if (session === undefined || !result.ok) return;
    const known = callsFromStatus(result.dn, result.registered.attributes.Extensions);
    const ended = session.calls.reconcile(result.dn, new Set(known.map((call) => call.connId)));
    this.notifications
      .callsChanged(session, ended)
      .catch((error: Error) => this.logger.error(`call notification not sent: ${error.message}`));
  }
}

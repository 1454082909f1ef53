import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { TMessage } from '@gws/tlib';
import type { DnResync, StatusChange, TServerClient } from '@gws/tserver-client';
import { TSERVER_CLIENT } from '../platform/platform.tokens';
import { CallEventsService } from './calls/call-events.service';
import { causeOf } from './event-cause';
import { applyDeviceEvent } from './model/apply-device-event';
import { deviceFromStatus } from './model/device-status';
import { StandbySessions } from './standby/standby-sessions';
import { VoiceNotifications } from './voice-notifications';
import { VoiceSessions } from './voice-session';

/**
 * The one subscriber to T-Server events: finds the session of the event's DN once and keeps it in step. Agent and
 * DN events change devices, call events go to the call side; a lost link turns every device Inactive and holds the
 * DN's call events back; after reconnecting, each DN's re-sync turns it Active again with T-Server's current state
 * and brings its calls in line with the ones T-Server lists (those that began or ended while the link was down).
 */
@Injectable()
export class VoiceEventsService implements OnModuleInit {
  private readonly logger = new Logger('VoiceEventsService');

  constructor(
    @Inject(TSERVER_CLIENT) private readonly tserver: TServerClient,
    private readonly sessions: VoiceSessions,
    private readonly notifications: VoiceNotifications,
    private readonly calls: CallEventsService,
    private readonly standby: StandbySessions,
  ) {}

  onModuleInit(): void {
    this.tserver.on('event', (event) => this.onEvent(event));
    this.tserver.on('status', (change) => this.onStatus(change));
    this.tserver.on('resync', (result) => this.onResync(result));
  }

  private onEvent(event: TMessage): void {
    const dn = event.attributes.ThisDN;
    const session = dn === undefined ? undefined : (this.sessions.ofDn(dn) ?? this.standby.ofDn(dn));
    if (session === undefined || dn === undefined) return;
    const cause = causeOf(event);
    let changed = false;
    this.sessions.updateDevice(session, dn, (device) => {
      const next = applyDeviceEvent(device, event);
      changed = next !== undefined;
      return next ?? device;
    });
    if (changed) this.publish(this.notifications.devicesChanged(session, [dn], cause));
    else this.calls.onEvent(session, event, cause);
  }

  private onStatus(change: StatusChange): void {
    if (change.status === 'connected' || change.previous !== 'connected') return;
    for (const session of [...this.sessions.all(), ...this.standby.all()]) {
      for (const dn of session.devices.keys()) {
        this.sessions.updateDevice(session, dn, (device) => ({ ...device, active: false }));
        session.calls.suspend(dn);
      }
      this.publish(this.notifications.devicesChanged(session));
    }
  }

  private onResync(result: DnResync): void {
    const session = this.sessions.ofDn(result.dn) ?? this.standby.ofDn(result.dn);
    if (session === undefined) return;
    if (!result.ok) {
      // Its calls stay suspended: unregistered, the DN gets no events on this link; the next link's re-sync retries.
      this.logger.warn(`DN ${result.dn} could not be re-registered: ${result.error.message}`);
      return;
    }
    const status = result.agentStatus?.attributes.Extensions ?? result.registered.attributes.Extensions;
    this.sessions.updateDevice(session, result.dn, (device) => deviceFromStatus(device, status));
    this.publish(this.notifications.devicesChanged(session, [result.dn]));
    this.publish(this.calls.resync(session, result.dn, result.registered.attributes.Extensions));
  }

  private publish(sending: Promise<void>): void {
    sending.catch((error: Error) => this.logger.error(`notification not sent: ${error.message}`));
  }
}

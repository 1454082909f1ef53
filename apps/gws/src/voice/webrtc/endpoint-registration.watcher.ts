import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DnMap, DnMapping } from '@gws/stores';
import { DN_MAP } from '../../stores/store.tokens';
import { deviceIsActive } from '../model/voice-device';
import { StandbySessions } from '../standby/standby-sessions';
import { VoiceNotifications } from '../voice-notifications';
import { VoiceSessions } from '../voice-session';
import { WebRtcEndpoints } from './webrtc-endpoints.service';

/**
 * Device state follows the softphone: every node watches the DN map, and the node serving the DN's session takes
 * the gateway's registration column into the device, telling the agent's browsers (DeviceStateChangeMessage) when
 * the device turns Active or Inactive. Nothing runs when no gateway is configured.
 */
@Injectable()
export class EndpointRegistrationWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EndpointRegistrationWatcher');
  private unwatch: (() => Promise<void>) | undefined;

  constructor(
    @Inject(DN_MAP) private readonly dnMap: DnMap,
    private readonly endpoints: WebRtcEndpoints,
    private readonly sessions: VoiceSessions,
    private readonly standby: StandbySessions,
    private readonly notifications: VoiceNotifications,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.endpoints.configured) return;
    this.unwatch = await this.dnMap.watch((mapping) => this.onChange(mapping));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.unwatch?.();
  }

  private onChange(mapping: DnMapping): void {
    if (!this.endpoints.isWebRtcDn(mapping.dn)) return;
    // A standby session follows too: its device is the one it will serve.
    const session = this.sessions.ofDn(mapping.dn) ?? this.standby.ofDn(mapping.dn);
    const before = session?.devices.get(mapping.dn);
    if (session === undefined || before === undefined || before.endpoint === mapping.registration) return;
    const after = this.sessions.updateDevice(session, mapping.dn, (device) => ({
      ...device,
      endpoint: mapping.registration,
    }));
    if (after === undefined || deviceIsActive(after) === deviceIsActive(before)) return;
    this.notifications.devicesChanged(session, [mapping.dn]).catch((error: unknown) => {
      this.logger.warn(`device change of DN ${mapping.dn} not sent: ${String(error)}`);
    });
  }
}

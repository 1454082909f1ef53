import { Inject, Injectable } from '@nestjs/common';
import type { TServerClient } from '@gws/tserver-client';
import { GwsException } from '../common/gws.exception';
import { GwsStatus } from '../common/gws-status';
import { TSERVER_CLIENT } from '../platform/platform.tokens';
import type { GwsPrincipal } from '../sessions/gws-principal';
import type { DeviceOperation } from './device-operation';
import { deviceCapabilities, type VoiceDevice } from './model/voice-device';
import { requireTServer } from './tserver-guard';
import { VoiceNotifications } from './voice-notifications';
import { VoiceSessions, type VoiceSession } from './voice-session';

/** DND and call forwarding on the agent's own devices. */
@Injectable()
export class DeviceOperationsService {
  constructor(
    @Inject(TSERVER_CLIENT) private readonly tserver: TServerClient,
    private readonly sessions: VoiceSessions,
    private readonly notifications: VoiceNotifications,
  ) {}

  /** The caller's device with this id; another user's device is as unknown as a made-up one (statusCode 6). */
  ownDevice(principal: GwsPrincipal, deviceId: string): { session: VoiceSession; device: VoiceDevice } {
    const session = this.sessions.ofUser(principal.userId);
    const device = session === undefined ? undefined : [...session.devices.values()].find((d) => d.id === deviceId);
    if (session === undefined || device === undefined) {
      throw new GwsException(GwsStatus.NotFound, `Device ${deviceId} not found`);
    }
    return { session, device };
  }

  run<P>(principal: GwsPrincipal, deviceId: string, operation: DeviceOperation<P>, params: P): void {
    const { session, device } = this.ownDevice(principal, deviceId);
    const allowed: readonly string[] = deviceCapabilities(device);
    if (!allowed.includes(operation.name)) {
      throw new GwsException(
        GwsStatus.InvalidForState,
        `${operation.name} is not allowed now; the device allows: ${allowed.join(', ') || 'nothing (inactive)'}`,
      );
    }
    requireTServer(this.tserver);
    operation
      .send(params, device.dn, this.tserver)
      .catch((error: unknown) =>
        this.notifications.operationFailed(
          principal.userId,
          '/v2/me/devices',
          operation.name,
          session.urls.device(device.id).uri,
          error,
        ),
      );
  }
}

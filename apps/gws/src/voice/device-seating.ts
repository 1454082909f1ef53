import { Inject, Injectable } from '@nestjs/common';
import { AddressInfoType, AgentWorkMode, RegisterMode, type EnumValue, type TMessage } from '@gws/tlib';
import type { TServerClient } from '@gws/tserver-client';
import { GwsException } from '../common/gws.exception';
import { GwsStatus } from '../common/gws-status';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import { deviceIdFor } from '../identity/resource-ids';
import type { PlaceDn } from '../platform/agent-directory.service';
import { TSERVER_CLIENT } from '../platform/platform.tokens';
import { CallEventsService } from './calls/call-events.service';
import { CallTable } from './calls/model/call-table';
import { LOGGED_OUT } from './model/agent-state';
import { deviceFromStatus } from './model/device-status';
import type { VoiceDevice } from './model/voice-device';
import { NotReadyReasonsService } from './not-ready-reasons.service';
import { ResourceUrls } from './resource-urls';
import { VoiceNotifications } from './voice-notifications';
import { VoiceSessions, type VoiceSession } from './voice-session';
import { WebRtcEndpoints } from './webrtc/webrtc-endpoints.service';

/** T-Server refused to register a DN: nothing of the session is in service on this node. */
export class RegistrationRefused extends GwsException {
  constructor(dn: string, error: unknown) {
    super(
      GwsStatus.UnableToAssign,
      `Cannot register DN ${dn} on T-Server: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** What a voice session is made from: its record's fields (the agent session store's) and its place's DNs. */
export type VoiceSessionFields = Pick<VoiceSession, 'userId' | 'userName' | 'placeName' | 'loginCode'> & {
  readonly queue?: string | undefined;
  readonly baseUrl: string;
};

/**
 * Makes voice sessions and brings their DNs into line with T-Server on this node's link: to serve them
 * (StartContactCenterSession, a takeover) or to stand by for the node that serves them (standby/).
 */
@Injectable()
export class DeviceSeating {
  constructor(
    @Inject(TSERVER_CLIENT) private readonly tserver: TServerClient,
    @Inject(GWS_CONFIG) private readonly config: GwsConfig,
    private readonly sessions: VoiceSessions,
    private readonly notifications: VoiceNotifications,
    private readonly reasons: NotReadyReasonsService,
    private readonly callEvents: CallEventsService,
    private readonly webrtc: WebRtcEndpoints,
  ) {}

  newSession(fields: VoiceSessionFields, dns: readonly PlaceDn[]): VoiceSession {
    return {
      userId: fields.userId,
      userName: fields.userName,
      placeName: fields.placeName,
      loginCode: fields.loginCode,
      queue: fields.queue,
      urls: new ResourceUrls(this.config.publicUrl ?? fields.baseUrl),
      devices: new Map(dns.map((dn) => [dn.number, blankDevice(dn)])),
      calls: new CallTable(),
    };
  }

  /**
   * Brings one DN of a session into service on this node's T-Server link, starting from what T-Server holds: the
   * DN's call events wait (CallTable.suspend) until the calls T-Server lists at registration are read; the device
   * takes the registered status and the agent status QueryAddress reports (as re-sync does); the first devices
   * snapshot goes out before any login request, so the login's own change can only follow it; then the calls
   * already on the DN (GWS restarted, another node held the DN, or the agent was on the phone before logging in).
   * The agent is logged in unless T-Server already has them logged in there. Throws RegistrationRefused, having
   * changed nothing, when T-Server refuses the DN.
   */
  async seat(session: VoiceSession, dn: string): Promise<void> {
    await this.align(session, dn, RegisterMode.ModeShare);
    if (session.devices.get(dn)?.agentId === session.loginCode) return;
    this.tserver.agent
      .login(dn, {
        agentId: session.loginCode,
        workMode: AgentWorkMode.ManualIn,
        ...(session.queue === undefined ? {} : { queue: session.queue }),
      })
      .catch((error: unknown) =>
        this.notifications.operationFailed(
          session.userId,
          '/v2/me/devices',
          'StartContactCenterSession',
          session.urls.me(),
          error,
        ),
      );
  }

  /**
   * Serves a session this node stood by for (a promoted shadow): its DNs never left this link and its state is
   * current, so each DN is only registered again in ModeShare, to be controlled from here, and the browsers get the
   * devices as they are. No re-read: the takeover of a large node goes as fast as its registrations.
   */
  async resume(session: VoiceSession): Promise<void> {
    for (const dn of session.devices.keys()) await this.register(dn, RegisterMode.ModeShare);
    await this.notifications.devicesChanged(session);
  }

  /**
   * Watches one DN of a session another node serves: registered in ModeMonitor (its events reach this link too)
   * and brought into line as `seat` does, but nobody is logged in and what the session announces stays in its
   * standby outbox.
   */
  watch(session: VoiceSession, dn: string): Promise<void> {
    return this.align(session, dn, RegisterMode.ModeMonitor);
  }

  private async align(session: VoiceSession, dn: string, mode: EnumValue<typeof RegisterMode>): Promise<void> {
    session.calls.suspend(dn);
    const registered = await this.register(dn, mode);
    const agentStatus = await this.tserver.dn.queryAddress(dn, AddressInfoType.AgentStatus).catch(() => undefined);
    const status = agentStatus?.attributes.Extensions ?? registered.attributes.Extensions;
    const endpoint = await this.webrtc.endpointOf(dn);
    this.sessions.updateDevice(session, dn, (current) => ({
      ...deviceFromStatus(current, status),
      ...(endpoint === undefined ? {} : { endpoint }),
    }));
    await this.reasons.load();
    await this.notifications.devicesChanged(session);
    await this.callEvents.resync(session, dn, registered.attributes.Extensions);
  }

  private register(dn: string, mode: EnumValue<typeof RegisterMode>): Promise<TMessage> {
    return this.tserver.registerAddress(dn, undefined, mode).catch((error: unknown) => {
      throw new RegistrationRefused(dn, error);
    });
  }
}

/** A DN of the place before T-Server has said anything about it. */
function blankDevice(dn: PlaceDn): VoiceDevice {
  return {
    id: deviceIdFor(dn.switchName, dn.number),
    dn: dn.number,
    switchName: dn.switchName,
    active: false,
    agent: LOGGED_OUT,
    agentId: undefined,
    doNotDisturb: false,
    forwardTo: undefined,
  };
}

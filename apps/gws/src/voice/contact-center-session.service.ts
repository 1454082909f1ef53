import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DnMap } from '@gws/stores';
import { AgentWorkMode, type TMessage } from '@gws/tlib';
import type { TServerClient } from '@gws/tserver-client';
import { GwsException } from '../common/gws.exception';
import { GwsStatus } from '../common/gws-status';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import { deviceIdFor } from '../identity/resource-ids';
import { AgentDirectoryService, type AgentDirectoryEntry, type PlaceDn } from '../platform/agent-directory.service';
import { TSERVER_CLIENT } from '../platform/platform.tokens';
import type { GwsPrincipal } from '../sessions/gws-principal';
import { DN_MAP } from '../stores/store.tokens';
import { CallEventsService } from './calls/call-events.service';
import { CallTable } from './calls/model/call-table';
import { LOGGED_OUT } from './model/agent-state';
import { deviceFromStatus } from './model/device-status';
import type { VoiceDevice } from './model/voice-device';
import { NotReadyReasonsService } from './not-ready-reasons.service';
import { ResourceUrls } from './resource-urls';
import { requireTServer } from './tserver-guard';
import { VoiceNotifications } from './voice-notifications';
import { VoiceSessions, type VoiceSession } from './voice-session';

/** What StartContactCenterSession asks for (docs/api.md): each left out takes the person's default. */
export interface StartSessionParams {
  readonly place?: string;
  readonly loginCode?: string;
  readonly queue?: string;
}

/**
 * StartContactCenterSession and EndContactCenterSession: sitting an agent down at a place (DN exclusive to them,
 * registered on T-Server, agent logged in) and standing them up again.
 */
@Injectable()
export class ContactCenterSessionService {
  private readonly logger = new Logger('ContactCenterSessionService');

  constructor(
    @Inject(TSERVER_CLIENT) private readonly tserver: TServerClient,
    @Inject(DN_MAP) private readonly dnMap: DnMap,
    @Inject(GWS_CONFIG) private readonly config: GwsConfig,
    private readonly directory: AgentDirectoryService,
    private readonly sessions: VoiceSessions,
    private readonly notifications: VoiceNotifications,
    private readonly reasons: NotReadyReasonsService,
    private readonly callEvents: CallEventsService,
  ) {}

  async start(principal: GwsPrincipal, params: StartSessionParams, baseUrl: string): Promise<void> {
    const existing = this.sessions.ofUser(principal.userId);
    if (existing !== undefined) return this.join(principal, existing, params);
    requireTServer(this.tserver);
    const agent = await this.agentOf(principal);
    if (!agent.isAgent) throw new GwsException(GwsStatus.NoPermission, `${agent.userName} is not an agent`);
    const placeName = params.place ?? agent.defaultPlace;
    if (placeName === undefined) {
      throw new GwsException(
        GwsStatus.MissingParameter,
        "Missing required parameter 'place': the person has no default place",
      );
    }
    const dns = placeName === agent.defaultPlace ? agent.defaultPlaceDns : await this.directory.placeDns(placeName);
    const dn = pickDevice(placeName, dns === undefined ? undefined : [...dns]);
    const loginCode = this.loginCodeFor(agent.loginCodes, dn, params.loginCode);
    const assigned = await this.dnMap.assign(dn.number, {
      userId: principal.userId,
      userName: principal.userName,
      placeName,
      agentId: loginCode,
      nodeId: this.config.nodeId,
    });
    if (!assigned.ok) throw new GwsException(GwsStatus.InUse, `Place ${placeName} is in use by another user`);

    const device: VoiceDevice = {
      id: deviceIdFor(dn.switchName, dn.number),
      dn: dn.number,
      switchName: dn.switchName,
      active: false,
      agent: LOGGED_OUT,
      agentId: undefined,
      doNotDisturb: false,
      forwardTo: undefined,
    };
    const session: VoiceSession = {
      userId: principal.userId,
      userName: principal.userName,
      placeName,
      loginCode,
      queue: params.queue,
      urls: new ResourceUrls(this.config.publicUrl ?? baseUrl),
      devices: new Map([[dn.number, device]]),
      calls: new CallTable(),
    };
    this.sessions.add(session);
    // The DN's call events wait until the calls T-Server lists at registration are read (CallTable.suspend).
    session.calls.suspend(dn.number);
    let registered: TMessage;
    try {
      registered = await this.tserver.registerAddress(dn.number);
      this.sessions.updateDevice(session, dn.number, (current) =>
        deviceFromStatus(current, registered.attributes.Extensions),
      );
    } catch (error) {
      this.sessions.remove(principal.userId);
      await this.dnMap.release(dn.number, principal.userId);
      throw new GwsException(
        GwsStatus.UnableToAssign,
        `Cannot register DN ${dn.number} on T-Server: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    await this.reasons.load();
    // The first snapshot goes out before the login request, so the login's own change can only follow it; then the
    // calls already on the DN (GWS restarted, or the agent was on the phone before logging in), as re-sync does.
    await this.notifications.devicesChanged(session);
    await this.callEvents.resync(session, dn.number, registered.attributes.Extensions);
    const registeredDevice = session.devices.get(dn.number)!;
    if (registeredDevice.agentId === loginCode) return;
    this.tserver.agent
      .login(dn.number, {
        agentId: loginCode,
        workMode: AgentWorkMode.ManualIn,
        ...(params.queue === undefined ? {} : { queue: params.queue }),
      })
      .catch((error: unknown) =>
        this.notifications.operationFailed(
          principal.userId,
          '/v2/me/devices',
          'StartContactCenterSession',
          session.urls.me(),
          error,
        ),
      );
  }

  /** Logs the agent out, frees the DN and forgets the session. Safe to call when there is none. */
  async end(principal: GwsPrincipal): Promise<void> {
    const session = this.sessions.ofUser(principal.userId);
    if (session === undefined) return;
    for (const device of session.devices.values()) {
      if (device.agentId !== undefined && this.tserver.status === 'connected') {
        await this.tserver.agent
          .logout(device.dn, session.queue)
          .catch((error: Error) => this.logger.warn(`logout of ${device.dn} failed: ${error.message}`));
      }
      await this.tserver
        .unregisterAddress(device.dn)
        .catch((error: Error) => this.logger.warn(`unregister of ${device.dn} failed: ${error.message}`));
      await this.dnMap.release(device.dn, principal.userId);
    }
    this.sessions.remove(principal.userId);
  }

  private agentOf(principal: GwsPrincipal): Promise<AgentDirectoryEntry> {
    return this.directory.agent(principal.userName).catch((error: Error) => {
      // Already a GWS answer (the Configuration Server is unavailable: 503): keep it.
      if (error instanceof GwsException) throw error;
      throw new GwsException(
        GwsStatus.UnableToRetrieve,
        `Cannot read the agent from Configuration Server: ${error.message}`,
      );
    });
  }

  /**
   * A second browser of the same user: it shares the session, as long as what it asks for is what the session is.
   * A login code that is not the person's is refused (5) exactly as at the first start; another place or another
   * of the person's login codes is 2. Nothing reaches T-Server.
   */
  private async join(principal: GwsPrincipal, session: VoiceSession, params: StartSessionParams): Promise<void> {
    if (params.loginCode !== undefined && params.loginCode !== session.loginCode) {
      ownLoginCode((await this.agentOf(principal)).loginCodes, params.loginCode);
      throw new GwsException(
        GwsStatus.InvalidForState,
        `A contact center session is already active with agent login ${session.loginCode}; end it before choosing another`,
      );
    }
    if (params.place !== undefined && params.place !== session.placeName) {
      throw new GwsException(
        GwsStatus.InvalidForState,
        `A contact center session is already active at place ${session.placeName}; end it before choosing another`,
      );
    }
    return this.notifications.snapshot(session);
  }

  private loginCodeFor(codes: readonly LoginCode[], dn: PlaceDn, asked?: string): string {
    if (asked !== undefined) return ownLoginCode(codes, asked);
    const code = codes.find((login) => login.switchName === dn.switchName)?.code;
    if (code === undefined) {
      throw new GwsException(
        GwsStatus.MissingParameter,
        `Missing required parameter 'loginCode': the person has no agent login on switch ${dn.switchName}`,
      );
    }
    return code;
  }
}

type LoginCode = AgentDirectoryEntry['loginCodes'][number];

/** `asked`, when it is one of the person's login codes; someone else's (or no one's) is refused with 5. */
function ownLoginCode(codes: readonly LoginCode[], asked: string): string {
  if (!codes.some((login) => login.code === asked)) {
    throw new GwsException(GwsStatus.NoPermission, `Agent login ${asked} is not one of this person's logins`);
  }
  return asked;
}

/** A place with one DN logs in there; with several, on its single ACD position (GWS rule). */
function pickDevice(placeName: string, dns: PlaceDn[] | undefined): PlaceDn {
  if (dns === undefined) throw new GwsException(GwsStatus.NotFound, `Place ${placeName} does not exist`);
  if (dns.length === 1) return dns[0]!;
  const positions = dns.filter((dn) => dn.type === 'ACDPosition');
  if (positions.length === 1) return positions[0]!;
  throw new GwsException(
    GwsStatus.ValidationError,
    `Place ${placeName} has ${dns.length === 0 ? 'no DN' : 'several DNs and not exactly one ACD position'}`,
  );
}

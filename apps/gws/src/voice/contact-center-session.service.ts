import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AgentSessionRecord, AgentSessionStore, DnMap } from '@gws/stores';
import type { TServerClient } from '@gws/tserver-client';
import { GwsException } from '../common/gws.exception';
import { GwsStatus } from '../common/gws-status';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import { AgentDirectoryService, type AgentDirectoryEntry, type PlaceDn } from '../platform/agent-directory.service';
import { TSERVER_CLIENT } from '../platform/platform.tokens';
import type { GwsPrincipal } from '../sessions/gws-principal';
import { AGENT_SESSION_STORE, DN_MAP } from '../stores/store.tokens';
import { DeviceSeating, RegistrationRefused } from './device-seating';
import { StandbySessions } from './standby/standby-sessions';
import { requireTServer } from './tserver-guard';
import { VoiceNotifications } from './voice-notifications';
import { VoiceSessions, type VoiceSession } from './voice-session';
import { WebRtcEndpoints } from './webrtc/webrtc-endpoints.service';

/** What StartContactCenterSession asks for (docs/api.md): each left out takes the person's default. */
export interface StartSessionParams {
  readonly place?: string;
  readonly loginCode?: string;
  readonly queue?: string;
}

/** What `takeOver` did: the session is served here now (`adopted`, or `held` already), or not (`elsewhere`). */
export type TakeOverOutcome = 'adopted' | 'held' | 'elsewhere';

/**
 * StartContactCenterSession and EndContactCenterSession: sitting an agent down at a place (DN exclusive to them,
 * registered on T-Server, agent logged in) and standing them up again. The session lives on the node whose T-Server
 * link registered its DNs; its AgentSessionRecord tells the cluster which node that is, so that another node can
 * take it over (`takeOver`) when this one dies or drains. Changes to one user's session run one at a time.
 */
@Injectable()
export class ContactCenterSessionService {
  private readonly logger = new Logger('ContactCenterSessionService');

  constructor(
    @Inject(TSERVER_CLIENT) private readonly tserver: TServerClient,
    @Inject(DN_MAP) private readonly dnMap: DnMap,
    @Inject(AGENT_SESSION_STORE) private readonly agentSessions: AgentSessionStore,
    @Inject(GWS_CONFIG) private readonly config: GwsConfig,
    private readonly directory: AgentDirectoryService,
    private readonly sessions: VoiceSessions,
    private readonly notifications: VoiceNotifications,
    private readonly seating: DeviceSeating,
    private readonly standby: StandbySessions,
    private readonly webrtc: WebRtcEndpoints,
  ) {}

  start(principal: GwsPrincipal, params: StartSessionParams, baseUrl: string): Promise<void> {
    return this.sessions.exclusive(principal.userId, () => this.startNow(principal, params, baseUrl));
  }

  /** Logs the agent out, frees the DN and forgets the session. Safe to call when there is none. */
  end(principal: GwsPrincipal): Promise<void> {
    return this.sessions.exclusive(principal.userId, () => this.endNow(principal));
  }

  /**
   * Takes over the session `fromNodeId` held (that node is dead or draining; this node's own id: a record of this
   * node's that it does not hold, e.g. after a restart under the same GWS_NODE_ID): moves the record here by
   * compare-and-set and brings the session into service on this node's T-Server link, leaving the agent logged in.
   * `held`: it was here already; `elsewhere`: the session is gone, or another node took it first.
   */
  takeOver(userId: string, fromNodeId: string): Promise<TakeOverOutcome> {
    return this.sessions.exclusive(userId, async () => {
      const me = this.config.nodeId;
      const record =
        fromNodeId === me
          ? await this.agentSessions.get(userId)
          : await this.agentSessions.claim(userId, fromNodeId, me);
      if (record?.nodeId !== me) return 'elsewhere';
      if (this.sessions.ofUser(userId) !== undefined) return 'held';
      await this.adopt(record, fromNodeId);
      return 'adopted';
    });
  }

  /**
   * Stops serving the user's session here if its record names another node now (which has taken it over): the
   * session is forgotten and its DNs unregistered from this node's link only (T-Server keeps registrations per link,
   * so the new owner's stay); nothing else changes. True when it let go.
   */
  relinquish(userId: string): Promise<boolean> {
    return this.sessions.exclusive(userId, async () => {
      const session = this.sessions.ofUser(userId);
      const record = await this.agentSessions.get(userId);
      if (session === undefined || record?.nodeId === this.config.nodeId) return false;
      this.sessions.remove(userId);
      for (const dn of session.devices.keys()) {
        await this.tserver.unregisterAddress(dn).catch(() => undefined);
      }
      // This node may be the new holder's standby: it watches the session from now on.
      if (record !== undefined) await this.standby.consider(record);
      return true;
    });
  }

  private async startNow(principal: GwsPrincipal, params: StartSessionParams, baseUrl: string): Promise<void> {
    const existing = this.sessions.ofUser(principal.userId) ?? (await this.adoptOwnRecord(principal.userId));
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
    const me = this.config.nodeId;
    const { userId, userName } = principal;
    const created = await this.agentSessions.create({
      userId,
      userName,
      placeName,
      loginCode,
      queue: params.queue,
      baseUrl,
      dns: [dn.number],
      nodeId: me,
    });
    if (!created.ok) {
      // Another node started it a moment ago (this request would otherwise have been forwarded there).
      throw new GwsException(
        GwsStatus.InvalidForState,
        `A contact center session is already active on GWS node ${created.existing.nodeId}; try again`,
      );
    }
    const assigned = await this.dnMap.assign(dn.number, {
      userId,
      userName,
      placeName,
      agentId: loginCode,
      nodeId: me,
    });
    if (!assigned.ok) {
      await this.agentSessions.delete(userId, me);
      throw new GwsException(GwsStatus.InUse, `Place ${placeName} is in use by another user`);
    }
    const session = this.seating.newSession({ userId, userName, placeName, loginCode, queue: params.queue, baseUrl }, [
      dn,
    ]);
    this.sessions.add(session);
    try {
      await this.seating.seat(session, dn.number);
    } catch (error) {
      if (error instanceof RegistrationRefused) {
        this.sessions.remove(userId);
        await this.dnMap.release(dn.number, userId);
        await this.agentSessions.delete(userId, me);
      }
      throw error;
    }
  }

  private async endNow(principal: GwsPrincipal): Promise<void> {
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
      await this.webrtc.release(device.dn, principal.userId);
    }
    this.sessions.remove(principal.userId);
    await this.agentSessions.delete(principal.userId, this.config.nodeId);
  }

  /** A session this node's record names but that it does not hold (it restarted): adopted before anything else. */
  private async adoptOwnRecord(userId: string): Promise<VoiceSession | undefined> {
    const record = await this.agentSessions.get(userId);
    if (record?.nodeId !== this.config.nodeId) return undefined;
    await this.adopt(record, record.nodeId);
    return this.sessions.ofUser(userId);
  }

  /**
   * Rebuilds the session from its record (the DNs' switches from the place) and seats each DN here as
   * StartContactCenterSession does. The DN map follows the record; a DN that is no longer the user's, or no longer
   * at the place, ends the session here: the record goes and the agent starts again. Throws when T-Server or
   * Configuration Server cannot be reached: the record stays this node's, to be adopted on a later try.
   */
  private async adopt(record: AgentSessionRecord, fromNodeId: string): Promise<void> {
    requireTServer(this.tserver);
    const placeDns = (await this.directory.placeDns(record.placeName)) ?? [];
    const dns = placeDns.filter((dn) => record.dns.includes(dn.number));
    const owned = dns.length === record.dns.length && (await this.moveDns(record, fromNodeId));
    if (!owned) {
      this.logger.warn(`session of ${record.userName} at ${record.placeName} cannot be taken over; it ends`);
      for (const dn of record.dns) await this.dnMap.release(dn, record.userId);
      await this.agentSessions.delete(record.userId, this.config.nodeId);
      return;
    }
    // A shadow this node kept as the holder's standby goes live as it is, announcing the events since the
    // holder's last message; without one, the session starts from what T-Server says now.
    const promoted = await this.standby.promote(record.userId, record.dns);
    const session = promoted ?? this.seating.newSession(record, dns);
    if (promoted === undefined) this.sessions.add(session);
    try {
      if (promoted === undefined) {
        for (const dn of session.devices.keys()) await this.seating.seat(session, dn);
      } else {
        await this.seating.resume(session);
      }
    } catch (error) {
      if (error instanceof RegistrationRefused) this.sessions.remove(record.userId);
      throw error;
    }
    this.logger.debug(`took over the session of ${record.userName} at ${record.placeName} from node ${fromNodeId}`);
  }

  /** The record's DNs follow it to this node in the DN map; false when one of them is another user's now. */
  private async moveDns(record: AgentSessionRecord, fromNodeId: string): Promise<boolean> {
    const me = this.config.nodeId;
    for (const dn of record.dns) {
      if (await this.dnMap.transfer(dn, record.userId, fromNodeId, me)) continue;
      // The row did not name that node (a takeover cut short, or a row lost): the user may still take it.
      const { userId, userName, placeName, loginCode } = record;
      const assigned = await this.dnMap.assign(dn, { userId, userName, placeName, agentId: loginCode, nodeId: me });
      if (!assigned.ok) return false;
    }
    return true;
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

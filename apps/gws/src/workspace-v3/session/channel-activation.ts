import { Inject, Injectable } from '@nestjs/common';
import { CfgObjectType, type ConfServClient } from '@gws/confserv';
import { GwsException } from '../../common/gws.exception';
import { GwsStatus } from '../../common/gws-status';
import { AgentDirectoryService } from '../../platform/agent-directory.service';
import { asConfServUnavailable } from '../../platform/confserv-unavailable.exception';
import { CONFSERV_CLIENT } from '../../platform/platform.tokens';
import type { SESSION_OPERATIONS } from '../../me/session-operations';
import type { ActivateChannelsDataDto } from './dto/activate-channels.dto';
import { WorkspaceUserService, type WorkspaceCaller } from './workspace-user.service';

/** The parameters of v2's StartContactCenterSession command. */
export type StartParams = Parameters<typeof SESSION_OPERATIONS.StartContactCenterSession.run>[0];

/**
 * StartContactCenterSession's parameters from what `activate-channels` names, which is not what v2 names:
 * - `agentId`: one of the person's agent logins, or the person's employee id or user name (then the person's login
 *   on the place's switch, as v2 picks it);
 * - `dn`: a DN of a place (that place), or one of the person's agent logins: Genesys' tutorials send the login as
 *   the DN (a PureEngage Cloud convention where login code = extension); that means the person's default place;
 * - `placeName` as it is; neither: the person's default place.
 */
@Injectable()
export class ChannelActivation {
  constructor(
    private readonly directory: AgentDirectoryService,
    private readonly users: WorkspaceUserService,
    @Inject(CONFSERV_CLIENT) private readonly confserv: ConfServClient,
  ) {}

  async startParams(caller: WorkspaceCaller, data: ActivateChannelsDataDto): Promise<StartParams> {
    const [agent, user] = await Promise.all([this.directory.agent(caller.userName), this.users.user(caller)]);
    const logins = agent.loginCodes.map((login) => login.code);
    const { agentId, dn } = data;
    const names = [user.employeeId, user.userName];
    const loginCode =
      agentId === undefined || (names.includes(agentId) && !logins.includes(agentId)) ? undefined : agentId;
    let place = data.placeName;
    if (place === undefined && dn !== undefined) {
      const atDefault = agent.defaultPlaceDns.some((own) => own.number === dn) || logins.includes(dn);
      place = atDefault ? agent.defaultPlace : await this.placeOf(dn);
    }
    return { place, loginCode, queue: data.queueName };
  }

  /** The place a DN belongs to; statusCode 6 when it is at none. */
  private async placeOf(dn: string): Promise<string> {
    try {
      const found = await this.confserv.readObjects(CfgObjectType.DN, { dn_number: dn });
      const dbids = new Set(found.map((entry) => entry.DBID));
      const places = dbids.size === 0 ? [] : await this.confserv.readObjects(CfgObjectType.Place, {});
      const place = places.find((candidate) => candidate.DNDBIDs.some((dbid) => dbids.has(dbid)));
      if (place !== undefined) return place.name;
    } catch (error) {
      throw asConfServUnavailable(error);
    }
    throw new GwsException(GwsStatus.NotFound, `DN ${dn} is at no place; name the place (placeName) instead`);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { CfgObjectType, type CfgOptions, type ConfServClient } from '@gws/confserv';
import { TtlCache } from '../../common/ttl-cache';
import { AgentDirectoryService } from '../../platform/agent-directory.service';
import { asConfServUnavailable } from '../../platform/confserv-unavailable.exception';
import { CONFSERV_CLIENT } from '../../platform/platform.tokens';
import type { GwsPrincipal } from '../../sessions/gws-principal';
import { NotReadyReasonsService } from '../../voice/not-ready-reasons.service';
import { optionsToKvList, type KvPair } from '../common/kv-list';
import type { V3Call, V3Dn } from '../voice/v3-views';
import { WorkspaceVoiceViews } from '../voice/workspace-voice-views';

/**
 * The user as the library reads it (model `CurrentSessionDataUser`): `agentLogin` and `defaultPlace` are what
 * `activateChannels()` sends when called without arguments, `employeeId` what Genesys' tutorials send as the agent.
 */
export interface WorkspaceUser {
  readonly dbid: number;
  readonly userName: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly employeeId: string;
  readonly agentLogin?: string;
  readonly defaultPlace?: string;
  readonly userProperties: KvPair[];
}

/** What the configuration holds (model `ConfigResponseData`); only the not-ready reasons are served. */
export interface WorkspaceConfiguration {
  readonly actionCodes: { readonly name: string; readonly code: string; readonly type: 'NotReady' }[];
  readonly businessAttributes: never[];
  readonly transactions: never[];
  readonly settings: Record<string, never>;
}

/** The agent's voice session, when it has one (after `activate-channels`, here or from v2). */
export interface ActiveSession {
  readonly dn: V3Dn;
  readonly calls: V3Call[];
}

/** Who is asking: the user of a v3 session (REST or CometD). */
export type WorkspaceCaller = Pick<GwsPrincipal, 'userId' | 'userName'>;

/** How long a person's employee id and properties are reused (as the directory keeps profiles). */
const PERSON_TTL_MS = 30_000;

/** The user and configuration of `initialize-workspace`'s initialization message and `current-session`. */
@Injectable()
export class WorkspaceUserService {
  private readonly persons = new TtlCache<{ employeeId: string; userProperties: CfgOptions }>(PERSON_TTL_MS);

  constructor(
    private readonly directory: AgentDirectoryService,
    @Inject(CONFSERV_CLIENT) private readonly confserv: ConfServClient,
    private readonly reasons: NotReadyReasonsService,
    private readonly voice: WorkspaceVoiceViews,
  ) {}

  /** @throws ConfServUnavailableException (503) when Configuration Server cannot be read */
  async user(principal: WorkspaceCaller): Promise<WorkspaceUser> {
    const [agent, person] = await Promise.all([
      this.directory.agent(principal.userName),
      this.persons.get(principal.userName, () => this.readPerson(principal.userName)),
    ]);
    const agentLogin = agent.loginCodes[0]?.code;
    return {
      dbid: agent.personDbid,
      userName: agent.userName,
      firstName: agent.firstName,
      lastName: agent.lastName,
      employeeId: person.employeeId,
      ...(agentLogin === undefined ? {} : { agentLogin }),
      ...(agent.defaultPlace === undefined ? {} : { defaultPlace: agent.defaultPlace }),
      userProperties: optionsToKvList(person.userProperties),
    };
  }

  async configuration(): Promise<WorkspaceConfiguration> {
    const reasons = await this.reasons.load();
    return {
      actionCodes: reasons.all.map(({ name, code }) => ({ name, code, type: 'NotReady' })),
      businessAttributes: [],
      transactions: [],
      settings: {},
    };
  }

  activeSession(principal: WorkspaceCaller): ActiveSession | undefined {
    const dn = this.voice.dn(principal.userId);
    return dn === undefined ? undefined : { dn, calls: this.voice.calls(principal.userId) };
  }

  private async readPerson(userName: string): Promise<{ employeeId: string; userProperties: CfgOptions }> {
    try {
      const [person] = await this.confserv.readObjects(CfgObjectType.Person, { user_name: userName });
      return { employeeId: person?.employeeID || userName, userProperties: person?.userProperties ?? {} };
    } catch (error) {
      throw asConfServUnavailable(error);
    }
  }
}

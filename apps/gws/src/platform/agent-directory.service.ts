import { Inject, Injectable } from '@nestjs/common';
import {
  CfgActionCodeType,
  CfgDNType,
  CfgObjectType,
  isConfServUnavailable,
  type CfgDN,
  type ConfServClient,
  type ConfServRequestOptions,
  type CfgOptions,
} from '@gws/confserv';
import { TtlCache } from '../common/ttl-cache';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import { NotReadyReasons } from '../voice/model/not-ready-reasons';
import { asConfServUnavailable, ConfServUnavailableException } from './confserv-unavailable.exception';
import { CONFSERV_CLIENT } from './platform.tokens';

export interface PlaceDn {
  readonly number: string;
  readonly type: 'Extension' | 'ACDPosition' | 'Other';
  readonly switchName: string;
}

/** What GWS needs of a person to start a contact-center session. */
export interface AgentDirectoryEntry {
  readonly personDbid: number;
  readonly tenantDbid: number;
  readonly userName: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly emailAddress: string;
  readonly enabled: boolean;
  readonly isAgent: boolean;
  readonly isAdmin: boolean;
  readonly defaultPlace: string | undefined;
  /** The default place's DNs, read with the profile. */
  readonly defaultPlaceDns: readonly PlaceDn[];
  readonly loginCodes: readonly { readonly code: string; readonly switchName: string }[];
  readonly skills: readonly { readonly name: string; readonly level: number }[];
}

/** How long a read agent profile is reused: a login reads it once for authentication, /me and the session. */
const PROFILE_TTL_MS = 30_000;
/** Switches almost never change; their names are re-read at most this often. */
const SWITCHES_TTL_MS = 5 * 60_000;

/**
 * Reads agents, places and settings from Configuration Server, in the few round trips its client offers. Profiles
 * and switch names are cached briefly so that one agent login costs one profile read, not one per step.
 *
 * Every read that fails because Configuration Server is unavailable (link down, or no answer in time) throws
 * ConfServUnavailableException: `503 {"statusCode":4}` "try again shortly", never an internal error.
 */
@Injectable()
export class AgentDirectoryService {
  private readonly profiles = new TtlCache<AgentDirectoryEntry>(PROFILE_TTL_MS);
  private readonly switches = new TtlCache<Map<number, string>>(SWITCHES_TTL_MS);

  constructor(
    @Inject(CONFSERV_CLIENT) private readonly confserv: ConfServClient,
    @Inject(GWS_CONFIG) private readonly config: GwsConfig,
  ) {}

  /** `options.timeoutMs` bounds each request of the read (a login passes its shorter timeout). */
  agent(userName: string, options: ConfServRequestOptions = {}): Promise<AgentDirectoryEntry> {
    return this.profiles.get(userName, () => unavailableAs503(this.readAgent(userName, options)));
  }

  private async readAgent(userName: string, options: ConfServRequestOptions): Promise<AgentDirectoryEntry> {
    // The switches come from switchNames (every switch, cached), not with each profile.
    const [profile, switchNames] = await Promise.all([
      this.confserv.readAgentProfile(userName, options, { switch: false }),
      this.switchNames(options),
    ]);
    const { person } = profile;
    const levels = new Map(person.agentInfo?.skillLevels.map((level) => [level.skillDBID, level.level]));
    return {
      personDbid: person.DBID,
      tenantDbid: person.tenantDBID,
      userName: person.userName,
      firstName: person.firstName,
      lastName: person.lastName,
      emailAddress: person.emailAddress,
      enabled: person.state === 1,
      isAgent: person.isAgent === 2,
      isAdmin: person.isAdmin === 2,
      defaultPlace: profile.place?.name,
      defaultPlaceDns: profile.dns.map((dn) => placeDn(dn, switchNames)),
      loginCodes: profile.agentLogins.map((login) => ({
        code: login.loginCode,
        switchName: switchNames.get(login.switchDBID) ?? '',
      })),
      skills: profile.skills.map((skill) => ({ name: skill.name, level: levels.get(skill.DBID) ?? 0 })),
    };
  }

  /** The DNs of a place by name, or undefined when no such place exists. */
  placeDns(placeName: string): Promise<PlaceDn[] | undefined> {
    return unavailableAs503(this.readPlaceDns(placeName));
  }

  private async readPlaceDns(placeName: string): Promise<PlaceDn[] | undefined> {
    const [place] = await this.confserv.readObjects(CfgObjectType.Place, { name: placeName });
    if (place === undefined) return undefined;
    const [dns, switchNames] = await Promise.all([
      Promise.all(place.DNDBIDs.map((dbid) => this.confserv.readObjects(CfgObjectType.DN, { dbid }))),
      this.switchNames(),
    ]);
    return dns.flat().map((dn) => placeDn(dn, switchNames));
  }

  async notReadyReasons(): Promise<NotReadyReasons> {
    const codes = await unavailableAs503(this.confserv.readActionCodes());
    return new NotReadyReasons(
      codes.filter((code) => code.type === CfgActionCodeType.NotReady).map(({ name, code }) => ({ name, code })),
    );
  }

  /**
   * Options of the GWS application object (section -> option -> value); empty when it is not configured or cannot
   * be read. @throws ConfServUnavailableException when Configuration Server is unavailable: answering defaults then
   * would present a guess as the configuration.
   */
  async applicationOptions(): Promise<CfgOptions> {
    try {
      return await this.confserv.readApplicationOptions(this.config.applicationName);
    } catch (error) {
      if (isConfServUnavailable(error)) throw new ConfServUnavailableException(error.message);
      return {};
    }
  }

  private switchNames(options: ConfServRequestOptions = {}): Promise<Map<number, string>> {
    return this.switches.get('all', async () => {
      const switches = await this.confserv.readObjects(CfgObjectType.Switch, {}, options);
      return new Map(switches.map((entry) => [entry.DBID, entry.name]));
    });
  }
}

/** The same promise, with a Configuration Server unavailability turned into ConfServUnavailableException. */
function unavailableAs503<T>(read: Promise<T>): Promise<T> {
  return read.catch((error: unknown) => {
    throw asConfServUnavailable(error);
  });
}

function placeDn(dn: CfgDN, switchNames: ReadonlyMap<number, string>): PlaceDn {
  return {
    number: dn.number,
    type: dn.type === CfgDNType.Extension ? 'Extension' : dn.type === CfgDNType.ACDPosition ? 'ACDPosition' : 'Other',
    switchName: switchNames.get(dn.switchDBID) ?? '',
  };
}

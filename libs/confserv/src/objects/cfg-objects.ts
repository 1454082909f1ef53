import type {
  CfgActionCodeType,
  CfgAppType,
  CfgDNType,
  CfgFlag,
  CfgObjectState,
  CfgObjectType,
} from '../protocol/cfg-enums';

/**
 * Configuration objects with their public PSDK field names. A DBID of 0 means "none", as in the Configuration
 * Layer; absent collections are empty. Only the fields this project uses are modelled.
 */

/** Two-level options (`options`, `userProperties`): section -> option -> value. */
export type CfgOptions = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface CfgTenant {
  readonly DBID: number;
  readonly name: string;
  readonly state: CfgObjectState;
}

export interface CfgSwitch {
  readonly DBID: number;
  readonly tenantDBID: number;
  readonly name: string;
  readonly state: CfgObjectState;
  readonly userProperties: CfgOptions;
}

export interface CfgDN {
  readonly DBID: number;
  readonly tenantDBID: number;
  readonly switchDBID: number;
  readonly type: CfgDNType;
  readonly number: string;
  /** Alias shown to people. */
  readonly name: string;
  readonly state: CfgObjectState;
  /** A routing point's default route is `TServer/default-dn`, as SIP Server reads it. */
  readonly userProperties: CfgOptions;
}

export interface CfgAgentLogin {
  readonly DBID: number;
  readonly tenantDBID: number;
  readonly switchDBID: number;
  /** The AgentID sent to T-Server in RequestAgentLogin. */
  readonly loginCode: string;
  readonly state: CfgObjectState;
}

export interface CfgPlace {
  readonly DBID: number;
  readonly tenantDBID: number;
  readonly name: string;
  readonly DNDBIDs: readonly number[];
  readonly state: CfgObjectState;
}

export interface CfgSkill {
  readonly DBID: number;
  readonly tenantDBID: number;
  readonly name: string;
  readonly state: CfgObjectState;
}

export interface CfgActionCode {
  readonly DBID: number;
  readonly tenantDBID: number;
  readonly name: string;
  readonly type: CfgActionCodeType;
  /** Sent as `ReasonCode` when an agent goes NotReady with this reason. */
  readonly code: string;
  readonly state: CfgObjectState;
}

export interface CfgAgentLoginInfo {
  readonly agentLoginDBID: number;
  /** Seconds of after-call work after each call; 0 = none. */
  readonly wrapupTime: number;
}

export interface CfgSkillLevel {
  readonly skillDBID: number;
  readonly level: number;
}

export interface CfgAgentInfo {
  /** Default place; 0 = none. */
  readonly placeDBID: number;
  readonly skillLevels: readonly CfgSkillLevel[];
  readonly agentLogins: readonly CfgAgentLoginInfo[];
}

export interface CfgPerson {
  readonly DBID: number;
  readonly tenantDBID: number;
  readonly userName: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly employeeID: string;
  readonly emailAddress: string;
  readonly isAgent: CfgFlag;
  readonly isAdmin: CfgFlag;
  readonly state: CfgObjectState;
  /** Present for agents only. */
  readonly agentInfo?: CfgAgentInfo;
  /** GWS reads roles from `htcc/roles` (e.g. `Agent`, `Supervisor`). */
  readonly userProperties: CfgOptions;
}

export interface CfgApplication {
  readonly DBID: number;
  readonly name: string;
  readonly type: CfgAppType;
  readonly version: string;
  readonly state: CfgObjectState;
  readonly options: CfgOptions;
}

/** The object types this project models, by `CfgObjectType`. */
export interface CfgObjectMap {
  [CfgObjectType.Switch]: CfgSwitch;
  [CfgObjectType.DN]: CfgDN;
  [CfgObjectType.Person]: CfgPerson;
  [CfgObjectType.Place]: CfgPlace;
  [CfgObjectType.Tenant]: CfgTenant;
  [CfgObjectType.Application]: CfgApplication;
  [CfgObjectType.Skill]: CfgSkill;
  [CfgObjectType.ActionCode]: CfgActionCode;
  [CfgObjectType.AgentLogin]: CfgAgentLogin;
}

export type CfgModelledType = keyof CfgObjectMap;
export type CfgObject = CfgObjectMap[CfgModelledType];

/** An update: the DBID and the changed fields only; a field changed to 0 or "" is present with that value. */
export type CfgDelta<T extends CfgObject = CfgObject> = Partial<T> & { readonly DBID: number };

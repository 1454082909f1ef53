/**
 * The contact-center directory both simulators serve: the objects of Configuration Server (persons, places, DNs,
 * agent logins, skills, action codes, applications) with DBIDs resolved, as loaded from one YAML file.
 */
export type DnType = 'Extension' | 'ACDPosition' | 'ACDQueue' | 'RoutingPoint' | 'VirtualQueue';
export type ActionCodeType = 'NotReady' | 'Ready' | 'Login' | 'Logout' | 'BusyOn' | 'BusyOff';
export type AgentStateName = 'Ready' | 'NotReady';

export interface TenantEntry {
  readonly dbid: number;
  readonly name: string;
}

export interface SwitchEntry {
  readonly dbid: number;
  readonly name: string;
  /** State an agent returns to when automatic after-call work ends. */
  readonly afterCallWorkReturnsTo: AgentStateName;
}

export interface DnEntry {
  readonly dbid: number;
  readonly number: string;
  readonly type: DnType;
  readonly switchDbid: number;
  /** Alias shown to people (CfgDN `name`). */
  readonly name?: string;
  /** RoutingPoint only: the DN its default route sends calls to. */
  readonly routeTo?: string;
}

export interface AgentLoginEntry {
  readonly dbid: number;
  readonly code: string;
  readonly switchDbid: number;
  readonly password?: string;
}

export interface PlaceEntry {
  readonly dbid: number;
  readonly name: string;
  readonly dnDbids: readonly number[];
}

export interface SkillEntry {
  readonly dbid: number;
  readonly name: string;
}

export interface ActionCodeEntry {
  readonly dbid: number;
  readonly name: string;
  readonly type: ActionCodeType;
  readonly code: string;
}

export interface PersonAgentLogin {
  readonly agentLoginDbid: number;
  /** Seconds of automatic after-call work following each call (CfgAgentLoginInfo `wrapupTime`); 0 = none. */
  readonly wrapUpTime: number;
}

export interface PersonSkill {
  readonly skillDbid: number;
  readonly level: number;
}

export interface PersonEntry {
  readonly dbid: number;
  readonly userName: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly employeeId: string;
  readonly emailAddress: string;
  /** Plain text as written in the YAML; servers hash it at load and must never log it. */
  readonly password: string;
  readonly enabled: boolean;
  readonly isAgent: boolean;
  readonly isSupervisor: boolean;
  readonly placeDbid?: number;
  readonly agentLogins: readonly PersonAgentLogin[];
  readonly skills: readonly PersonSkill[];
}

/** Application options: section -> option -> value, as CfgApplication `options`. */
export type ApplicationOptions = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface ApplicationEntry {
  readonly dbid: number;
  readonly name: string;
  readonly type: string;
  readonly options: ApplicationOptions;
}

export interface ContactCenterDirectory {
  readonly tenant: TenantEntry;
  readonly switches: readonly SwitchEntry[];
  readonly dns: readonly DnEntry[];
  readonly agentLogins: readonly AgentLoginEntry[];
  readonly places: readonly PlaceEntry[];
  readonly skills: readonly SkillEntry[];
  readonly actionCodes: readonly ActionCodeEntry[];
  readonly persons: readonly PersonEntry[];
  readonly applications: readonly ApplicationEntry[];
}

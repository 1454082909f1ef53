/**
 * Configuration Layer enums with their public numbers (docs/confserv-wire.md lists where each comes from: some are
 * explicit in the public docs, others counted from public enum listings).
 */

/** `CfgObjectType`, counted; 9 = Application confirmed by logs. 39-41 are GVP types, left out. */
export const CfgObjectType = {
  NoObject: 0,
  Switch: 1,
  DN: 2,
  Person: 3,
  Place: 4,
  AgentGroup: 5,
  PlaceGroup: 6,
  Tenant: 7,
  Service: 8,
  Application: 9,
  Host: 10,
  PhysicalSwitch: 11,
  Script: 12,
  Skill: 13,
  ActionCode: 14,
  AgentLogin: 15,
  Transaction: 16,
  DNGroup: 17,
  StatDay: 18,
  StatTable: 19,
  AppPrototype: 20,
  AccessGroup: 21,
  Folder: 22,
  Field: 23,
  Format: 24,
  TableAccess: 25,
  CallingList: 26,
  Campaign: 27,
  Treatment: 28,
  Filter: 29,
  TimeZone: 30,
  VoicePrompt: 31,
  IVRPort: 32,
  IVR: 33,
  AlarmCondition: 34,
  Enumerator: 35,
  EnumeratorValue: 36,
  ObjectiveTable: 37,
  CampaignGroup: 38,
  ScheduledTask: 42,
  Role: 43,
  PersonLastLogin: 44,
} as const;
export type CfgObjectType = (typeof CfgObjectType)[keyof typeof CfgObjectType];

/** `CfgDNType`, counted. */
export const CfgDNType = {
  NoDN: 0,
  Extension: 1,
  ACDPosition: 2,
  ACDQueue: 3,
  RoutingPoint: 4,
  VirtACDQueue: 5,
  VirtRoutingPoint: 6,
  EAPort: 7,
  VoiceMail: 8,
  Cellular: 9,
  CP: 10,
  FAX: 11,
  Data: 12,
  Music: 13,
  Trunk: 14,
  TrunkGroup: 15,
  TieLine: 16,
  TieLineGroup: 17,
  Mixed: 18,
  ExtRoutingPoint: 19,
  DestinationLabel: 20,
  ServiceNumber: 21,
  RoutingQueue: 22,
  CommDN: 23,
  Email: 24,
  VoIP: 25,
  Video: 26,
  Chat: 27,
  CoBrowse: 28,
  VoIPService: 29,
  Workflow: 30,
  AccessResource: 31,
  GVPDID: 32,
} as const;
export type CfgDNType = (typeof CfgDNType)[keyof typeof CfgDNType];

/** `CfgActionCodeType`, explicit in the public docs. */
export const CfgActionCodeType = {
  None: 0,
  InboundCall: 1,
  OutboundCall: 2,
  InternalCall: 3,
  Transfer: 4,
  Conference: 5,
  Login: 6,
  Logout: 7,
  Ready: 8,
  NotReady: 9,
  BusyOn: 10,
  BusyOff: 11,
  ForwardOn: 12,
  ForwardOff: 13,
} as const;
export type CfgActionCodeType = (typeof CfgActionCodeType)[keyof typeof CfgActionCodeType];

/** `CfgAppType`: the values the public material names (0-23 counted, above 100 explicit). */
export const CfgAppType = {
  NoApplication: 0,
  TServer: 1,
  StatServer: 2,
  RouterServer: 15,
  AgentDesktop: 18,
  SCE: 19,
  ConfigurationServer: 21,
  ThirdPartyApp: 22,
  ThirdPartyServer: 23,
  GenericServer: 107,
  GenericClient: 108,
  InteractionServer: 111,
  InteractionWorkspace: 157,
  OrchestrationServer: 161,
} as const;
export type CfgAppType = (typeof CfgAppType)[keyof typeof CfgAppType];

/** `CfgObjectState`. */
export const CfgObjectState = { NoObjectState: 0, Enabled: 1, Disabled: 2, Deleted: 3 } as const;
export type CfgObjectState = (typeof CfgObjectState)[keyof typeof CfgObjectState];

/** `CfgFlag`: booleans of the Configuration Layer. */
export const CfgFlag = { Unknown: 0, False: 1, True: 2 } as const;
export type CfgFlag = (typeof CfgFlag)[keyof typeof CfgFlag];

export function cfgFlag(value: boolean): CfgFlag {
  return value ? CfgFlag.True : CfgFlag.False;
}

/** Reverse lookup of a const enum object: the member name of `value`, or `#value` when it has none. */
export function enumName(enumObject: Readonly<Record<string, number>>, value: number): string {
  for (const [name, member] of Object.entries(enumObject)) if (member === value) return name;
  return `#${value}`;
}

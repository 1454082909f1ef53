/**
 * T-Library enums (T-Library 7.1 header and the PSDK). Each is a const object so that values stay plain numbers on
 * the wire and names are available for logs: `CallType.Inbound === 2`, `enumName(CallType, 2) === 'Inbound'`.
 */
export const CallType = { Unknown: 0, Internal: 1, Inbound: 2, Outbound: 3, Consult: 4 } as const;

export const CallState = {
  Ok: 0,
  Transferred: 1,
  Conferenced: 2,
  GeneralError: 3,
  SystemError: 4,
  RemoteRelease: 5,
  Busy: 6,
  NoAnswer: 7,
  SitDetected: 8,
  AnsweringMachineDetected: 9,
  AllTrunksBusy: 10,
  SitInvalidnum: 11,
  SitVacant: 12,
  SitIntercept: 13,
  SitUnknown: 14,
  SitNocircuit: 15,
  SitReorder: 16,
  FaxDetected: 17,
  QueueFull: 18,
  Cleared: 19,
  Overflowed: 20,
  Abandoned: 21,
  Redirected: 22,
  Forwarded: 23,
  Consult: 24,
  Pickedup: 25,
  Dropped: 26,
  Droppednoanswer: 27,
  Unknown: 28,
  Covered: 29,
  ConverseOn: 30,
  Bridged: 31,
  Deafened: 49,
  Held: 50,
} as const;

export const AgentWorkMode = {
  Unknown: 0,
  ManualIn: 1,
  AutoIn: 2,
  AfterCallWork: 3,
  AuxWork: 4,
  NoCallDisconnect: 5,
  WalkAway: 6,
  ReturnBack: 7,
} as const;

export const DNRole = {
  Unknown: 0,
  Origination: 1,
  Destination: 2,
  ConferenceMember: 3,
  NewParty: 4,
  AddedBy: 5,
  DeletedBy: 6,
  TransferredBy: 7,
  DeletedParty: 8,
  ConferencedBy: 9,
  Observer: 10,
} as const;

export const AddressType = {
  Unknown: 0,
  DN: 1,
  Position: 2,
  Queue: 3,
  RouteDN: 4,
  Trunk: 5,
  VoiceChannel: 6,
  DataChannel: 7,
  Announcement: 8,
  ASAI: 9,
  ACDGroup: 10,
  VSP: 11,
  RouteQueue: 12,
  AgentID: 13,
  Other: 99,
} as const;

export const RegisterMode = { ModeShare: 0, ModePrivate: 1, ModeMonitor: 2 } as const;
export const ControlMode = { RegisterDefault: 0, RegisterForce: 1, RegisterLocal: 2 } as const;
export const MakeCallType = {
  Regular: 0,
  DirectAgent: 1,
  SupervisorAssist: 2,
  Priority: 3,
  DirectPriority: 4,
} as const;
export const AgentType = { Agent: 0, Supervisor: 1 } as const;

export const AddressInfoType = {
  AddressStatus: 0,
  MessageWaitingStatus: 1,
  AssociationStatus: 2,
  CallForwardingStatus: 3,
  AgentStatus: 4,
  NumberOfAgentsInQueue: 5,
  NumberOfAvailableAgentsInQueue: 6,
  NumberOfCallsInQueue: 7,
  AddressType: 8,
  CallsQuery: 9,
  SendAllCallsStatus: 10,
  QueueLoginAudit: 11,
  NumberOfIdleClassifiers: 12,
  NumberOfClassifiersInUse: 13,
  NumberOfIdleTrunks: 14,
  NumberOfTrunksInUse: 15,
  DatabaseValue: 16,
  DNStatus: 17,
  QueueStatus: 18,
} as const;

export const AddressStatus = {
  Idle: 0,
  Origination: 1,
  Dialing: 2,
  Talking: 3,
  Ringing: 4,
  Held: 5,
  Treatment: 6,
  LockedOut: 7,
  Maintenance: 8,
  Available: 9,
  Vacant: 10,
} as const;

export const CallInfoType = { PartiesQuery: 0, StatusQuery: 1 } as const;
export const ForwardMode = {
  None: 0,
  Unconditional: 1,
  OnBusy: 2,
  OnNoAnswer: 3,
  OnBusyAndNoAnswer: 4,
  SendAllCalls: 5,
} as const;
export const MergeType = { ForTransfer: 0, ForConference: 1 } as const;
export const ServerRole = { Primary: 0, Backup: 1 } as const;
export const RouteType = {
  Unknown: 0,
  Default: 1,
  Label: 2,
  OverwriteDNIS: 3,
  DDD: 4,
  IDDD: 5,
  Direct: 6,
  Reject: 7,
  AgentID: 13,
  CallDisconnect: 14,
} as const;
export const MediaType = { Voice: 0, VoIP: 1, EMail: 2, Chat: 5, Video: 6, WorkItem: 11 } as const;
export const Cause = {
  Empty: 0,
  ACD: 1,
  Busy: 2,
  NoAnswer: 3,
  Reject: 4,
  Route: 5,
  Coverage: 6,
  ConverseOn: 7,
  Forward: 8,
  Redirect: 9,
  Transfer: 10,
  OneStepTransfer: 11,
  Conference: 12,
  AMdetected: 13,
  FaxDetected: 14,
  SITdetected: 15,
} as const;

/** The numeric union of an enum object: `EnumValue<typeof CallType>` is `0 | 1 | 2 | 3 | 4`. */
export type EnumValue<E extends Readonly<Record<string, number>>> = E[keyof E];

/** The name of a value in an enum object, or `#<value>` for a value the table does not list. */
export function enumName(table: Readonly<Record<string, number>>, value: number): string {
  for (const key of Object.keys(table)) if (table[key] === value) return key;
  return `#${value}`;
}

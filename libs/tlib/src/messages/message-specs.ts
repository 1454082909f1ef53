import type { TMessageName } from '../protocol/message-ids';
import type { TAttributeName } from '../protocol/tlib-protocol';

export interface TMessageSpec {
  /** Attributes without which the message is refused (builders throw, servers answer EventError 53). */
  readonly mandatory: readonly TAttributeName[];
  /** For requests: the event that answers it directly, carrying the request's ReferenceID. */
  readonly reply?: TMessageName;
}

const DN = ['ThisDN'] as const;
const CALL = ['ThisDN', 'ConnID'] as const;
const CALL_TO = ['ThisDN', 'ConnID', 'OtherDN'] as const;

/**
 * The messages a GWS server and a SIP Server simulator exchange, with their mandatory attributes and direct
 * replies (GenEM request/event tables; attribute choices for two-call requests are ours: ConnID is the call
 * acted on, TransferConnID / ConferenceConnID the other one; see docs/tlib-wire.md).
 */
export const TLIB_MESSAGE_SPECS = {
  // session and registration
  RequestRegisterClient: { mandatory: ['ApplicationName', 'ProtocolVersion'], reply: 'EventServerInfo' },
  RequestQueryServer: { mandatory: [], reply: 'EventServerInfo' },
  RequestRegisterAddress: {
    mandatory: ['ThisDN', 'RegisterMode', 'ControlMode', 'AddressType'],
    reply: 'EventRegistered',
  },
  RequestUnregisterAddress: { mandatory: DN, reply: 'EventUnregistered' },
  RequestRegisterAll: { mandatory: ['AddressType'], reply: 'EventRegisteredAll' },
  RequestUnregisterAll: { mandatory: [], reply: 'EventUnregisteredAll' },
  RequestSetInputMask: { mandatory: ['InputMask'], reply: 'EventACK' },
  RequestQueryAddress: { mandatory: ['ThisDN', 'AddressInfoType'], reply: 'EventAddressInfo' },
  RequestQuerySwitch: { mandatory: ['SwitchInfoType'], reply: 'EventSwitchInfo' },
  RequestQueryCall: { mandatory: ['ThisDN', 'ConnID', 'CallInfoType'], reply: 'EventPartyInfo' },
  // agent and DN
  RequestAgentLogin: { mandatory: ['ThisDN', 'AgentID'], reply: 'EventAgentLogin' },
  RequestAgentLogout: { mandatory: DN, reply: 'EventAgentLogout' },
  RequestAgentReady: { mandatory: DN, reply: 'EventAgentReady' },
  RequestAgentNotReady: { mandatory: DN, reply: 'EventAgentNotReady' },
  RequestAgentSetIdleReason: { mandatory: DN, reply: 'EventAgentIdleReasonSet' },
  RequestSetDNDOn: { mandatory: DN, reply: 'EventDNDOn' },
  RequestSetDNDOff: { mandatory: DN, reply: 'EventDNDOff' },
  RequestCallForwardSet: { mandatory: ['ThisDN', 'OtherDN', 'ForwardMode'], reply: 'EventForwardSet' },
  RequestCallForwardCancel: { mandatory: DN, reply: 'EventForwardCancel' },
  RequestSetMessageWaitingOn: { mandatory: DN, reply: 'EventMessageWaitingOn' },
  RequestSetMessageWaitingOff: { mandatory: DN, reply: 'EventMessageWaitingOff' },
  // call control
  RequestMakeCall: { mandatory: ['ThisDN', 'OtherDN'], reply: 'EventDialing' },
  RequestAnswerCall: { mandatory: CALL, reply: 'EventEstablished' },
  RequestReleaseCall: { mandatory: CALL, reply: 'EventReleased' },
  RequestHoldCall: { mandatory: CALL, reply: 'EventHeld' },
  RequestRetrieveCall: { mandatory: CALL, reply: 'EventRetrieved' },
  RequestInitiateTransfer: { mandatory: CALL_TO, reply: 'EventHeld' },
  RequestCompleteTransfer: { mandatory: ['ThisDN', 'ConnID', 'TransferConnID'], reply: 'EventReleased' },
  RequestMuteTransfer: { mandatory: CALL_TO, reply: 'EventReleased' },
  RequestSingleStepTransfer: { mandatory: CALL_TO, reply: 'EventReleased' },
  RequestInitiateConference: { mandatory: CALL_TO, reply: 'EventHeld' },
  RequestCompleteConference: { mandatory: ['ThisDN', 'ConnID', 'ConferenceConnID'], reply: 'EventReleased' },
  RequestSingleStepConference: { mandatory: CALL_TO, reply: 'EventPartyAdded' },
  RequestDeleteFromConference: { mandatory: CALL_TO, reply: 'EventPartyDeleted' },
  RequestMergeCalls: { mandatory: ['ThisDN', 'ConnID', 'TransferConnID', 'MergeType'], reply: 'EventReleased' },
  RequestAlternateCall: { mandatory: ['ThisDN', 'ConnID', 'TransferConnID'], reply: 'EventHeld' },
  RequestReconnectCall: { mandatory: ['ThisDN', 'ConnID', 'TransferConnID'], reply: 'EventReleased' },
  RequestRedirectCall: { mandatory: CALL_TO, reply: 'EventReleased' },
  RequestClearCall: { mandatory: CALL, reply: 'EventReleased' },
  RequestRouteCall: { mandatory: ['ThisDN', 'ConnID', 'OtherDN', 'RouteType'], reply: 'EventRouteUsed' },
  RequestSendDTMF: { mandatory: ['ThisDN', 'ConnID', 'DTMFDigits'], reply: 'EventDTMFSent' },
  RequestSetMuteOn: { mandatory: CALL, reply: 'EventMuteOn' },
  RequestSetMuteOff: { mandatory: CALL, reply: 'EventMuteOff' },
  RequestSetCallInfo: { mandatory: CALL, reply: 'EventCallInfoChanged' },
  RequestPrivateService: { mandatory: ['ThisDN', 'PrivateMsgID'], reply: 'EventPrivateInfo' },
  // user data
  RequestAttachUserData: { mandatory: ['ThisDN', 'ConnID', 'UserData'], reply: 'EventAttachedDataChanged' },
  RequestUpdateUserData: { mandatory: ['ThisDN', 'ConnID', 'UserData'], reply: 'EventAttachedDataChanged' },
  RequestDeleteUserData: { mandatory: CALL, reply: 'EventAttachedDataChanged' },
  RequestDeletePair: { mandatory: ['ThisDN', 'ConnID', 'DataKey'], reply: 'EventAttachedDataChanged' },
  RequestDistributeUserEvent: { mandatory: ['ThisDN', 'UserData'], reply: 'EventACK' },
  // events
  EventError: { mandatory: ['ErrorCode'] },
  EventACK: { mandatory: [] },
  EventServerInfo: { mandatory: ['ServerRole'] },
  EventLinkConnected: { mandatory: [] },
  EventLinkDisconnected: { mandatory: [] },
  EventRegistered: { mandatory: DN },
  EventUnregistered: { mandatory: DN },
  EventRegisteredAll: { mandatory: [] },
  EventUnregisteredAll: { mandatory: [] },
  EventAddressInfo: { mandatory: ['ThisDN', 'AddressInfoType'] },
  EventSwitchInfo: { mandatory: ['SwitchInfoType'] },
  EventPartyInfo: { mandatory: ['ConnID'] },
  EventAgentLogin: { mandatory: DN },
  EventAgentLogout: { mandatory: DN },
  EventAgentReady: { mandatory: DN },
  EventAgentNotReady: { mandatory: DN },
  EventAgentAfterCallWork: { mandatory: DN },
  EventAgentIdleReasonSet: { mandatory: DN },
  EventDNDOn: { mandatory: DN },
  EventDNDOff: { mandatory: DN },
  EventForwardSet: { mandatory: DN },
  EventForwardCancel: { mandatory: DN },
  EventMessageWaitingOn: { mandatory: DN },
  EventMessageWaitingOff: { mandatory: DN },
  EventDNOutOfService: { mandatory: DN },
  EventDNBackInService: { mandatory: DN },
  EventOffHook: { mandatory: DN },
  EventOnHook: { mandatory: DN },
  EventQueued: { mandatory: CALL },
  EventDiverted: { mandatory: CALL },
  EventAbandoned: { mandatory: CALL },
  EventRouteRequest: { mandatory: CALL },
  EventRouteUsed: { mandatory: CALL },
  EventRinging: { mandatory: ['ThisDN', 'ConnID', 'CallType'] },
  EventDialing: { mandatory: ['ThisDN', 'ConnID', 'CallType'] },
  EventNetworkReached: { mandatory: CALL },
  EventDestinationBusy: { mandatory: CALL },
  EventEstablished: { mandatory: CALL },
  EventReleased: { mandatory: CALL },
  EventHeld: { mandatory: CALL },
  EventRetrieved: { mandatory: CALL },
  EventPartyChanged: { mandatory: ['ThisDN', 'ConnID', 'PreviousConnID'] },
  EventPartyAdded: { mandatory: CALL },
  EventPartyDeleted: { mandatory: CALL },
  EventAttachedDataChanged: { mandatory: ['ThisDN', 'ConnID', 'UserData'] },
  EventCallInfoChanged: { mandatory: ['ConnID'] },
  EventDTMFSent: { mandatory: ['ThisDN', 'ConnID', 'DTMFDigits'] },
  EventMuteOn: { mandatory: CALL },
  EventMuteOff: { mandatory: CALL },
  EventUserEvent: { mandatory: ['ThisDN', 'UserData'] },
  EventPrivateInfo: { mandatory: ['PrivateMsgID'] },
} as const satisfies Partial<Record<TMessageName, TMessageSpec>>;

export type SpecifiedMessageName = keyof typeof TLIB_MESSAGE_SPECS;

export function messageSpec(name: TMessageName): TMessageSpec | undefined {
  return (TLIB_MESSAGE_SPECS as Partial<Record<TMessageName, TMessageSpec>>)[name];
}

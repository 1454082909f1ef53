import type { CallNotificationType, GwsCall, GwsDevice } from '../../notifications';
import { flatToKvList, type KvPair } from '../common/kv-list';
import { v3CallCapabilities } from './v3-call-operations';
import { v3DnCapabilities } from './v3-voice-operations';

/** A DN as `DnStateChanged.dn` and `current-session` show it (model `Dn`). */
export interface V3Dn {
  readonly number: string;
  readonly switchName?: string;
  readonly agentId?: string;
  readonly agentState: 'LoggedOut' | 'Ready' | 'NotReady';
  readonly agentWorkMode: 'AuxWork' | 'AfterCallWork' | 'ManualIn' | 'Unknown';
  /** v3 operation names, kebab-case. */
  readonly capabilities: string[];
  /** Ready for a call: in service and Ready. */
  readonly available: boolean;
  readonly dnd: boolean;
  readonly forwardTo?: string;
  /** The not-ready reason, `[{key: 'ReasonCode', type: 'str', value: <code>}]`. */
  readonly reasons: KvPair[];
  readonly timestamp: number;
}

/** A call as `CallStateChanged.call` and `GET /workspace/v3/voice/calls` show it (model `Call`). */
export interface V3Call {
  readonly type: 'Call';
  /** Our call id (stable for the call's life, as in v2); paths take it, or the ConnID. */
  readonly id: string;
  readonly connId: string;
  readonly callUuid: string;
  /** Consultations: the ConnID of the call they are about. */
  readonly parentConnId?: string;
  /** The agent's DN the call is on. */
  readonly phoneNumber: string;
  readonly callType: GwsCall['callType'];
  readonly state: GwsCall['state'];
  /** v3 operation names, kebab-case. */
  readonly capabilities: string[];
  readonly participants: { readonly number: string }[];
  readonly ani?: string;
  readonly dnis?: string;
  readonly userData: KvPair[];
  readonly extensions: KvPair[];
  /** Seconds since the call started. */
  readonly duration: number;
}

/** What the v2 view of a device does not carry: from the voice session that holds it. */
export interface DnFacts {
  readonly switchName?: string;
  readonly agentId?: string;
  /** The code of a not-ready reason given by name (v2 shows the name). */
  readonly reasonCode: (name: string) => string | undefined;
}

/** The v3 DN of a v2 device view: the same snapshot in v3's shape. */
export function v3Dn(device: GwsDevice, facts: DnFacts, now: number = Date.now()): V3Dn {
  const { state, workMode, reason } = device.userState;
  const agentState = state === 'Ready' || state === 'NotReady' ? state : 'LoggedOut';
  const code = reason === undefined ? undefined : facts.reasonCode(reason);
  return {
    number: device.phoneNumber,
    ...(facts.switchName === undefined ? {} : { switchName: facts.switchName }),
    ...(facts.agentId === undefined ? {} : { agentId: facts.agentId }),
    agentState,
    agentWorkMode:
      agentState === 'Ready'
        ? 'ManualIn'
        : workMode === 'AuxWork' || workMode === 'AfterCallWork'
          ? workMode
          : 'Unknown',
    capabilities: v3DnCapabilities(device),
    available: device.deviceState === 'Active' && agentState === 'Ready',
    dnd: device.doNotDisturb === 'On',
    ...(device.forwardTo === undefined ? {} : { forwardTo: device.forwardTo }),
    reasons: code === undefined ? [] : [{ key: 'ReasonCode', type: 'str', value: code }],
    timestamp: now,
  };
}

/** The v3 call of a v2 call view on the agent's `dn`; `parentConnId` is the ConnID of the call it consults about. */
export function v3Call(
  call: GwsCall,
  dn: string,
  parentConnId: string | undefined,
  extensions?: Readonly<Record<string, string | number>>,
): V3Call {
  return {
    type: 'Call',
    id: call.id,
    connId: call.connId,
    callUuid: call.callUuid,
    ...(parentConnId === undefined ? {} : { parentConnId }),
    phoneNumber: dn,
    callType: call.callType,
    state: call.state,
    capabilities: v3CallCapabilities(call),
    participants: call.participants.map((participant) => ({ number: participant.phoneNumber })),
    ...(call.ani === undefined ? {} : { ani: call.ani }),
    ...(call.dnis === undefined ? {} : { dnis: call.dnis }),
    userData: flatToKvList(call.userData),
    extensions: flatToKvList(extensions),
    duration: Number(call.duration),
  };
}

/** v2's notification types, as v3 names them (a state change is `StateChange` there). */
export function v3NotificationType(type: CallNotificationType): string {
  return type === 'StatusChange' ? 'StateChange' : type;
}

import type { ClassConstructor } from 'class-transformer';
import { GwsException } from '../../common/gws.exception';
import { GwsStatus } from '../../common/gws-status';
import type { GwsCall } from '../../notifications';
import type { CallOperation } from '../../voice/calls/call-operation';
import { CALL_OPERATIONS, type LegParams } from '../../voice/calls/call-operations';
import type { AgentCall } from '../../voice/calls/model/agent-call';
import { kvListToFlat } from '../common/kv-list';
import {
  DestinationDataDto,
  DnToDropDataDto,
  DtmfDataDto,
  HeldCallDataDto,
  KeyDataDto,
  OtherCallDataDto,
  ParentCallDataDto,
  UserDataDataDto,
  VoiceDataDto,
} from './dto/call-data.dto';

/** The caller's calls, as a v3 body names them: by our id or by ConnID (what Genesys' server uses as the id). */
export interface CallLookup {
  /** Our id of the caller's call `idOrConnId`; statusCode 6 when there is none. */
  idOf(idOrConnId: string): string;
  get(id: string): AgentCall | undefined;
}

/**
 * One v3 call operation (`POST /workspace/v3/voice/calls/{id}/<name>`): the v2 command it runs (CALL_OPERATIONS,
 * docs/operations.md), the DTO of the body's `data`, and the command's parameters from it. Methods, so that the
 * table holds operations of every parameter type.
 */
export interface V3CallOperation<D extends object = object, P = unknown> {
  readonly command: CallOperation<P>;
  readonly dto: ClassConstructor<D>;
  params(data: D, calls: CallLookup): P;
  /** The call the command runs on when it is not the path's (reconnect retrieves the held call). */
  target?(data: D, callId: string, calls: CallLookup): string;
  /** Whether a call lists the operation; by default, when its v2 capabilities list the command. */
  listed?(call: GwsCall): boolean;
}

function v3Call<D extends object, P>(operation: V3CallOperation<D, P>): V3CallOperation {
  return operation;
}

const none = (): Record<string, never> => ({});

function leg(data: DestinationDataDto): LegParams {
  return {
    destination: data.destination,
    location: data.location,
    userData: data.userData === undefined ? undefined : kvListToFlat(data.userData, 'data.userData'),
  };
}

/**
 * Every v3 call operation the library wraps and open-gws serves, in the order a call lists them. Each runs a v2
 * command unchanged, so the two surfaces cannot drift; only the names and bodies are v3's. Not served (no v2
 * command): clear, complete, the recording and monitoring operations (docs/workspace-api-v3.md).
 */
export const V3_CALL_OPERATIONS: Readonly<Record<string, V3CallOperation>> = {
  answer: v3Call({ command: CALL_OPERATIONS.Answer, dto: VoiceDataDto, params: none }),
  hold: v3Call({ command: CALL_OPERATIONS.Hold, dto: VoiceDataDto, params: none }),
  retrieve: v3Call({ command: CALL_OPERATIONS.Retrieve, dto: VoiceDataDto, params: none }),
  release: v3Call({ command: CALL_OPERATIONS.Hangup, dto: VoiceDataDto, params: none }),
  redirect: v3Call({
    command: CALL_OPERATIONS.Redirect,
    dto: DestinationDataDto,
    params: (data) => ({ destination: data.destination }),
  }),
  'send-dtmf': v3Call({
    command: CALL_OPERATIONS.SendDtmf,
    dto: DtmfDataDto,
    params: (data) => ({ digits: data.dtmfDigits }),
  }),
  'initiate-transfer': v3Call({ command: CALL_OPERATIONS.InitiateTransfer, dto: DestinationDataDto, params: leg }),
  'initiate-conference': v3Call({ command: CALL_OPERATIONS.InitiateConference, dto: DestinationDataDto, params: leg }),
  'single-step-transfer': v3Call({ command: CALL_OPERATIONS.SingleStepTransfer, dto: DestinationDataDto, params: leg }),
  'single-step-conference': v3Call({
    command: CALL_OPERATIONS.SingleStepConference,
    dto: DestinationDataDto,
    params: leg,
  }),
  alternate: v3Call({
    command: CALL_OPERATIONS.SwapCalls,
    dto: HeldCallDataDto,
    params: (data, calls) => ({ otherCallId: calls.idOf(data.heldConnId) }),
  }),
  'complete-transfer': v3Call({
    command: CALL_OPERATIONS.CompleteTransfer,
    dto: ParentCallDataDto,
    params: (data, calls) => ({ otherCallId: calls.idOf(data.parentConnId) }),
  }),
  'complete-conference': v3Call({
    command: CALL_OPERATIONS.CompleteConference,
    dto: ParentCallDataDto,
    params: (data, calls) => ({ otherCallId: calls.idOf(data.parentConnId) }),
  }),
  // Two calls become one conference: what CompleteConference does with the pair.
  merge: v3Call({
    command: CALL_OPERATIONS.CompleteConference,
    dto: OtherCallDataDto,
    params: (data, calls) => ({ otherCallId: calls.idOf(data.otherConnId) }),
  }),
  // Release this consultation and retrieve the call it consults about: v2's Retrieve on the held call does exactly
  // that (RequestReconnectCall) while the consultation is up.
  reconnect: v3Call({
    command: CALL_OPERATIONS.Retrieve,
    dto: HeldCallDataDto,
    params: none,
    target: (data, callId, calls) => {
      const heldId = calls.idOf(data.heldConnId);
      if (calls.get(heldId)?.consult?.id !== callId) {
        throw new GwsException(
          GwsStatus.InvalidForState,
          `Call ${callId} is not a consultation of call ${heldId}: reconnect returns from a consultation to its call`,
        );
      }
      return heldId;
    },
    listed: (call) =>
      call.state === 'Established' && call.parentCallUri !== undefined && call.capabilities.includes('SwapCalls'),
  }),
  'delete-from-conference': v3Call({
    command: CALL_OPERATIONS.RemoveParticipantFromConference,
    dto: DnToDropDataDto,
    params: (data) => ({ participant: data.dnToDrop }),
  }),
  'attach-user-data': v3Call({
    command: CALL_OPERATIONS.AttachUserData,
    dto: UserDataDataDto,
    params: (data) => ({ userData: kvListToFlat(data.userData, 'data.userData') }),
  }),
  'update-user-data': v3Call({
    command: CALL_OPERATIONS.UpdateUserData,
    dto: UserDataDataDto,
    params: (data) => ({ userData: kvListToFlat(data.userData, 'data.userData') }),
  }),
  'delete-user-data-pair': v3Call({
    command: CALL_OPERATIONS.DeleteUserDataPair,
    dto: KeyDataDto,
    params: (data) => ({ key: data.key }),
  }),
};

/** The v3 operations a call offers now, from its v2 view (whose capabilities are the v2 commands it allows). */
export function v3CallCapabilities(call: GwsCall): string[] {
  return Object.entries(V3_CALL_OPERATIONS)
    .filter(([, operation]) => operation.listed?.(call) ?? call.capabilities.includes(operation.command.name))
    .map(([name]) => name);
}

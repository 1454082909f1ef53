import { KVList, MakeCallType, tmessage, type TAttributes, type TMessage } from '@gws/tlib';
import { GwsException } from '../../common/gws.exception';
import { GwsStatus } from '../../common/gws-status';
import type { DestinationOperation } from './dto/call-operations.dto';
import { userDataPairs } from './dto/user-data.validator';
import type { AgentCall, CallChange } from './model/agent-call';
import type { CallTable } from './model/call-table';

/** The parameters any call operation may carry (each operation's DTO has checked its own). */
export interface CallOperationParams {
  readonly destination?: { readonly phoneNumber: string };
  readonly location?: string;
  readonly userData?: Record<string, string | number>;
  readonly consultCallUri?: string;
  readonly otherCallUri?: string;
  readonly participant?: string;
  readonly digits?: string;
  readonly key?: string;
}

/** A T-Server request for a GWS call operation, and what to undo in the call table if it fails. */
export interface CallRequest {
  readonly request: TMessage;
  /** Undoes what was prepared for the reply; returns the changes to announce. */
  readonly onFailure?: () => CallChange[];
}

/** RequestMakeCall for Dial. */
export function makeCallRequest(dn: string, params: DestinationOperation): TMessage {
  return tmessage('RequestMakeCall', {
    ThisDN: dn,
    OtherDN: params.destination.phoneNumber,
    MakeCallType: MakeCallType.Regular,
    ...legAttributes(params),
  });
}

/**
 * The T-Server request for `name` on `call` (docs/api.md, Calls). Preparing a consultation or a transfer completion
 * tells the call table what to expect, and the returned `onFailure` takes it back.
 */
export function buildCallRequest(
  calls: CallTable,
  call: AgentCall,
  name: string,
  params: CallOperationParams,
): CallRequest {
  const { dn, connId } = call;
  const base = { ThisDN: dn, ConnID: connId };
  switch (name) {
    case 'Answer':
      return { request: tmessage('RequestAnswerCall', base) };
    case 'Hold':
      return { request: tmessage('RequestHoldCall', base) };
    case 'Hangup': {
      // Hanging up a consultation returns to the call it consulted about: ReconnectCall, as GWS clients expect.
      const parent = call.parentId === undefined ? undefined : calls.get(call.parentId);
      if (parent?.state === 'Held') {
        return { request: tmessage('RequestReconnectCall', { ...base, TransferConnID: parent.connId }) };
      }
      return { request: tmessage('RequestReleaseCall', base) };
    }
    case 'Retrieve': {
      const consult = call.consult?.id === undefined ? undefined : calls.get(call.consult.id);
      if (consult !== undefined) {
        return {
          request: tmessage('RequestReconnectCall', { ThisDN: dn, ConnID: consult.connId, TransferConnID: connId }),
        };
      }
      return { request: tmessage('RequestRetrieveCall', base) };
    }
    case 'InitiateTransfer':
    case 'InitiateConference': {
      calls.expectConsult(dn, call.id, name === 'InitiateTransfer' ? 'transfer' : 'conference');
      const requestName = name === 'InitiateTransfer' ? 'RequestInitiateTransfer' : 'RequestInitiateConference';
      return {
        request: tmessage(requestName, { ...base, OtherDN: destinationOf(params), ...legAttributes(params) }),
        onFailure: () => {
          calls.consultFailed(dn);
          return [];
        },
      };
    }
    case 'CompleteTransfer': {
      const { parent, consult } = pairOf(calls, call, params.consultCallUri);
      calls.expectTransferCompletion(parent.id);
      return {
        request: tmessage('RequestCompleteTransfer', {
          ThisDN: dn,
          ConnID: parent.connId,
          TransferConnID: consult.connId,
        }),
        onFailure: () => calls.completionFailed(parent.id),
      };
    }
    case 'CompleteConference': {
      const { parent, consult } = pairOf(calls, call, params.consultCallUri);
      return {
        request: tmessage('RequestCompleteConference', {
          ThisDN: dn,
          ConnID: parent.connId,
          ConferenceConnID: consult.connId,
        }),
      };
    }
    case 'SwapCalls': {
      const { held, active } = pairOf(calls, call, params.otherCallUri);
      return {
        request: tmessage('RequestAlternateCall', { ThisDN: dn, ConnID: active.connId, TransferConnID: held.connId }),
      };
    }
    case 'SingleStepTransfer':
      return {
        request: tmessage('RequestSingleStepTransfer', {
          ...base,
          OtherDN: destinationOf(params),
          ...legAttributes(params),
        }),
      };
    case 'SingleStepConference':
      return {
        request: tmessage('RequestSingleStepConference', {
          ...base,
          OtherDN: destinationOf(params),
          ...legAttributes(params),
        }),
      };
    case 'Redirect':
      return { request: tmessage('RequestRedirectCall', { ...base, OtherDN: destinationOf(params) }) };
    case 'RemoveParticipantFromConference': {
      const participant = params.participant ?? '';
      if (!call.parties.includes(participant)) {
        throw new GwsException(
          GwsStatus.ValidationError,
          `${participant} is not a participant of call ${call.id}; participants: ${call.parties.join(', ')}`,
        );
      }
      return { request: tmessage('RequestDeleteFromConference', { ...base, OtherDN: participant }) };
    }
    case 'SendDtmf':
      return { request: tmessage('RequestSendDTMF', { ...base, DTMFDigits: params.digits ?? '' }) };
    case 'AttachUserData':
    case 'UpdateUserData':
      return {
        request: tmessage(name === 'AttachUserData' ? 'RequestAttachUserData' : 'RequestUpdateUserData', {
          ...base,
          UserData: KVList.from(userDataPairs(params.userData ?? {})),
        }),
      };
    case 'DeleteUserDataPair':
      return { request: tmessage('RequestDeletePair', { ...base, DataKey: params.key ?? '' }) };
    case 'DeleteUserData':
      return { request: tmessage('RequestDeleteUserData', base) };
    default:
      throw new GwsException(GwsStatus.ValidationError, `Unknown call operation ${name}`);
  }
}

/**
 * The two calls of a consultation or swap: named by URI, else the call's own consultation link, else the DN's
 * one other live call.
 */
function pairOf(
  calls: CallTable,
  call: AgentCall,
  otherUri: string | undefined,
): { parent: AgentCall; consult: AgentCall; held: AgentCall; active: AgentCall } {
  let other: AgentCall | undefined;
  if (otherUri !== undefined) {
    const id = otherUri.replace(/\/+$/, '').split('/').pop() ?? '';
    other = calls.get(id);
    if (other === undefined || other.dn !== call.dn) throw new GwsException(GwsStatus.NotFound, `Call ${id} not found`);
  } else if (call.consult?.id !== undefined) {
    other = calls.get(call.consult.id);
  } else if (call.parentId !== undefined) {
    other = calls.get(call.parentId);
  } else {
    other = calls.onDn(call.dn).find((candidate) => candidate.id !== call.id && candidate.state !== 'Released');
  }
  if (other === undefined || other.id === call.id) {
    throw new GwsException(GwsStatus.InvalidForState, `Call ${call.id} has no other call to pair with`);
  }
  const parent =
    call.consult !== undefined ? call : other.consult !== undefined ? other : call.state === 'Held' ? call : other;
  const consult = parent === call ? other : call;
  const held = call.state === 'Held' ? call : other;
  return { parent, consult, held, active: held === call ? other : call };
}
function destinationOf(params: CallOperationParams): string {
  return params.destination?.phoneNumber ?? '';
}

/** Location and UserData a new call or leg carries. */
function legAttributes(params: CallOperationParams): TAttributes {
  return {
    ...(params.location === undefined ? {} : { Location: params.location }),
    ...(params.userData === undefined ? {} : { UserData: KVList.from(userDataPairs(params.userData)) }),
  };
}

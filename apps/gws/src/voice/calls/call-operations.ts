import { flatUserDataToKV, type FlatUserData } from '@gws/tlib';
import type { LegOptions } from '@gws/tserver-client';
import { commandTable, noParams } from '../../common/operations/command';
import { GwsException } from '../../common/gws.exception';
import { GwsStatus } from '../../common/gws-status';
import { deviceOperation } from '../device-operation';
import { callOperation, sendOnly, type CallPlan, type CallSituation, type CallTarget } from './call-operation';
import * as dto from './dto/call-operations.dto';
import type { AgentCall, ConsultKind } from './model/agent-call';
import { pairOf } from './model/call-pair';

/** A new call or call leg: where to, and what it carries. */
export interface LegParams {
  readonly destination: string;
  readonly location?: string;
  readonly userData?: FlatUserData;
}

/** The other call of a pair, by id; found from the calls themselves when left out. */
export interface PairParams {
  readonly otherCallId?: string;
}

/** `destination`, `location` and `userData` of a v2 body (Dial, the transfers and conferences). */
function legParams(body: dto.DestinationOperation): LegParams {
  return { destination: body.destination.phoneNumber, location: body.location, userData: body.userData };
}

/** The id at the end of a v2 call URI (`.../me/calls/{id}`). */
function callIdOf(uri: string | undefined): string | undefined {
  return uri === undefined ? undefined : (uri.replace(/\/+$/, '').split('/').pop() ?? '');
}

function legOptions({ location, userData }: LegParams): LegOptions {
  return { location, userData: userData === undefined ? undefined : flatUserDataToKV(userData) };
}

/** Tells the call table a consultation of `kind` is coming from the call, and forgets it if `send` is refused. */
function consultation({ calls, call }: CallTarget, kind: ConsultKind, send: CallPlan['send']): CallPlan {
  calls.expectConsult(call.dn, call.id, kind);
  return {
    send,
    undo: () => {
      calls.consultFailed(call.dn);
      return [];
    },
  };
}

/** The request helpers that dial a new leg from a call (same arguments: the call, then the leg). */
type LegRequest = 'singleStepTransfer' | 'singleStepConference' | 'initiateTransfer' | 'initiateConference';

/** Sends `request` for a new leg to `leg.destination` from `call`. */
function sendLeg(request: LegRequest, call: AgentCall, leg: LegParams): CallPlan['send'] {
  return (tserver) => tserver.calls[request](call.dn, call.connId, leg.destination, legOptions(leg));
}

/** Offered in any of these call states. */
const inStates =
  (...states: CallSituation['state'][]) =>
  (s: CallSituation): boolean =>
    states.includes(s.state);
/** Offered on every live call. */
const live = inStates('Dialing', 'Ringing', 'Established', 'Held');
/** A new consultation: not while one is pending, and an established call not while another call is held. */
const canStartConsultation = (s: CallSituation): boolean =>
  s.consult === undefined && ((s.state === 'Established' && !s.otherHeld) || s.state === 'Held');
/** A single-step transfer or conference: from a call that is up, or a held one without a consultation. */
const canSingleStep = (s: CallSituation): boolean =>
  s.state === 'Established' || (s.state === 'Held' && s.consult === undefined);
/** Completing a consultation of `kind`: from the active call while another is held, or from the held call itself. */
const canComplete =
  (kind: ConsultKind) =>
  (s: CallSituation): boolean =>
    (s.state === 'Established' && s.otherHeld) || (s.state === 'Held' && s.consult?.kind === kind);

/** The other call of CompleteTransfer and CompleteConference, by `consultCallUri`. */
function consultPairParams(body: { readonly consultCallUri?: string }): PairParams {
  return { otherCallId: callIdOf(body.consultCallUri) };
}

/**
 * `POST /api/v2/me/calls/{id}`: every call operation, one definition each (docs/api.md, Calls; docs/operations.md).
 * The key is the operationName and the capability name; `offered` says in which situations a call lists it (GWS
 * reference, capabilities by state), and a call lists its capabilities in this table's order. Two-call requests put
 * the held call first, as the client's helpers do (docs/tlib-wire.md, section 11).
 */
export const CALL_OPERATIONS = commandTable({
  Answer: callOperation({
    offered: inStates('Ringing'),
    dto: dto.AnswerDto,
    params: noParams,
    plan: (_, { call }) => sendOnly((tserver) => tserver.calls.answer(call.dn, call.connId)),
  }),
  Retrieve: callOperation({
    offered: inStates('Held'),
    dto: dto.RetrieveDto,
    params: noParams,
    plan: (_, { calls, call }) => {
      // Retrieving the original while a consultation is up cancels the consultation.
      const consult = call.consult?.id === undefined ? undefined : calls.get(call.consult.id);
      if (consult !== undefined) {
        return sendOnly((tserver) => tserver.calls.reconnectCall(call.dn, call.connId, consult.connId));
      }
      return sendOnly((tserver) => tserver.calls.retrieve(call.dn, call.connId));
    },
  }),
  Hold: callOperation({
    offered: inStates('Established'),
    dto: dto.HoldDto,
    params: noParams,
    plan: (_, { call }) => sendOnly((tserver) => tserver.calls.hold(call.dn, call.connId)),
  }),
  Hangup: callOperation({
    offered: live,
    dto: dto.HangupDto,
    params: noParams,
    plan: (_, { calls, call }) => {
      // Hanging up a consultation returns to the call it consulted about: ReconnectCall, as GWS clients expect.
      const parent = call.parentId === undefined ? undefined : calls.get(call.parentId);
      if (parent?.state === 'Held') {
        return sendOnly((tserver) => tserver.calls.reconnectCall(call.dn, parent.connId, call.connId));
      }
      return sendOnly((tserver) => tserver.calls.release(call.dn, call.connId));
    },
  }),
  Redirect: callOperation({
    offered: inStates('Ringing'),
    dto: dto.RedirectDto,
    params: (body) => ({ destination: body.destination.phoneNumber }),
    plan: ({ destination }, { call }) =>
      sendOnly((tserver) => tserver.calls.redirectCall(call.dn, call.connId, destination)),
  }),
  SendDtmf: callOperation({
    offered: inStates('Dialing', 'Established'),
    dto: dto.SendDtmfDto,
    params: (body) => ({ digits: body.digits }),
    plan: ({ digits }, { call }) => sendOnly((tserver) => tserver.calls.sendDtmf(call.dn, call.connId, digits)),
  }),
  SingleStepTransfer: callOperation({
    offered: canSingleStep,
    dto: dto.SingleStepTransferDto,
    params: legParams,
    plan: (leg, { call }) => sendOnly(sendLeg('singleStepTransfer', call, leg)),
  }),
  InitiateTransfer: callOperation({
    offered: canStartConsultation,
    dto: dto.InitiateTransferDto,
    params: legParams,
    plan: (leg, target) => consultation(target, 'transfer', sendLeg('initiateTransfer', target.call, leg)),
  }),
  SingleStepConference: callOperation({
    offered: canSingleStep,
    dto: dto.SingleStepConferenceDto,
    params: legParams,
    plan: (leg, { call }) => sendOnly(sendLeg('singleStepConference', call, leg)),
  }),
  InitiateConference: callOperation({
    offered: canStartConsultation,
    dto: dto.InitiateConferenceDto,
    params: legParams,
    plan: (leg, target) => consultation(target, 'conference', sendLeg('initiateConference', target.call, leg)),
  }),
  SwapCalls: callOperation({
    offered: (s) => (s.state === 'Established' && s.otherHeld) || (s.state === 'Held' && s.consultEstablished),
    dto: dto.SwapCallsDto,
    params: (body): PairParams => ({ otherCallId: callIdOf(body.otherCallUri) }),
    plan: ({ otherCallId }, { calls, call }) => {
      const { held, active } = pairOf(calls, call, otherCallId);
      return sendOnly((tserver) => tserver.calls.alternateCall(call.dn, held.connId, active.connId));
    },
  }),
  CompleteTransfer: callOperation({
    offered: canComplete('transfer'),
    dto: dto.CompleteTransferDto,
    params: consultPairParams,
    plan: ({ otherCallId }, { calls, call }) => {
      const { parent, consult } = pairOf(calls, call, otherCallId);
      calls.expectTransferCompletion(parent.id);
      return {
        send: (tserver) => tserver.calls.completeTransfer(call.dn, parent.connId, consult.connId),
        undo: () => calls.completionFailed(parent.id),
      };
    },
  }),
  CompleteConference: callOperation({
    offered: canComplete('conference'),
    dto: dto.CompleteConferenceDto,
    params: consultPairParams,
    plan: ({ otherCallId }, { calls, call }) => {
      const { parent, consult } = pairOf(calls, call, otherCallId);
      return sendOnly((tserver) => tserver.calls.completeConference(call.dn, parent.connId, consult.connId));
    },
  }),
  RemoveParticipantFromConference: callOperation({
    offered: (s) => s.state === 'Established' && s.parties >= 2,
    dto: dto.RemoveParticipantFromConferenceDto,
    params: (body) => ({ participant: body.participant }),
    plan: ({ participant }, { call }) => {
      if (!call.parties.includes(participant)) {
        throw new GwsException(
          GwsStatus.ValidationError,
          `${participant} is not a participant of call ${call.id}; participants: ${call.parties.join(', ')}`,
        );
      }
      return sendOnly((tserver) => tserver.calls.deleteFromConference(call.dn, call.connId, participant));
    },
  }),
  AttachUserData: callOperation({
    offered: live,
    dto: dto.AttachUserDataDto,
    params: (body) => ({ userData: body.userData }),
    plan: ({ userData }, { call }) =>
      sendOnly((tserver) => tserver.userData.attach(call.dn, call.connId, flatUserDataToKV(userData))),
  }),
  UpdateUserData: callOperation({
    offered: live,
    dto: dto.UpdateUserDataDto,
    params: (body) => ({ userData: body.userData }),
    plan: ({ userData }, { call }) =>
      sendOnly((tserver) => tserver.userData.update(call.dn, call.connId, flatUserDataToKV(userData))),
  }),
  DeleteUserData: callOperation({
    offered: live,
    dto: dto.DeleteUserDataDto,
    params: noParams,
    plan: (_, { call }) => sendOnly((tserver) => tserver.userData.deleteAll(call.dn, call.connId)),
  }),
  DeleteUserDataPair: callOperation({
    offered: live,
    dto: dto.DeleteUserDataPairDto,
    params: (body) => ({ key: body.key }),
    plan: ({ key }, { call }) => sendOnly((tserver) => tserver.userData.deletePair(call.dn, call.connId, key)),
  }),
});

/** The operationNames of calls, which are also their capability names. */
export type CallOperationName = keyof typeof CALL_OPERATIONS;

/** `POST /api/v2/me/devices/{id}/calls`: Dial, a new call from the device's DN. */
export const DEVICE_CALL_OPERATIONS = commandTable({
  Dial: deviceOperation({
    dto: dto.DialDto,
    params: legParams,
    send: (leg, dn, tserver) => tserver.calls.makeCall(dn, leg.destination, legOptions(leg)),
  }),
});

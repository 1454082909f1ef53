import { flatUserDataToKV, type FlatUserData } from '@gws/tlib';
import type { LegOptions } from '@gws/tserver-client';
import { commandTable, noParams } from '../../common/operations/command';
import { GwsException } from '../../common/gws.exception';
import { GwsStatus } from '../../common/gws-status';
import { deviceOperation } from '../device-operation';
import { callOperation, sendOnly, type CallPlan, type CallTarget } from './call-operation';
import * as dto from './dto/call-operations.dto';
import type { ConsultKind } from './model/agent-call';
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

/**
 * `POST /api/v2/me/calls/{id}`: every call operation, one definition each (docs/api.md, Calls; docs/operations.md).
 * The key is the operationName and the capability name. Two-call requests put the held call first, as the client's
 * helpers do (docs/tlib-wire.md, section 11).
 */
export const CALL_OPERATIONS = commandTable({
  Answer: callOperation({
    dto: dto.AnswerDto,
    params: noParams,
    plan: (_, { call }) => sendOnly((tserver) => tserver.calls.answer(call.dn, call.connId)),
  }),
  Hangup: callOperation({
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
  Hold: callOperation({
    dto: dto.HoldDto,
    params: noParams,
    plan: (_, { call }) => sendOnly((tserver) => tserver.calls.hold(call.dn, call.connId)),
  }),
  Retrieve: callOperation({
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
  InitiateTransfer: callOperation({
    dto: dto.InitiateTransferDto,
    params: legParams,
    plan: (leg, target) =>
      consultation(target, 'transfer', (tserver) =>
        tserver.calls.initiateTransfer(target.call.dn, target.call.connId, leg.destination, legOptions(leg)),
      ),
  }),
  CompleteTransfer: callOperation({
    dto: dto.CompleteTransferDto,
    params: (body): PairParams => ({ otherCallId: callIdOf(body.consultCallUri) }),
    plan: ({ otherCallId }, { calls, call }) => {
      const { parent, consult } = pairOf(calls, call, otherCallId);
      calls.expectTransferCompletion(parent.id);
      return {
        send: (tserver) => tserver.calls.completeTransfer(call.dn, parent.connId, consult.connId),
        undo: () => calls.completionFailed(parent.id),
      };
    },
  }),
  SingleStepTransfer: callOperation({
    dto: dto.SingleStepTransferDto,
    params: legParams,
    plan: (leg, { call }) =>
      sendOnly((tserver) => tserver.calls.singleStepTransfer(call.dn, call.connId, leg.destination, legOptions(leg))),
  }),
  InitiateConference: callOperation({
    dto: dto.InitiateConferenceDto,
    params: legParams,
    plan: (leg, target) =>
      consultation(target, 'conference', (tserver) =>
        tserver.calls.initiateConference(target.call.dn, target.call.connId, leg.destination, legOptions(leg)),
      ),
  }),
  CompleteConference: callOperation({
    dto: dto.CompleteConferenceDto,
    params: (body): PairParams => ({ otherCallId: callIdOf(body.consultCallUri) }),
    plan: ({ otherCallId }, { calls, call }) => {
      const { parent, consult } = pairOf(calls, call, otherCallId);
      return sendOnly((tserver) => tserver.calls.completeConference(call.dn, parent.connId, consult.connId));
    },
  }),
  SingleStepConference: callOperation({
    dto: dto.SingleStepConferenceDto,
    params: legParams,
    plan: (leg, { call }) =>
      sendOnly((tserver) => tserver.calls.singleStepConference(call.dn, call.connId, leg.destination, legOptions(leg))),
  }),
  RemoveParticipantFromConference: callOperation({
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
  SwapCalls: callOperation({
    dto: dto.SwapCallsDto,
    params: (body): PairParams => ({ otherCallId: callIdOf(body.otherCallUri) }),
    plan: ({ otherCallId }, { calls, call }) => {
      const { held, active } = pairOf(calls, call, otherCallId);
      return sendOnly((tserver) => tserver.calls.alternateCall(call.dn, held.connId, active.connId));
    },
  }),
  SendDtmf: callOperation({
    dto: dto.SendDtmfDto,
    params: (body) => ({ digits: body.digits }),
    plan: ({ digits }, { call }) => sendOnly((tserver) => tserver.calls.sendDtmf(call.dn, call.connId, digits)),
  }),
  AttachUserData: callOperation({
    dto: dto.AttachUserDataDto,
    params: (body) => ({ userData: body.userData }),
    plan: ({ userData }, { call }) =>
      sendOnly((tserver) => tserver.userData.attach(call.dn, call.connId, flatUserDataToKV(userData))),
  }),
  UpdateUserData: callOperation({
    dto: dto.UpdateUserDataDto,
    params: (body) => ({ userData: body.userData }),
    plan: ({ userData }, { call }) =>
      sendOnly((tserver) => tserver.userData.update(call.dn, call.connId, flatUserDataToKV(userData))),
  }),
  DeleteUserDataPair: callOperation({
    dto: dto.DeleteUserDataPairDto,
    params: (body) => ({ key: body.key }),
    plan: ({ key }, { call }) => sendOnly((tserver) => tserver.userData.deletePair(call.dn, call.connId, key)),
  }),
  DeleteUserData: callOperation({
    dto: dto.DeleteUserDataDto,
    params: noParams,
    plan: (_, { call }) => sendOnly((tserver) => tserver.userData.deleteAll(call.dn, call.connId)),
  }),
  Redirect: callOperation({
    dto: dto.RedirectDto,
    params: (body) => ({ destination: body.destination.phoneNumber }),
    plan: ({ destination }, { call }) =>
      sendOnly((tserver) => tserver.calls.redirectCall(call.dn, call.connId, destination)),
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

import { Inject, Injectable, Logger } from '@nestjs/common';
import { KVList, MakeCallType, tmessage, type TAttributes, type TMessage } from '@gws/tlib';
import type { TServerClient } from '@gws/tserver-client';
import { GwsException } from '../../common/gws.exception';
import { GwsStatus } from '../../common/gws-status';
import { TSERVER_CLIENT } from '../../platform/platform.tokens';
import type { GwsPrincipal } from '../../sessions/gws-principal';
import { requireTServer } from '../tserver-guard';
import { VoiceNotifications } from '../voice-notifications';
import { VoiceSessions, type VoiceSession } from '../voice-session';
import { CallNotifications } from './call-notifications';
import type { DestinationOperation } from './dto/call-operations.dto';
import { userDataPairs } from './dto/user-data.validator';
import type { AgentCall, CallChange } from './model/agent-call';
import { callCapabilities } from './model/call-capabilities';

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

interface Sent {
  readonly request: TMessage;
  /** Undo what was prepared for the reply if the request fails; returns changes to announce. */
  readonly onFailure?: () => CallChange[];
}

/**
 * Call operations on an agent's own calls. Each is checked against the call's capabilities (statusCode 2 naming the
 * allowed ones, nothing sent otherwise), sent to T-Server and answered at once; the outcome arrives on CometD.
 */
@Injectable()
export class CallOperationsService {
  private readonly logger = new Logger('CallOperationsService');

  constructor(
    @Inject(TSERVER_CLIENT) private readonly tserver: TServerClient,
    private readonly sessions: VoiceSessions,
    private readonly voiceNotifications: VoiceNotifications,
    private readonly callNotifications: CallNotifications,
  ) {}

  /** The caller's call with this id; another user's call is as unknown as a made-up one (statusCode 6). */
  ownCall(principal: GwsPrincipal, callId: string): { session: VoiceSession; call: AgentCall } {
    const session = this.sessions.ofUser(principal.userId);
    const call = session?.calls.get(callId);
    if (session === undefined || call === undefined)
      throw new GwsException(GwsStatus.NotFound, `Call ${callId} not found`);
    return { session, call };
  }

  dial(principal: GwsPrincipal, deviceId: string, params: DestinationOperation): void {
    const session = this.sessions.ofUser(principal.userId);
    const device = session === undefined ? undefined : [...session.devices.values()].find((d) => d.id === deviceId);
    if (session === undefined || device === undefined) {
      throw new GwsException(GwsStatus.NotFound, `Device ${deviceId} not found`);
    }
    if (!device.active) throw new GwsException(GwsStatus.InvalidForState, `Device ${deviceId} is inactive`);
    requireTServer(this.tserver);
    const request = tmessage('RequestMakeCall', {
      ThisDN: device.dn,
      OtherDN: params.destination.phoneNumber,
      MakeCallType: MakeCallType.Regular,
      ...legAttributes(params),
    });
    this.send(session, 'Dial', `${session.urls.device(device.id).uri}/calls`, { request });
  }

  run(principal: GwsPrincipal, callId: string, operationName: string, params: CallOperationParams): void {
    const { session, call } = this.ownCall(principal, callId);
    const allowed = callCapabilities(call, session.calls.onDn(call.dn));
    if (!allowed.includes(operationName)) {
      throw new GwsException(
        GwsStatus.InvalidForState,
        `${operationName} is not allowed on call ${call.id} (${call.state}); allowed: ${allowed.join(', ') || 'none'}`,
      );
    }
    requireTServer(this.tserver);
    this.send(
      session,
      operationName,
      session.urls.call(call.id).uri,
      this.requestFor(session, call, operationName, params),
    );
  }

  private requestFor(session: VoiceSession, call: AgentCall, name: string, params: CallOperationParams): Sent {
    const { dn, connId } = call;
    const calls = session.calls;
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
        const consult = call.consult?.id ? calls.get(call.consult.id) : undefined;
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
        const { parent, consult } = this.pair(session, call, params.consultCallUri);
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
        const { parent, consult } = this.pair(session, call, params.consultCallUri);
        return {
          request: tmessage('RequestCompleteConference', {
            ThisDN: dn,
            ConnID: parent.connId,
            ConferenceConnID: consult.connId,
          }),
        };
      }
      case 'SwapCalls': {
        const { held, active } = this.pair(session, call, params.otherCallUri);
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
  private pair(
    session: VoiceSession,
    call: AgentCall,
    otherUri: string | undefined,
  ): { parent: AgentCall; consult: AgentCall; held: AgentCall; active: AgentCall } {
    const calls = session.calls;
    let other: AgentCall | undefined;
    if (otherUri !== undefined) {
      const id = otherUri.replace(/\/+$/, '').split('/').pop() ?? '';
      other = calls.get(id);
      if (other === undefined || other.dn !== call.dn)
        throw new GwsException(GwsStatus.NotFound, `Call ${id} not found`);
    } else if (call.consult?.id) {
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

  private send(session: VoiceSession, operationName: string, resourceUri: string, sent: Sent): void {
    this.tserver.request(sent.request).catch(async (error: unknown) => {
      try {
        const undone = sent.onFailure?.() ?? [];
        if (undone.length > 0) await this.callNotifications.callsChanged(session, undone);
        await this.voiceNotifications.operationFailed(
          session.userId,
          '/v2/me/calls',
          operationName,
          resourceUri,
          error,
        );
      } catch (notifyError) {
        this.logger.error(`failure of ${operationName} not announced: ${(notifyError as Error).message}`);
      }
    });
  }
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

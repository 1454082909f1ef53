import { Inject, Injectable, Logger } from '@nestjs/common';
import type { TServerClient } from '@gws/tserver-client';
import { GwsException } from '../../common/gws.exception';
import { GwsStatus } from '../../common/gws-status';
import { TSERVER_CLIENT } from '../../platform/platform.tokens';
import type { GwsPrincipal } from '../../sessions/gws-principal';
import { requireTServer } from '../tserver-guard';
import { VoiceNotifications } from '../voice-notifications';
import { VoiceSessions, type VoiceSession } from '../voice-session';
import { CallNotifications } from './call-notifications';
import { buildCallRequest, makeCallRequest, type CallOperationParams, type CallRequest } from './call-requests';
import type { DestinationOperation } from './dto/call-operations.dto';
import type { AgentCall } from './model/agent-call';
import { callCapabilities } from './model/call-capabilities';

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
    this.send(session, 'Dial', `${session.urls.device(device.id).uri}/calls`, {
      request: makeCallRequest(device.dn, params),
    });
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
      buildCallRequest(session.calls, call, operationName, params),
    );
  }

  private send(session: VoiceSession, operationName: string, resourceUri: string, sent: CallRequest): void {
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

export type { CallOperationParams } from './call-requests';

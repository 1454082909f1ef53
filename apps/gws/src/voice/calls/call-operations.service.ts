import { Inject, Injectable, Logger } from '@nestjs/common';
import type { TServerClient } from '@gws/tserver-client';
import { GwsException } from '../../common/gws.exception';
import { GwsStatus } from '../../common/gws-status';
import { TSERVER_CLIENT } from '../../platform/platform.tokens';
import type { GwsPrincipal } from '../../sessions/gws-principal';
import type { DeviceOperation } from '../device-operation';
import { requireTServer } from '../tserver-guard';
import { VoiceNotifications } from '../voice-notifications';
import { VoiceSessions, type VoiceSession } from '../voice-session';
import { CallNotifications } from './call-notifications';
import type { CallOperation, CallPlan } from './call-operation';
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

  /** Dial (or another operation that starts a call) from one of the caller's devices, which must be active. */
  dial<P>(principal: GwsPrincipal, deviceId: string, operation: DeviceOperation<P>, params: P): void {
    const session = this.sessions.ofUser(principal.userId);
    const device = session === undefined ? undefined : [...session.devices.values()].find((d) => d.id === deviceId);
    if (session === undefined || device === undefined) {
      throw new GwsException(GwsStatus.NotFound, `Device ${deviceId} not found`);
    }
    if (!device.active) throw new GwsException(GwsStatus.InvalidForState, `Device ${deviceId} is inactive`);
    requireTServer(this.tserver);
    this.send(session, operation.name, `${session.urls.device(device.id).uri}/calls`, {
      send: (tserver) => operation.send(params, device.dn, tserver),
    });
  }

  run<P>(principal: GwsPrincipal, callId: string, operation: CallOperation<P>, params: P): void {
    const { session, call } = this.ownCall(principal, callId);
    const allowed: readonly string[] = callCapabilities(call, session.calls.onDn(call.dn));
    if (!allowed.includes(operation.name)) {
      throw new GwsException(
        GwsStatus.InvalidForState,
        `${operation.name} is not allowed on call ${call.id} (${call.state}); allowed: ${allowed.join(', ') || 'none'}`,
      );
    }
    requireTServer(this.tserver);
    this.send(
      session,
      operation.name,
      session.urls.call(call.id).uri,
      operation.plan(params, { calls: session.calls, call }),
    );
  }

  private send(session: VoiceSession, operationName: string, resourceUri: string, plan: CallPlan): void {
    plan.send(this.tserver).catch(async (error: unknown) => {
      try {
        const undone = plan.undo?.() ?? [];
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

import { Inject, Injectable } from '@nestjs/common';
import type { KVInput } from '@gws/tlib';
import type { TServerClient } from '@gws/tserver-client';
import { GwsException } from '../common/gws.exception';
import { GwsStatus } from '../common/gws-status';
import { TSERVER_CLIENT } from '../platform/platform.tokens';
import type { GwsPrincipal } from '../sessions/gws-principal';
import type { AgentStateOperation } from './agent-state.operations';
import { REASON_CODE_KEY } from './model/apply-device-event';
import type { NotReadyReason } from './model/not-ready-reasons';
import { NotReadyReasonsService } from './not-ready-reasons.service';
import { requireTServer } from './tserver-guard';
import { VoiceNotifications } from './voice-notifications';
import { VoiceSessions, type VoiceSession } from './voice-session';

/**
 * Agent-state operations on the voice channel. Each is sent to T-Server and answered at once; the new state reaches
 * the browsers as DeviceStateChangeMessage, a refusal (e.g. EventError 43, already in that state) as ErrorMessage.
 */
@Injectable()
export class AgentStateService {
  constructor(
    @Inject(TSERVER_CLIENT) private readonly tserver: TServerClient,
    private readonly sessions: VoiceSessions,
    private readonly reasons: NotReadyReasonsService,
    private readonly notifications: VoiceNotifications,
  ) {}

  /** Runs `operation`; `operationName` is the one the client sent (a custom state's name for NotReady). */
  async change<P>(
    principal: GwsPrincipal,
    operation: AgentStateOperation<P>,
    params: P,
    operationName: string = operation.name,
  ): Promise<void> {
    const session = this.sessions.ofUser(principal.userId);
    if (session === undefined) {
      throw new GwsException(
        GwsStatus.InvalidForState,
        'No contact center session: send StartContactCenterSession first',
      );
    }
    const dn = loggedInDn(session);
    requireTServer(this.tserver);
    const send = await operation.plan(params, { dn, reasons: (codeOrName) => this.reasonsOf(codeOrName) });
    send(this.tserver).catch((error: unknown) =>
      this.notifications.operationFailed(
        principal.userId,
        '/v2/me/channels',
        operationName,
        session.urls.channel('voice'),
        error,
      ),
    );
  }

  /** The not-ready reason a custom state operationName stands for, if any. */
  async customState(operationName: string): Promise<NotReadyReason | undefined> {
    return (await this.reasons.load()).find(operationName);
  }

  /** Reasons `{ReasonCode: <code>}` for a reason given by code or name; an unknown one is refused with the list. */
  private async reasonsOf(codeOrName: string | undefined): Promise<KVInput | undefined> {
    if (codeOrName === undefined) return undefined;
    const reasons = await this.reasons.load();
    const reason = reasons.find(codeOrName);
    if (reason === undefined) {
      const allowed = reasons.all.map((entry) => `${entry.name} (${entry.code})`).join(', ') || 'none configured';
      throw new GwsException(
        GwsStatus.ValidationError,
        `Unknown not-ready reason '${codeOrName}'; allowed: ${allowed}`,
      );
    }
    return { [REASON_CODE_KEY]: reason.code };
  }
}

function loggedInDn(session: VoiceSession): string {
  for (const device of session.devices.values()) if (device.agentId !== undefined) return device.dn;
  throw new GwsException(GwsStatus.InvalidForState, 'The agent is not logged in on any device of this session');
}

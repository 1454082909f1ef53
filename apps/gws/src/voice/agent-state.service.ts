import { Inject, Injectable } from '@nestjs/common';
import { AgentWorkMode, KVList, tmessage, type TMessage } from '@gws/tlib';
import type { TServerClient } from '@gws/tserver-client';
import { GwsException } from '../common/gws.exception';
import { GwsStatus } from '../common/gws-status';
import { TSERVER_CLIENT } from '../platform/platform.tokens';
import type { GwsPrincipal } from '../sessions/gws-principal';
import { REASON_CODE_KEY } from './model/apply-device-event';
import type { NotReadyReason } from './model/not-ready-reasons';
import { NotReadyReasonsService } from './not-ready-reasons.service';
import { requireTServer } from './tserver-guard';
import { VoiceNotifications } from './voice-notifications';
import { VoiceSessions, type VoiceSession } from './voice-session';

/** What an agent-state operation asks for; custom states are not-ready reasons. */
export type AgentStateChange =
  | { readonly kind: 'Ready' }
  | { readonly kind: 'NotReady'; readonly reasonCode?: string }
  | { readonly kind: 'AfterCallWork'; readonly wrapUpTime?: string }
  | { readonly kind: 'AuxWork'; readonly reasonCode?: string };

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

  async change(principal: GwsPrincipal, operationName: string, change: AgentStateChange): Promise<void> {
    const session = this.sessions.ofUser(principal.userId);
    if (session === undefined) {
      throw new GwsException(
        GwsStatus.InvalidForState,
        'No contact center session: send StartContactCenterSession first',
      );
    }
    const dn = loggedInDn(session);
    requireTServer(this.tserver);
    const request = await this.requestFor(dn, change);
    this.tserver
      .request(request)
      .catch((error: unknown) =>
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

  private async requestFor(dn: string, change: AgentStateChange): Promise<TMessage> {
    switch (change.kind) {
      case 'Ready':
        return tmessage('RequestAgentReady', { ThisDN: dn, AgentWorkMode: AgentWorkMode.ManualIn });
      case 'NotReady':
        return tmessage('RequestAgentNotReady', { ThisDN: dn, ...(await this.reasonAttributes(change.reasonCode)) });
      case 'AuxWork':
        return tmessage('RequestAgentNotReady', {
          ThisDN: dn,
          AgentWorkMode: AgentWorkMode.AuxWork,
          ...(await this.reasonAttributes(change.reasonCode)),
        });
      case 'AfterCallWork':
        return tmessage('RequestAgentNotReady', {
          ThisDN: dn,
          AgentWorkMode: AgentWorkMode.AfterCallWork,
          ...(change.wrapUpTime === undefined ? {} : { Extensions: KVList.from({ WrapUpTime: change.wrapUpTime }) }),
        });
    }
  }

  /** Reasons `{ReasonCode: <code>}` for a reason given by code or name; an unknown one is refused with the list. */
  private async reasonAttributes(codeOrName: string | undefined): Promise<{ Reasons?: KVList }> {
    if (codeOrName === undefined) return {};
    const reasons = await this.reasons.load();
    const reason = reasons.find(codeOrName);
    if (reason === undefined) {
      const allowed = reasons.all.map((entry) => `${entry.name} (${entry.code})`).join(', ') || 'none configured';
      throw new GwsException(
        GwsStatus.ValidationError,
        `Unknown not-ready reason '${codeOrName}'; allowed: ${allowed}`,
      );
    }
    return { Reasons: KVList.from({ [REASON_CODE_KEY]: reason.code }) };
  }
}

function loggedInDn(session: VoiceSession): string {
  for (const device of session.devices.values()) if (device.agentId !== undefined) return device.dn;
  throw new GwsException(GwsStatus.InvalidForState, 'The agent is not logged in on any device of this session');
}

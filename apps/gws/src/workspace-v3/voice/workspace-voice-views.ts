import { Injectable } from '@nestjs/common';
import { callView } from '../../voice/calls/model/call-view';
import { deviceView } from '../../voice/model/device-view';
import { NotReadyReasonsService } from '../../voice/not-ready-reasons.service';
import { VoiceSessions, type VoiceSession } from '../../voice/voice-session';
import { v3Call, v3Dn, type DnFacts, type V3Call, type V3Dn } from './v3-views';

/**
 * The v3 views of a user's voice session on this node: built from the same v2 views REST and CometD serve, plus what
 * only the session knows (the DN's switch and agent login, a parent call's ConnID).
 */
@Injectable()
export class WorkspaceVoiceViews {
  constructor(
    private readonly sessions: VoiceSessions,
    private readonly reasons: NotReadyReasonsService,
  ) {}

  dnFacts(userId: string, dn: string): DnFacts {
    const device = this.sessions.ofUser(userId)?.devices.get(dn);
    return {
      ...(device === undefined ? {} : { switchName: device.switchName }),
      ...(device?.agentId === undefined ? {} : { agentId: device.agentId }),
      reasonCode: (name) => this.reasons.current.find(name)?.code,
    };
  }

  connIdOf(userId: string, callId: string): string | undefined {
    return this.sessions.ofUser(userId)?.calls.get(callId)?.connId;
  }

  /** The DN the agent is logged in on (else the place's first), or undefined without a voice session. */
  dn(userId: string): V3Dn | undefined {
    const session = this.sessions.ofUser(userId);
    const devices = session === undefined ? [] : [...session.devices.values()];
    const device = devices.find((candidate) => candidate.agentId !== undefined) ?? devices[0];
    if (session === undefined || device === undefined) return undefined;
    return v3Dn(deviceView(device, this.reasons.current, session.urls), this.dnFacts(session.userId, device.dn));
  }

  calls(userId: string): V3Call[] {
    const session = this.sessions.ofUser(userId);
    if (session === undefined) return [];
    return session.calls.all().flatMap((call) => {
      const device = session.devices.get(call.dn);
      if (device === undefined) return [];
      const view = callView(call, session.calls.onDn(call.dn), session.urls, device.id);
      return [v3Call(view, call.dn, this.parentConnId(session, call.parentId))];
    });
  }

  private parentConnId(session: VoiceSession, parentId: string | undefined): string | undefined {
    return parentId === undefined ? undefined : session.calls.get(parentId)?.connId;
  }
}

import { Injectable } from '@nestjs/common';
import type { GwsCall } from '../../notifications';
import type { GwsPrincipal } from '../../sessions/gws-principal';
import { VoiceSessions } from '../voice-session';
import { CallOperationsService } from './call-operations.service';
import { callView } from './model/call-view';

/** The calls of a user as REST answers show them: the same objects as the notifications. */
@Injectable()
export class CallViews {
  constructor(
    private readonly sessions: VoiceSessions,
    private readonly calls: CallOperationsService,
  ) {}

  ofUser(userId: string): GwsCall[] {
    const session = this.sessions.ofUser(userId);
    if (session === undefined) return [];
    return session.calls.all().flatMap((call) => {
      const device = session.devices.get(call.dn);
      return device === undefined ? [] : [callView(call, session.calls.onDn(call.dn), session.urls, device.id)];
    });
  }

  one(principal: GwsPrincipal, callId: string): GwsCall {
    const { session, call } = this.calls.ownCall(principal, callId);
    const device = session.devices.get(call.dn)!;
    return callView(call, session.calls.onDn(call.dn), session.urls, device.id);
  }
}

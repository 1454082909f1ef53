import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { TMessage } from '@gws/tlib';
import type { TServerClient } from '@gws/tserver-client';
import { TSERVER_CLIENT } from '../../platform/platform.tokens';
import { VoiceSessions } from '../../voice/voice-session';
import { tlibToKvList } from '../common/kv-list';
import { V3_CHANNELS } from './v3-messages';
import { WorkspaceNotifications } from './workspace-notifications';

/**
 * EventUserEvent, which has no v2 message and so never enters the user event stream: relayed from this node's
 * T-Server link to the v3 sessions (on this node) of the user whose DN it names. T-Server sends it to the other
 * clients registered on the DN, so these are user events another application distributed there.
 */
@Injectable()
export class UserEventRelay implements OnModuleInit {
  constructor(
    @Inject(TSERVER_CLIENT) private readonly tserver: TServerClient,
    private readonly sessions: VoiceSessions,
    private readonly notifications: WorkspaceNotifications,
  ) {}

  onModuleInit(): void {
    this.tserver.on('event', (event) => {
      if (event.name === 'EventUserEvent') this.relay(event);
    });
  }

  private relay(event: TMessage): void {
    const { ThisDN: dn, ConnID: connId, UserData: userData } = event.attributes;
    const session = dn === undefined ? undefined : this.sessions.ofDn(dn);
    if (session === undefined || dn === undefined) return;
    this.notifications.publish(session.userId, {
      channel: V3_CHANNELS.voice,
      data: {
        messageType: 'EventUserEvent',
        dn,
        userData: tlibToKvList(userData),
        ...(connId === undefined ? {} : { connId: String(connId) }),
      },
    });
  }
}

import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ServerSession } from 'cometd-nodejs-server';
import { WorkspaceUserService, type WorkspaceCaller } from '../session/workspace-user.service';
import { V3_CHANNELS } from './v3-messages';
import { WorkspaceNotifications } from './workspace-notifications';

/**
 * The library's `initialize()` resolves on a `/workspace/v3/initialization` message with `state: Complete` carrying
 * the user and the configuration. It is sent when the client subscribes to that channel: its listener is in place
 * by then (a message riding the handshake's reply would reach no listener and `initialize()` would never resolve).
 */
@Injectable()
export class WorkspaceInitialization implements OnModuleInit {
  private readonly logger = new Logger('WorkspaceInitialization');

  constructor(
    private readonly notifications: WorkspaceNotifications,
    private readonly users: WorkspaceUserService,
  ) {}

  onModuleInit(): void {
    this.notifications.onSubscribed(V3_CHANNELS.initialization, (session) => void this.initialize(session));
  }

  private async initialize(session: ServerSession): Promise<void> {
    const principal = this.notifications.principalOf(session);
    if (principal === undefined) return;
    const channel = V3_CHANNELS.initialization;
    this.notifications.deliver(session, {
      channel,
      data: { messageType: 'WorkspaceInitializationProgress', state: 'Executing', progress: { percentComplete: 50 } },
    });
    try {
      const data = await this.data(principal);
      this.notifications.deliver(session, {
        channel,
        data: { messageType: 'WorkspaceInitializationComplete', state: 'Complete', data },
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`initialization of ${principal.userName} failed: ${reason}`);
      this.notifications.deliver(session, {
        channel,
        data: { messageType: 'WorkspaceInitializationFailed', state: 'Failed', error: reason },
      });
    }
  }

  private async data(principal: WorkspaceCaller): Promise<object> {
    const [user, configuration] = await Promise.all([this.users.user(principal), this.users.configuration()]);
    const activeSession = this.users.activeSession(principal);
    return { user: activeSession === undefined ? user : { ...user, activeSession }, configuration };
  }
}

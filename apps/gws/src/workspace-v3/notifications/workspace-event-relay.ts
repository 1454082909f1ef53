import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Unsubscribe } from '@gws/stores';
import { USER_EVENT_STREAM, type GwsUserEventStream } from '../../stores/store.tokens';
import { WorkspaceVoiceViews } from '../voice/workspace-voice-views';
import { V3_CHANNELS } from './v3-messages';
import { translate, type TranslationContext } from './v3-translation';
import { WorkspaceNotifications } from './workspace-notifications';

/**
 * Feeds the v3 endpoint from the user event stream, the one pipeline v2's notifications travel: every node
 * subscribes, and each event of a user with v3 sessions here is translated (v3-translation.ts) and delivered to
 * them, in the stream's order. v2 and v3 browsers of one user thus see the same events, each in its own shape.
 */
@Injectable()
export class WorkspaceEventRelay implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('WorkspaceEventRelay');
  private unsubscribe: Unsubscribe | undefined;

  constructor(
    @Inject(USER_EVENT_STREAM) private readonly stream: GwsUserEventStream,
    private readonly notifications: WorkspaceNotifications,
    private readonly views: WorkspaceVoiceViews,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.stream.subscribe(({ userId, data }) => {
      if (!this.notifications.hasSessions(userId)) return;
      try {
        for (const message of translate(data, this.context(userId))) {
          this.notifications.publish(userId, { channel: V3_CHANNELS.voice, data: message });
        }
      } catch (error) {
        this.logger.error(`event of user ${userId} not relayed to v3: ${(error as Error).message}`);
      }
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.unsubscribe?.();
  }

  private context(userId: string): TranslationContext {
    return {
      dnFacts: (dn) => this.views.dnFacts(userId, dn),
      connIdOf: (callId) => this.views.connIdOf(userId, callId),
      now: Date.now,
    };
  }
}

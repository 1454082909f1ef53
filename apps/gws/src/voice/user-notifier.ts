import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { OriginMark, Unsubscribe } from '@gws/stores';
import { NotificationPublisher, type GwsTopic, type GwsTopicMessage } from '../notifications';
import { GwsMetrics } from '../metrics/gws-metrics';
import { USER_EVENT_STREAM, type GwsUserEventStream } from '../stores/store.tokens';
import type { EventCause } from './event-cause';

/**
 * Sends a notification to every browser of a user, whichever node holds it. `send` appends it to the user's event
 * stream, which logs it (for replay) and fans it out to every node; this node's subscription hands each event to
 * the CometD sessions it holds, the writer's own node included.
 */
@Injectable()
export class UserNotifier implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: Unsubscribe | undefined;

  constructor(
    @Inject(USER_EVENT_STREAM) private readonly stream: GwsUserEventStream,
    private readonly publisher: NotificationPublisher,
    private readonly metrics: GwsMetrics,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.stream.subscribe(({ userId, seq, topic, data, eventAt }) => {
      if (this.publisher.publish(userId, topic, data, seq) === 0) return;
      this.metrics.notificationDelivered(topic, eventAt);
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.unsubscribe?.();
  }

  /**
   * Resolves with the message's sequence number once it is logged. A user's messages reach the browsers in the
   * order `send` was called. `cause`: the T-Server event the message reports, if any: its time travels with the
   * message (delivery latency metric), its origin is logged as the user's mark (what a takeover announces after).
   */
  send<T extends GwsTopic>(userId: string, topic: T, data: GwsTopicMessage<T>, cause?: EventCause): Promise<number> {
    return cause === undefined
      ? this.stream.append(userId, topic, data)
      : this.stream.append(userId, topic, data, cause.at, cause.origin?.key);
  }

  /** The origin of the last T-Server event whose messages the user's stream logged, and how many it logged. */
  latestOrigin(userId: string): Promise<OriginMark | undefined> {
    return this.stream.latestOrigin(userId);
  }
}

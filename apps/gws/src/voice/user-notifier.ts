import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Unsubscribe } from '@gws/stores';
import { NotificationPublisher, type GwsTopic, type GwsTopicMessage } from '../notifications';
import { GwsMetrics } from '../metrics/gws-metrics';
import { USER_EVENT_STREAM, type GwsUserEventStream } from '../stores/store.tokens';

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
   * order `send` was called. `eventAt`: when T-Server made the event the message reports (epoch ms), for the
   * delivery latency metric.
   */
  send<T extends GwsTopic>(userId: string, topic: T, data: GwsTopicMessage<T>, eventAt?: number): Promise<number> {
    return this.stream.append(userId, topic, data, eventAt);
  }
}

import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { EventBus, EventLog, JsonValue, Unsubscribe } from '@gws/stores';
import { NotificationPublisher, type GwsNotification, type GwsTopic } from '../notifications';
import { GwsMetrics } from '../metrics/gws-metrics';
import { EVENT_BUS, EVENT_LOG } from '../stores/store.tokens';

/** The bus topic every node listens on; each delivers to the browsers it holds. */
const NOTIFICATIONS_TOPIC = 'gws:notifications';

interface Envelope {
  readonly userId: string;
  readonly topic: GwsTopic;
  readonly seq: number;
  readonly data: GwsNotification;
  /** When T-Server made the event this notification reports (epoch ms), for the delivery latency metric. */
  readonly eventAt?: number;
}

/**
 * Sends a notification to every browser of a user, whichever node holds it: logged (for replay) and published on
 * the event bus; each node's subscription hands it to its local CometD sessions.
 */
@Injectable()
export class UserNotifier implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: Unsubscribe | undefined;
  /** Per-user chain of sends: each user's notifications leave in the order they were made, whatever the stores' latency. */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(EVENT_LOG) private readonly log: EventLog,
    private readonly publisher: NotificationPublisher,
    private readonly metrics: GwsMetrics,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.bus.subscribe(NOTIFICATIONS_TOPIC, (message) => {
      const { userId, topic, data, eventAt } = message as unknown as Envelope;
      if (this.publisher.publish(userId, topic, data) === 0) return;
      this.metrics.notificationsSent.inc({ topic });
      if (eventAt !== undefined) this.metrics.eventDelivery.observe(Math.max(0, Date.now() - eventAt) / 1000);
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.unsubscribe?.();
  }

  send(userId: string, topic: GwsTopic, data: GwsNotification, eventAt?: number): Promise<void> {
    const previous = this.chains.get(userId) ?? Promise.resolve();
    const sent = previous.then(() => this.deliver(userId, topic, data, eventAt));
    const tail = sent.catch(() => undefined);
    this.chains.set(userId, tail);
    void tail.then(() => {
      if (this.chains.get(userId) === tail) this.chains.delete(userId);
    });
    return sent;
  }

  private async deliver(userId: string, topic: GwsTopic, data: GwsNotification, eventAt?: number): Promise<void> {
    // GWS messages are plain JSON data by construction, so they travel the bus as they are.
    const json = data as unknown as JsonValue;
    const seq = await this.log.append(userId, topic, json);
    await this.bus.publish(NOTIFICATIONS_TOPIC, {
      userId,
      topic,
      seq,
      data: json,
      ...(eventAt === undefined ? {} : { eventAt }),
    });
  }
}

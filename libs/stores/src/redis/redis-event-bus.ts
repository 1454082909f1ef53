import type { EventBus, EventBusHandler, Unsubscribe } from '../event-bus/event-bus';
import type { JsonValue } from '../json';
import { closeRedisClient } from './create-redis-link';
import type { RedisClient, RedisLink } from './redis-link';

/** The handlers of one channel, and the SUBSCRIBE that made the connection listen to it. */
interface Channel {
  readonly handlers: Set<EventBusHandler>;
  readonly subscribed: Promise<unknown>;
}

/**
 * Topics over Redis PUBLISH/SUBSCRIBE, channel `<prefix>bus:<topic>`, message = the JSON text. Publishing goes
 * through the link's fail-fast `client`, so a publish during an outage is refused rather than delivered late to
 * subscribers that missed the messages around it; pub/sub keeps nothing for a subscriber that was away.
 * Each bus subscribes on one connection of its own (made by `link.duplicate()` at the first subscribe), one SUBSCRIBE
 * per topic whatever its number of handlers; ioredis subscribes again after a reconnect. Redis delivers one
 * connection's messages in publish order, and handlers run in that order as they arrive. A handler that throws does
 * not stop the others; its error is thrown again outside the delivery (an uncaught exception, as on the memory bus).
 */
export class RedisEventBus implements EventBus {
  private readonly channels = new Map<string, Channel>();
  private subscriber: RedisClient | undefined;
  private closed = false;

  constructor(private readonly link: RedisLink) {}

  async publish(topic: string, message: JsonValue): Promise<void> {
    this.assertOpen();
    await this.link.client.publish(this.channelName(topic), JSON.stringify(message));
  }

  async subscribe(topic: string, handler: EventBusHandler): Promise<Unsubscribe> {
    this.assertOpen();
    const name = this.channelName(topic);
    let channel = this.channels.get(name);
    if (channel === undefined) {
      channel = { handlers: new Set(), subscribed: this.connection().subscribe(name) };
      this.channels.set(name, channel);
    }
    const joined = channel;
    joined.handlers.add(handler);
    const unsubscribe = async (): Promise<void> => {
      if (!joined.handlers.delete(handler) || joined.handlers.size > 0) return;
      if (this.channels.get(name) !== joined) return;
      this.channels.delete(name);
      if (!this.closed) await this.connection().unsubscribe(name);
    };
    try {
      await joined.subscribed;
    } catch (error) {
      await unsubscribe().catch(() => undefined);
      throw error;
    }
    return unsubscribe;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.channels.clear();
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    if (subscriber === undefined) return;
    subscriber.removeAllListeners('message');
    await closeRedisClient(subscriber);
  }

  private connection(): RedisClient {
    if (this.subscriber === undefined) {
      this.subscriber = this.link.duplicate();
      this.subscriber.on('message', (name: string, text: string) => this.deliver(name, text));
    }
    return this.subscriber;
  }

  private deliver(name: string, text: string): void {
    const channel = this.channels.get(name);
    if (channel === undefined) return;
    const message = JSON.parse(text) as JsonValue;
    for (const handler of [...channel.handlers]) {
      try {
        handler(message);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  private channelName(topic: string): string {
    return `${this.link.prefix}bus:${topic}`;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('RedisEventBus is closed');
  }
}

import type { RedisClient, RedisLink } from './redis-link';

/**
 * One store instance's listeners on one pub/sub channel, over a connection of its own made by `link.duplicate()` at
 * the first `add` and dropped by `close`. The store turns each message into a value (`receive`) and hands it to
 * `deliver`; a handler that throws stops neither the others nor the connection's reader, its error surfacing as
 * uncaught. ioredis reconnects and subscribes again by itself; `resubscribed`, if given, runs after each reconnect
 * once our own SUBSCRIBE's reply says the subscription is live again (what was published meanwhile is lost to it).
 */
export class ChannelSubscription<T> {
  private readonly handlers = new Set<(value: T) => void>();
  private subscriber: RedisClient | undefined;
  private listening: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly link: RedisLink,
    private readonly channel: string,
    private readonly receive: (message: string) => void,
    private readonly resubscribed?: () => void,
  ) {}

  /** Resolves once the channel is subscribed, with the function that removes `handler`; rejects if it cannot be. */
  async add(handler: (value: T) => void): Promise<() => Promise<void>> {
    const stop = (): Promise<void> => {
      this.handlers.delete(handler);
      return Promise.resolve();
    };
    if (this.closed) return stop;
    this.handlers.add(handler);
    this.listening ??= this.listen();
    try {
      await this.listening;
    } catch (error) {
      this.handlers.delete(handler);
      throw error;
    }
    return stop;
  }

  deliver(value: T): void {
    for (const handler of this.handlers) {
      try {
        handler(value);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** Idempotent. A subscriber holds nothing that could be lost: drop it at once, even while Redis is unreachable. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.handlers.clear();
    this.subscriber?.disconnect();
    this.subscriber = undefined;
  }

  private async listen(): Promise<void> {
    const subscriber = this.link.duplicate();
    this.subscriber = subscriber;
    subscriber.on('error', () => undefined);
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.receive(message);
    });
    try {
      await subscriber.subscribe(this.channel);
    } catch (error) {
      subscriber.disconnect();
      if (this.subscriber === subscriber) this.subscriber = undefined;
      this.listening = undefined;
      throw error;
    }
    const resubscribed = this.resubscribed;
    if (resubscribed === undefined) return;
    // Every later `ready` is a reconnect.
    subscriber.on('ready', () => {
      subscriber.subscribe(this.channel).then(
        () => resubscribed(),
        () => undefined,
      );
    });
  }
}

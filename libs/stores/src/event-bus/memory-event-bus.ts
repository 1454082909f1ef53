import type { JsonValue } from '../json';
import type { EventBus, EventBusHandler, Unsubscribe } from './event-bus';

/**
 * In-process bus. Delivery is asynchronous (a microtask), like a networked bus, so code written against it does not
 * come to rely on a publisher's handlers having run before `publish` returns. Handlers receive the published value
 * itself, not a copy (copying every notification was measurable on the push path): per the EventBus contract they
 * treat messages as read-only.
 */
export class MemoryEventBus implements EventBus {
  private readonly handlers = new Map<string, Set<EventBusHandler>>();

  publish(topic: string, message: JsonValue): Promise<void> {
    const handlers = this.handlers.get(topic);
    if (handlers === undefined || handlers.size === 0) return Promise.resolve();
    for (const handler of [...handlers]) queueMicrotask(() => handler(message));
    return Promise.resolve();
  }

  subscribe(topic: string, handler: EventBusHandler): Promise<Unsubscribe> {
    const handlers = this.handlers.get(topic) ?? new Set<EventBusHandler>();
    handlers.add(handler);
    this.handlers.set(topic, handlers);
    return Promise.resolve(() => {
      handlers.delete(handler);
      if (handlers.size === 0) this.handlers.delete(topic);
      return Promise.resolve();
    });
  }

  close(): Promise<void> {
    this.handlers.clear();
    return Promise.resolve();
  }
}

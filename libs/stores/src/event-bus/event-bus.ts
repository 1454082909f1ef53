import type { JsonValue } from '../json';

export type EventBusHandler = (message: JsonValue) => void;
export type Unsubscribe = () => Promise<void>;

/**
 * Fan-out between nodes: a node that learns of an event publishes it on a topic (e.g. `user:<id>`), and every node
 * serving that topic's browsers delivers it. Messages on one topic arrive in the order they were published.
 * Messages are read-only for handlers and for the publisher once published (an in-process bus may share them).
 */
export interface EventBus {
  publish(topic: string, message: JsonValue): Promise<void>;
  subscribe(topic: string, handler: EventBusHandler): Promise<Unsubscribe>;
  close(): Promise<void>;
}

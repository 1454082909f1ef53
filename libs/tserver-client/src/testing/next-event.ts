import type { EventEmitter } from 'node:events';
import type { TServerClientEvents } from '../client-events';

type Events = TServerClientEvents;

/** Resolves with the next `name` event of a client whose payload passes `accept`; rejects after `timeoutMs`. */
export function nextEvent<K extends keyof Events>(
  client: EventEmitter<Events>,
  name: K,
  accept: (payload: Events[K][0]) => boolean = () => true,
  timeoutMs = 2000,
): Promise<Events[K][0]> {
  const emitter = client as unknown as EventEmitter;
  return new Promise((resolve, reject) => {
    const listener = (payload: Events[K][0]): void => {
      if (!accept(payload)) return;
      clearTimeout(timer);
      emitter.off(name, listener);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      emitter.off(name, listener);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${name}`));
    }, timeoutMs);
    emitter.on(name, listener);
  });
}

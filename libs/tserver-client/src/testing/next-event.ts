import type { EventEmitter } from 'node:events';

/** Resolves with the next `name` event whose arguments pass `accept`; rejects after `timeoutMs`. */
export function nextEvent<E extends Record<keyof E, unknown[]>, K extends keyof E & string>(
  emitter: EventEmitter<E>,
  name: K,
  accept: (...args: E[K]) => boolean = () => true,
  timeoutMs = 2000,
): Promise<E[K][0]> {
  return new Promise((resolve, reject) => {
    const emitterAny = emitter as unknown as EventEmitter;
    const listener = (...args: unknown[]): void => {
      if (!accept(...(args as E[K]))) return;
      clearTimeout(timer);
      emitterAny.off(name, listener);
      resolve(args[0]);
    };
    const timer = setTimeout(() => {
      emitterAny.off(name, listener);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${name}`));
    }, timeoutMs);
    emitterAny.on(name, listener);
  });
}

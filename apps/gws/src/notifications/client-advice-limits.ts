import type { Callback, CometDServer, ServerExtension, ServerMessage, ServerSession } from 'cometd-nodejs-server';

/** The most a client may ask for in the `advice` of its `/meta/connect`. */
export interface ClientAdviceBounds {
  /** Longest long poll, in ms (the server's own `timeout`). */
  readonly timeout: number;
  /** Longest pause between two long polls, in ms; the server adds it to `maxInterval` before dropping a session. */
  readonly interval: number;
}

/**
 * Holds a client's `/meta/connect` advice within the server's bounds before cometd-nodejs-server reads it. The library
 * takes a client's `interval` as given and adds it to `maxInterval`, so `interval: 1e12` would keep a session (and
 * its queue) alive forever; a huge `timeout` would park a long poll, and the session with it, as long.
 */
export class ClientAdviceLimits implements ServerExtension {
  constructor(private readonly bounds: ClientAdviceBounds) {}

  incoming(_server: CometDServer, _session: ServerSession, message: ServerMessage, callback: Callback<boolean>): void {
    if (message.channel === '/meta/connect' && message.advice !== undefined) {
      message.advice = this.clamp(message.advice);
    }
    callback(undefined, true);
  }

  private clamp(advice: unknown): Record<string, number> {
    const given = typeof advice === 'object' && advice !== null ? (advice as Record<string, unknown>) : {};
    const result: Record<string, number> = {};
    const timeout = bounded(given['timeout'], this.bounds.timeout);
    const interval = bounded(given['interval'], this.bounds.interval);
    if (timeout !== undefined) result['timeout'] = timeout;
    if (interval !== undefined) result['interval'] = interval;
    return result;
  }
}

function bounded(value: unknown, max: number): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Math.min(Math.max(0, Math.floor(value)), max);
}

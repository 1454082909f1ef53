import type { ServerSession } from 'cometd-nodejs-server';

/**
 * Ends Bayeux sessions from the server side so that the client learns it. cometd-nodejs-server's
 * `session.disconnect()` removes the session and queues a `/meta/disconnect` for it, which only reaches
 * the client on a `/meta/connect` parked at that moment; between two long polls the client would instead
 * get `402::session_unknown` and handshake again. So a session without a parked long poll is ended when
 * its next long poll parks (or, if the client never comes back, when the server sweeps it).
 */
export class ServerDisconnects {
  private readonly parked = new WeakSet<ServerSession>();
  private readonly waiting = new Set<ServerSession>();
  private readonly ended = new WeakSet<ServerSession>();
  private drained: (() => void) | undefined;

  /** Follows the session's long polls; call once, when the session is added. */
  track(session: ServerSession): void {
    session.addListener('suspended', () => {
      this.parked.add(session);
      if (this.waiting.delete(session)) this.end(session);
    });
    session.addListener('resumed', () => this.parked.delete(session));
  }

  /** Ends the session now if it has a parked long poll, else at its next one. Idempotent. */
  disconnect(session: ServerSession): void {
    if (this.ended.has(session)) return;
    this.ended.add(session);
    if (this.parked.has(session)) this.end(session);
    else this.waiting.add(session);
  }

  /** Whether the server ended (or is ending) this session, to tell removals apart. */
  isServerDisconnect(session: ServerSession): boolean {
    return this.ended.has(session);
  }

  /** The session is gone (ended, disconnected by the client or swept): stop waiting for it. */
  removed(session: ServerSession): void {
    this.waiting.delete(session);
    this.parked.delete(session);
    this.checkDrained();
  }

  /**
   * Resolves once every session waiting for its next long poll was ended, or after `timeoutMs`, when the
   * rest are removed without telling their clients (their next request finds no session).
   */
  async drain(timeoutMs: number): Promise<void> {
    if (this.waiting.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.drained = resolve;
        timer = setTimeout(resolve, timeoutMs);
      });
      clearTimeout(timer);
      this.drained = undefined;
    }
    [...this.waiting].forEach((session) => this.end(session));
  }

  private end(session: ServerSession): void {
    this.waiting.delete(session);
    session.disconnect();
    this.checkDrained();
  }

  private checkDrained(): void {
    if (this.waiting.size === 0) this.drained?.();
  }
}

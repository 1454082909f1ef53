import { cookiesOf, rawBayeux } from '../raw-bayeux';
import { EventLog } from './event-log';

/** A pushed message. */
export interface PushedMessage {
  readonly channel: string;
  readonly data: Record<string, unknown>;
}

/** Where a raw browser handshakes, on which cookies, and what it subscribes to. */
export interface RawBrowserOptions {
  readonly path: string;
  readonly cookies: Record<string, string>;
  readonly subscriptions: readonly string[];
}

/**
 * A CometD browser written with raw long polls: no `window` adapter, so it can share a test file with Genesys'
 * library (which installs its own), and it sees every message, EventError included (which the library only logs).
 * Handshakes on the given cookies, subscribes, polls until closed.
 */
export class RawBrowser {
  readonly messages = new EventLog<PushedMessage>();
  private stopped = false;
  private polling: Promise<void> = Promise.resolve();

  private constructor(
    private readonly port: number,
    private readonly path: string,
    private readonly clientId: string,
    private readonly cookies: Record<string, string>,
  ) {}

  static async open(port: number, options: RawBrowserOptions): Promise<RawBrowser> {
    const handshake = { channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] };
    const answer = await rawBayeux(port, [handshake], { path: options.path, cookies: options.cookies });
    const clientId = answer.messages?.[0]?.['clientId'];
    if (typeof clientId !== 'string') throw new Error(`handshake refused: ${JSON.stringify(answer.messages)}`);
    const browser = new RawBrowser(port, options.path, clientId, {
      ...options.cookies,
      ...cookiesOf(answer.setCookie),
    });
    for (const subscription of options.subscriptions) await browser.send({ channel: '/meta/subscribe', subscription });
    browser.polling = browser.poll();
    return browser;
  }

  /** The next message on `channel` whose data matches. */
  next(channel: string, predicate: (data: Record<string, unknown>) => boolean, what: string): Promise<PushedMessage> {
    return this.messages.next((m) => m.channel === channel && predicate(m.data), `${channel}: ${what}`);
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.send({ channel: '/meta/disconnect' });
    await this.polling;
  }

  private async poll(): Promise<void> {
    while (!this.stopped) {
      const replies = await this.send({ channel: '/meta/connect', connectionType: 'long-polling' }, 40_000);
      const connect = replies.find((reply) => reply.channel === '/meta/connect');
      if (connect?.['successful'] !== true) return;
    }
  }

  private async send(message: Record<string, unknown>, timeoutMs = 5000): Promise<Record<string, unknown>[]> {
    const answer = await rawBayeux(this.port, [{ ...message, clientId: this.clientId }], {
      path: this.path,
      cookies: this.cookies,
      timeoutMs,
    });
    const messages = answer.messages ?? [];
    for (const pushed of messages) {
      const channel = pushed['channel'];
      if (typeof channel === 'string' && !channel.startsWith('/meta/')) {
        this.messages.push({ channel, data: pushed['data'] as Record<string, unknown> });
      }
    }
    return messages;
  }
}

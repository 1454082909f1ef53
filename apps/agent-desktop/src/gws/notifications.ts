import { AckExtension, CometD, type Message } from 'cometd';

/** The four topics the desktop handles (docs/notifications.md, "Channels"). */
export type Topic = '/v2/me/devices' | '/v2/me/calls' | '/v2/me/channels' | '/v2/me';
const TOPICS: readonly Topic[] = ['/v2/me/devices', '/v2/me/calls', '/v2/me/channels', '/v2/me'];

export interface NotificationHandlers {
  /** A message on one of the topics (`data.messageType` says which kind). */
  message(topic: Topic, data: Readonly<Record<string, unknown>>): void;
  /** The link to GWS broke (a failed /meta/connect or handshake): messages may be late until `restored`. */
  interrupted(): void;
  /** The link works again after an interruption or a new handshake: state must be read again. */
  restored(): void;
  /** The server refused the handshake or disconnected us: the HTTP session is over. */
  ended(reason: string): void;
}

/**
 * The desktop's CometD link with the official client, as docs/notifications.md's recipe says: long-polling only,
 * the acknowledgement extension, the session cookie for authentication, and subscriptions made again after every
 * handshake (the client clears them when it handshakes again).
 */
export class Notifications {
  private readonly cometd = new CometD();
  private connected = false;
  private interrupted = false;
  private firstConnect: { resolve: () => void; reject: (error: Error) => void } | undefined;
  private stopped = false;

  constructor(private readonly handlers: NotificationHandlers) {
    this.cometd.unregisterTransport('websocket');
    this.cometd.unregisterTransport('callback-polling');
    this.cometd.registerExtension('ack', new AckExtension());
    this.cometd.configure({ url: `${window.location.origin}/api/v2/notifications`, logLevel: 'warn' });
    this.cometd.addListener('/meta/handshake', (reply) => this.onHandshake(reply));
    this.cometd.addListener('/meta/connect', (reply) => this.onConnect(reply));
    this.cometd.addListener('/meta/disconnect', (reply) => {
      if (!this.stopped && reply.successful) this.end('GWS ended the session');
    });
  }

  /** Handshakes and resolves at the first successful /meta/connect (then StartContactCenterSession is safe). */
  start(): Promise<void> {
    this.stopped = false;
    return new Promise<void>((resolve, reject) => {
      this.firstConnect = { resolve, reject };
      this.cometd.handshake();
    });
  }

  /** Disconnects (logout, page closed); never rejects. */
  stop(): Promise<void> {
    this.stopped = true;
    this.connected = false;
    if (this.cometd.isDisconnected()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2_000);
      this.cometd.disconnect(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private onHandshake(reply: Message): void {
    if (this.stopped) return;
    if (!reply.successful) {
      const denied = String(reply.error ?? '').startsWith('403');
      if (denied || reply.advice?.reconnect === 'none') {
        this.end('GWS refused the notification channel');
        return;
      }
      this.interrupt();
      return;
    }
    this.cometd.batch(() => {
      for (const topic of TOPICS) {
        this.cometd.subscribe(topic, (message) => this.handlers.message(topic, asData(message)));
      }
    });
  }

  private onConnect(reply: Message): void {
    if (this.stopped || this.cometd.isDisconnected()) return;
    if (!reply.successful) {
      if (reply.advice?.reconnect === 'none') this.end('GWS closed the notification channel');
      else this.interrupt();
      return;
    }
    const first = this.firstConnect;
    this.firstConnect = undefined;
    first?.resolve();
    const wasInterrupted = this.interrupted;
    this.interrupted = false;
    if (!this.connected || wasInterrupted) {
      this.connected = true;
      if (first === undefined || wasInterrupted) this.handlers.restored();
    }
  }

  private interrupt(): void {
    if (this.interrupted) return;
    this.interrupted = true;
    this.handlers.interrupted();
  }

  private end(reason: string): void {
    if (this.stopped) return;
    this.stopped = true;
    this.connected = false;
    const first = this.firstConnect;
    this.firstConnect = undefined;
    first?.reject(new Error(reason));
    if (!this.cometd.isDisconnected()) this.cometd.disconnect();
    this.handlers.ended(reason);
  }
}

function asData(message: Message): Readonly<Record<string, unknown>> {
  const data: unknown = message.data;
  return typeof data === 'object' && data !== null ? (data as Readonly<Record<string, unknown>>) : {};
}

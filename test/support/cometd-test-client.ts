/**
 * A simulated browser for end-to-end suites: the official CometD JavaScript client (`cometd`) on
 * cometd-nodejs-client, long-polling only, with the acknowledgement extension, promise helpers and a
 * record of every message the server pushed to it.
 *
 * Isolation: cometd-nodejs-client keeps cookies per hostname for the whole process, so each client gets its
 * own loopback hostname (127.0.0.2, 127.0.0.3, ...; all of 127/8 is loopback on Linux) and its own jar.
 * The server under test must therefore listen on 0.0.0.0, not 127.0.0.1.
 *
 *   const browser = new CometdTestClient({ port, cookies: { JSESSIONID: sessionId } });
 *   await browser.handshake();
 *   await browser.subscribe('/v2/me/devices');
 *   const message = await browser.nextMessage('/v2/me/devices', (m) => m.data.messageType === 'DeviceStateChangeMessage');
 *   await browser.disconnect();
 */
import { AckExtension, CometD, type Message } from 'cometd';
import { adapt } from 'cometd-nodejs-client';
import { CometdCookieJar } from './cometd-cookie-jar';

/** The jars of every test client of this process (Jest: of this test file). */
export const cometdCookies = new CometdCookieJar();

// adapt() installs a global XMLHttpRequest; once per process (per test file under Jest).
let adapted = false;
function adaptOnce(): void {
  if (adapted) return;
  adapt({ cookies: cometdCookies });
  adapted = true;
}

let nextHost = 2;
/** A loopback hostname no other client of this process has used: 127.0.0.2, 127.0.0.3, ... 127.0.1.0, ... */
export function nextLoopbackHost(): string {
  const n = nextHost++;
  return `127.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export interface CometdTestClientOptions {
  /** Port of the server (or of a proxy in front of it) on the loopback interface. */
  port: number;
  /** This browser's hostname; default: a fresh loopback address from {@link nextLoopbackHost}. */
  host?: string;
  /** @default '/api/v2/notifications' */
  path?: string;
  /** Cookies put into this host's jar before the first request, e.g. `{ JSESSIONID: id }`. */
  cookies?: Record<string, string>;
  /** Sends `Authorization: Basic` on every Bayeux request, as some GWS clients do. */
  basic?: { user: string; password: string };
  /** Registers the client's AckExtension. @default true */
  ack?: boolean;
  /** Client back-off step after a failed request, in ms (CometD's default is 1000). @default 100 */
  backoffIncrement?: number;
  /** Default bound of every wait, in ms. @default 3000 */
  timeoutMs?: number;
}

/** A Bayeux reply with `successful: false`, as a rejection. */
export class CometdReplyError extends Error {
  constructor(
    readonly operation: string,
    readonly reply: Message,
  ) {
    super(`${operation} failed: ${reply.error ?? JSON.stringify(reply)}`);
    this.name = 'CometdReplyError';
  }
}

interface Waiter {
  channel: string;
  predicate: (message: Message) => boolean;
  resolve: (message: Message) => void;
}

export class CometdTestClient {
  readonly cometd: CometD;
  readonly host: string;
  readonly url: string;
  private readonly timeoutMs: number;
  private readonly received: Message[] = [];
  private readonly consumed = new WeakSet<Message>();
  private readonly waiters = new Set<Waiter>();
  private readonly serverDisconnect: Promise<Message>;
  private readonly firstConnect: Promise<Message>;
  private readonly connectWaiters = new Set<{ count: number; resolve: (replies: Message[]) => void }>();
  /** Every `/meta/connect` reply, successful or not, e.g. to inspect the server's advice. */
  readonly connectReplies: Message[] = [];
  /** The client ids successful handshakes gave (the library notifies a reply more than once, so a set). */
  private readonly handshakeIds = new Set<string>();

  constructor(options: CometdTestClientOptions) {
    adaptOnce();
    this.host = options.host ?? nextLoopbackHost();
    this.url = `http://${this.host}:${options.port}${options.path ?? '/api/v2/notifications'}`;
    this.timeoutMs = options.timeoutMs ?? 3000;
    for (const [name, value] of Object.entries(options.cookies ?? {})) cometdCookies.set(this.host, name, value);

    this.cometd = new CometD(`test-${this.host}`);
    // cometd-nodejs-server speaks long-polling only; trying websocket first wastes a round trip.
    this.cometd.unregisterTransport('websocket');
    this.cometd.unregisterTransport('callback-polling');
    if (options.ack ?? true) this.cometd.registerExtension('ack', new AckExtension());
    this.cometd.registerExtension('recorder', { incoming: (message) => this.record(message) });
    const basic = options.basic;
    this.cometd.configure({
      url: this.url,
      logLevel: 'warn',
      backoffIncrement: options.backoffIncrement ?? 100,
      ...(basic && {
        requestHeaders: { Authorization: `Basic ${Buffer.from(`${basic.user}:${basic.password}`).toString('base64')}` },
      }),
    });
    this.serverDisconnect = new Promise((resolve) => this.cometd.addListener('/meta/disconnect', resolve));
    this.cometd.addListener('/meta/handshake', (reply) => {
      if (reply.successful && reply.clientId !== undefined) this.handshakeIds.add(reply.clientId);
    });
    this.firstConnect = new Promise((resolve) =>
      this.cometd.addListener('/meta/connect', (reply) => {
        this.connectReplies.push(reply);
        if (reply.successful) resolve(reply);
        for (const waiter of this.connectWaiters) {
          if (this.connectReplies.length >= waiter.count) {
            this.connectWaiters.delete(waiter);
            waiter.resolve(this.connectReplies.slice());
          }
        }
      }),
    );
  }

  /** Handshakes; resolves with the successful reply, rejects with {@link CometdReplyError} otherwise. */
  handshake(timeoutMs = this.timeoutMs): Promise<Message> {
    return this.bounded('handshake', timeoutMs, (resolve, reject) =>
      this.cometd.handshake((reply) =>
        reply.successful ? resolve(reply) : reject(new CometdReplyError('handshake', reply)),
      ),
    );
  }

  /** Subscribes (a no-op message listener: use {@link nextMessage}); resolves with the successful reply. */
  subscribe(channel: string, timeoutMs = this.timeoutMs): Promise<Message> {
    return this.bounded(`subscribe ${channel}`, timeoutMs, (resolve, reject) => {
      this.cometd.subscribe(
        channel,
        () => undefined,
        (reply) => (reply.successful ? resolve(reply) : reject(new CometdReplyError(`subscribe ${channel}`, reply))),
      );
    });
  }

  /** Publishes from the client; resolves with the successful reply. */
  publish(channel: string, data: unknown, timeoutMs = this.timeoutMs): Promise<Message> {
    return this.bounded(`publish ${channel}`, timeoutMs, (resolve, reject) =>
      this.cometd.publish(channel, data, (reply) =>
        reply.successful ? resolve(reply) : reject(new CometdReplyError(`publish ${channel}`, reply)),
      ),
    );
  }

  /**
   * The first message pushed on `channel` (matching `predicate`) that an earlier call has not returned,
   * whether it already arrived or arrives within `timeoutMs`. Sees every pushed message, subscribed or not.
   */
  nextMessage(
    channel: string,
    predicate: (message: Message) => boolean = () => true,
    timeoutMs = this.timeoutMs,
  ): Promise<Message> {
    const ready = this.received.find((m) => m.channel === channel && !this.consumed.has(m) && predicate(m));
    if (ready) {
      this.consumed.add(ready);
      return Promise.resolve(ready);
    }
    let waiter: Waiter | undefined;
    return this.bounded(
      `message on ${channel}`,
      timeoutMs,
      (resolve) => {
        waiter = { channel, predicate, resolve };
        this.waiters.add(waiter);
      },
      () => waiter && this.waiters.delete(waiter),
    );
  }

  /** Successful handshakes so far: 1 for a session that never had to handshake again. */
  get handshakes(): number {
    return this.handshakeIds.size;
  }

  /** Every message pushed on any channel so far, in arrival order. */
  allMessages(): readonly Message[] {
    return this.received;
  }

  /** Every message pushed on `channel` so far, in arrival order. */
  messages(channel: string): Message[] {
    return this.received.filter((m) => m.channel === channel);
  }

  /**
   * Resolves at the first successful `/meta/connect` reply: from then on the session is polling. GWS
   * clients send StartContactCenterSession at this point so that no DeviceStateChangeMessage is missed.
   */
  connected(timeoutMs = this.timeoutMs): Promise<Message> {
    return this.bounded('successful /meta/connect', timeoutMs, (resolve) => void this.firstConnect.then(resolve));
  }

  /** Resolves once this client has received `count` `/meta/connect` replies in all, with those replies. */
  connectReplyCount(count: number, timeoutMs = this.timeoutMs): Promise<Message[]> {
    if (this.connectReplies.length >= count) return Promise.resolve(this.connectReplies.slice());
    let waiter: { count: number; resolve: (replies: Message[]) => void } | undefined;
    return this.bounded(
      `${count} /meta/connect replies`,
      timeoutMs,
      (resolve) => {
        waiter = { count, resolve };
        this.connectWaiters.add(waiter);
      },
      () => waiter && this.connectWaiters.delete(waiter),
    );
  }

  /** Resolves when the server ends this session (a `/meta/disconnect` pushed to the client). */
  disconnectedByServer(timeoutMs = this.timeoutMs): Promise<Message> {
    return this.bounded('server disconnect', timeoutMs, (resolve) => void this.serverDisconnect.then(resolve));
  }

  get status(): string {
    return this.cometd.getStatus();
  }

  get clientId(): string | null {
    return this.cometd.getClientId();
  }

  /** Disconnects if still connected; never rejects, so it is safe in afterEach. */
  async disconnect(timeoutMs = this.timeoutMs): Promise<void> {
    if (this.cometd.isDisconnected()) return;
    await this.bounded('disconnect', timeoutMs, (resolve) => this.cometd.disconnect(() => resolve(undefined))).catch(
      () => undefined,
    );
  }

  private record(message: Message): Message {
    if (message.channel.startsWith('/meta/')) return message;
    this.received.push(message);
    for (const waiter of this.waiters) {
      if (waiter.channel === message.channel && waiter.predicate(message)) {
        this.waiters.delete(waiter);
        this.consumed.add(message);
        waiter.resolve(message);
        break;
      }
    }
    return message;
  }

  private bounded<T>(
    what: string,
    timeoutMs: number,
    start: (resolve: (value: T) => void, reject: (error: Error) => void) => void,
    onTimeout?: () => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        onTimeout?.();
        reject(new Error(`${this.host}: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      start(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }
}

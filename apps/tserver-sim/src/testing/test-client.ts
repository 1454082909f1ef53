import { FramedConnection, connectSocket, Int32Sequence, RequestTracker, type CloseReason } from '@gws/framed-link';
import {
  createTlibCodec,
  KVList,
  tmessage,
  type TMessage,
  type TMessageAttributes,
  type TMessageName,
} from '@gws/tlib';

export interface TestClientOptions {
  readonly applicationName?: string;
  /** Send RequestRegisterClient at once and wait for EventLinkConnected/Disconnected. @default true */
  readonly register?: boolean;
  readonly protocolVersion?: string;
  readonly extensions?: Record<string, string | number>;
  /** ADDP on this side (0 = off). */
  readonly addpTimeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 2000;

/**
 * A minimal T-Lib client for simulator tests: numbered requests answered by ReferenceID, and per-DN streams of
 * switch events (those with an EventSequenceNumber) consumed in order by `expectEvents`.
 */
export class TestClient {
  readonly received: TMessage[] = [];
  closeReason: CloseReason | undefined;
  private readonly replies = new RequestTracker<number, TMessage>();
  private readonly references = new Int32Sequence();
  private readonly cursors = new Map<string, number>();
  private readonly waiters = new Set<() => void>();

  private constructor(readonly connection: FramedConnection<TMessage>) {
    connection.on('message', (message) => {
      this.received.push(message);
      const reference = message.attributes.ReferenceID;
      if (reference !== undefined) this.replies.settle(reference, message);
      this.wake();
    });
    connection.on('close', (reason) => {
      this.closeReason = reason;
      this.replies.failAll(new Error(`link closed: ${reason.detail}`));
      this.wake();
    });
  }

  static async connect(port: number, options: TestClientOptions = {}): Promise<TestClient> {
    const socket = await connectSocket({ host: '127.0.0.1', port }, DEFAULT_TIMEOUT_MS);
    const connection = new FramedConnection<TMessage>({
      socket,
      codec: createTlibCodec(),
      name: 'test client',
      addpTimeoutMs: options.addpTimeoutMs ?? 0,
    });
    const client = new TestClient(connection);
    if (options.register !== false) await client.registerClient(options);
    return client;
  }

  private async registerClient(options: TestClientOptions): Promise<void> {
    try {
      const reply = await this.request('RequestRegisterClient', {
        ApplicationName: options.applicationName ?? 'test',
        ProtocolVersion: options.protocolVersion ?? 'tserver protocol 4.2',
        ...(options.extensions !== undefined ? { Extensions: KVList.from(options.extensions) } : {}),
      });
      if (reply.name !== 'EventServerInfo') throw new Error(`registration refused: ${describe(reply)}`);
      await this.waitFor((m) => m.name === 'EventLinkConnected' || m.name === 'EventLinkDisconnected');
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /** Sends a request with the next ReferenceID; resolves with the message carrying it back (reply or EventError). */
  request<N extends TMessageName>(
    name: N,
    attributes: TMessageAttributes<N>,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<TMessage> {
    return this.requestRaw({ name, attributes: tmessage(name, attributes).attributes }, timeoutMs);
  }

  /** Like `request` without the mandatory-attribute check, to provoke EventError 53. */
  requestRaw(message: TMessage, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<TMessage> {
    const reference = this.references.next();
    const reply = this.replies.track(
      reference,
      timeoutMs,
      () => new Error(`no reply to ${message.name} #${reference}`),
    );
    this.connection.send({ name: message.name, attributes: { ...message.attributes, ReferenceID: reference } });
    return reply;
  }

  /** Sends a request and expects `replyName` back. */
  async expectReply(
    name: TMessageName,
    attributes: TMessage['attributes'],
    replyName: TMessageName,
  ): Promise<TMessage> {
    const reply = await this.requestRaw({ name, attributes });
    if (reply.name !== replyName) throw new Error(`${name}: expected ${replyName}, got ${describe(reply)}`);
    return reply;
  }

  /** Sends a request and expects EventError with `code`. */
  async expectError(name: TMessageName, attributes: TMessage['attributes'], code: number): Promise<TMessage> {
    const reply = await this.requestRaw({ name, attributes });
    if (reply.name !== 'EventError' || reply.attributes.ErrorCode !== code) {
      throw new Error(`${name}: expected EventError ${code}, got ${describe(reply)}`);
    }
    return reply;
  }

  async register(...dns: string[]): Promise<void> {
    for (const dn of dns) {
      await this.expectReply(
        'RequestRegisterAddress',
        { ThisDN: dn, RegisterMode: 0, ControlMode: 0, AddressType: 1 },
        'EventRegistered',
      );
    }
  }

  /** Waits for the next switch events on `dn` and checks their names in order; returns them. */
  async expectEvents(dn: string, names: readonly TMessageName[], timeoutMs = DEFAULT_TIMEOUT_MS): Promise<TMessage[]> {
    const start = this.cursors.get(dn) ?? 0;
    await this.waitUntil(
      () => this.events(dn).length >= start + names.length,
      timeoutMs,
      () =>
        `${names.join(', ')} on ${dn}; got ${
          this.events(dn)
            .slice(start)
            .map((m) => m.name)
            .join(', ') || 'nothing'
        }`,
    );
    const got = this.events(dn).slice(start, start + names.length);
    this.cursors.set(dn, start + names.length);
    const gotNames = got.map((message) => message.name);
    if (gotNames.join() !== names.join()) {
      throw new Error(`events on ${dn}: expected ${names.join(', ')}, got ${gotNames.join(', ')}`);
    }
    return got;
  }

  /** Switch events on `dn` not yet consumed by `expectEvents`. */
  pendingEvents(dn: string): TMessage[] {
    return this.events(dn).slice(this.cursors.get(dn) ?? 0);
  }

  /** Resolves with the first received message (from the start) that matches. */
  async waitFor(match: (message: TMessage) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<TMessage> {
    await this.waitUntil(
      () => this.received.some(match),
      timeoutMs,
      () => 'a matching message',
    );
    return this.received.find(match)!;
  }

  async waitForClose(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<CloseReason> {
    await this.waitUntil(
      () => this.closeReason !== undefined,
      timeoutMs,
      () => 'the link to close',
    );
    return this.closeReason!;
  }

  close(): void {
    this.connection.destroy('test done');
  }

  private events(dn: string): TMessage[] {
    return this.received.filter(
      (message) => message.attributes.ThisDN === dn && message.attributes.EventSequenceNumber !== undefined,
    );
  }

  private waitUntil(done: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!done()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

export function describe(message: TMessage): string {
  const { ErrorCode, ErrorMessage } = message.attributes;
  return ErrorCode === undefined ? message.name : `${message.name} ${ErrorCode} (${ErrorMessage ?? ''})`;
}

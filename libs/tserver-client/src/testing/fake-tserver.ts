import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { FramedConnection } from '@gws/framed-link';
import { createTlibCodec, type TAttributes, type TMessage, type TMessageName } from '@gws/tlib';
import { defaultFakeHandler } from './default-fake-handler';

/** Answers the request being handled: the event gets the request's ReferenceID unless `attributes` sets one. */
export type FakeReply = (name: TMessageName, attributes?: TAttributes) => void;
export type FakeHandler = (request: TMessage, reply: FakeReply, server: FakeTServer) => void;

export interface FakeTServerOptions {
  /** Listen here (e.g. the port of a server that was closed, to "restart" it). @default 0 */
  readonly port?: number;
  /** ServerRole in the default EventServerInfo. @default 0 (primary) */
  readonly serverRole?: number;
  /** @default defaultFakeHandler */
  readonly handler?: FakeHandler;
}

/**
 * A raw T-Server for client tests (ioredis MockServer style): a real TCP server on 127.0.0.1 that decodes with the
 * production codec. Each test sets `handler`; `hang`, `answerAddp`, `sendRaw` and `dropLinks` inject faults.
 */
export class FakeTServer {
  /** Every request received, in order. */
  readonly received: TMessage[] = [];
  handler: FakeHandler;
  /** Receive requests but never answer them. */
  hang = false;
  /** ServerRole the default handler reports. */
  serverRole: number;
  /** Kept after close, so a test can restart a server on the same port. */
  readonly port: number;
  private answersAddp = true;
  private readonly links = new Set<FramedConnection<TMessage>>();
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    options: FakeTServerOptions,
  ) {
    this.handler = options.handler ?? defaultFakeHandler;
    this.serverRole = options.serverRole ?? 0;
    this.port = (server.address() as AddressInfo).port;
    server.on('connection', (socket) => this.accept(socket));
  }

  static async start(options: FakeTServerOptions = {}): Promise<FakeTServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    return new FakeTServer(server, options);
  }

  /** Open links, oldest first. */
  get clients(): FramedConnection<TMessage>[] {
    return [...this.links];
  }

  /** Whether links answer ADDP polls; false makes the client's ADDP declare the link dead. */
  set answerAddp(answer: boolean) {
    this.answersAddp = answer;
    for (const link of this.links) link.answerAddp = answer;
  }

  /** Sends an event to every open link. */
  broadcast(name: TMessageName, attributes: TAttributes = {}): void {
    for (const link of this.links) link.send({ name, attributes });
  }

  /** Writes hand-made bytes to every open link. */
  sendRaw(bytes: Uint8Array): void {
    for (const link of this.links) link.sendRaw(bytes);
  }

  /** Drops every open link at once (the listener stays up). */
  dropLinks(): void {
    for (const link of this.links) link.destroy('fake server dropped the link');
  }

  /** Stops listening and drops every link. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    const link = new FramedConnection<TMessage>({ socket, codec: createTlibCodec(), name: 'fake-tserver' });
    link.answerAddp = this.answersAddp;
    this.links.add(link);
    link.on('close', () => this.links.delete(link));
    link.on('message', (request) => {
      this.received.push(request);
      if (this.hang) return;
      const reply: FakeReply = (name, attributes = {}) => {
        link.send({ name, attributes: { ReferenceID: request.attributes.ReferenceID, ...attributes } });
      };
      this.handler(request, reply, this);
    });
  }
}

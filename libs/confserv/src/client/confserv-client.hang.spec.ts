import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { FramedConnection, RequestTimeoutError, type LinkStatus } from '@gws/framed-link';
import { statusTurns } from '@gws/testing';
import { isConfServUnavailable } from '../errors/confserv-unavailable';
import { ServerUnavailableError } from '../errors/server-unavailable.error';
import { CfgAppType, CfgObjectType } from '../protocol/cfg-enums';
import type { ConfServMessageName } from '../protocol/confserv-message-ids';
import { confservMessage, createConfServCodec, type ConfServMessage } from '../protocol/confserv-protocol';
import { ConfServClient } from './confserv-client';
import type { ConfServClientOptions } from './confserv-client-options';

/**
 * A loopback Configuration Server that answers registration and authentication, ignores the requests named in
 * `ignored`, and can hang: it stops reading its sockets (new ones too), as a stopped process would, so neither
 * requests nor ADDP polls get an answer until `resume`.
 */
class HangingConfServ {
  readonly ignored = new Set<ConfServMessageName>();
  connections = 0;
  /** Chunks read from every socket: on an idle link each one is an ADDP poll. */
  chunksRead = 0;
  private readonly chunkWaiters = new Set<{ count: number; resolve: () => void }>();
  private hung = false;
  private readonly sockets = new Set<Socket>();
  private readonly codec = createConfServCodec();

  private constructor(private readonly server: Server) {
    server.on('connection', (socket) => this.accept(socket));
  }

  static async start(): Promise<HangingConfServ> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new HangingConfServ(server);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  hang(): void {
    this.hung = true;
    for (const socket of this.sockets) socket.pause();
  }

  resume(): void {
    this.hung = false;
    for (const socket of this.sockets) socket.resume();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves once `count` more chunks have been read, or rejects after `timeoutMs`. */
  moreChunks(count: number, timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter = { count: this.chunksRead + count, resolve: () => (clearTimeout(timer), resolve()) };
      const timer = setTimeout(() => {
        this.chunkWaiters.delete(waiter);
        reject(new Error(`read ${this.chunksRead} of ${waiter.count} chunks within ${timeoutMs} ms`));
      }, timeoutMs);
      this.chunkWaiters.add(waiter);
    });
  }

  private accept(socket: Socket): void {
    this.connections++;
    this.sockets.add(socket);
    socket.on('data', () => {
      this.chunksRead++;
      for (const waiter of this.chunkWaiters) {
        if (this.chunksRead < waiter.count) continue;
        this.chunkWaiters.delete(waiter);
        waiter.resolve();
      }
    });
    socket.on('close', () => this.sockets.delete(socket));
    const link = new FramedConnection<ConfServMessage>({ socket, codec: this.codec, name: 'hanging confserv' });
    if (this.hung) socket.pause();
    link.on('message', (message) => {
      if (this.ignored.has(message.name)) return;
      const requestId = message.attributes.IATRCFG_REQUESTID ?? 0;
      if (message.name === 'RequestRegisterClient') {
        link.send(confservMessage('EventClientRegistered', { IATRCFG_REQUESTID: requestId }));
      } else if (message.name === 'RequestAuthenticate') {
        link.send(confservMessage('EventAuthenticated', { IATRCFG_REQUESTID: requestId, IATRCFG_DBID: 101 }));
      }
    });
  }
}

describe('ConfServClient and a Configuration Server that stops answering', () => {
  let server: HangingConfServ;
  let client: ConfServClient | undefined;

  beforeEach(async () => {
    server = await HangingConfServ.start();
  });
  afterEach(async () => {
    server.resume();
    client?.close();
    client = undefined;
    await server.close();
  });

  async function connectClient(options: Partial<ConfServClientOptions> = {}): Promise<ConfServClient> {
    client = new ConfServClient({
      endpoints: [{ host: '127.0.0.1', port: server.port }],
      applicationName: 'GWS_Cluster',
      applicationType: CfgAppType.ThirdPartyServer,
      requestTimeoutMs: 5000,
      retryStrategy: () => 20,
      ...options,
    });
    await client.connect();
    return client;
  }

  it('times a request out at its own timeout, closes the silent link, fails later requests at once, and reconnects', async () => {
    const cs = await connectClient();
    server.hang();
    const leftConnected = statusTurns(cs, (status) => status !== 'connected', 2000);
    const started = Date.now();
    const timeout: unknown = await cs.authenticate('agent1', 'password', { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(timeout).toBeInstanceOf(RequestTimeoutError);
    expect((timeout as RequestTimeoutError).timeoutMs).toBe(200);
    expect(isConfServUnavailable(timeout)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    await leftConnected;

    const refused: unknown = await cs.authenticate('agent1', 'password').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ServerUnavailableError);
    expect(isConfServUnavailable(refused)).toBe(true);

    const back = statusTurns(cs, (status) => status === 'connected', 3000);
    server.resume();
    await back;
    await expect(cs.authenticate('agent1', 'password')).resolves.toEqual({ userName: 'agent1', personDBID: 101 });
  });

  it('keeps the link when a request times out while the server still answers others', async () => {
    const cs = await connectClient();
    server.ignored.add('RequestReadObjects');
    const statuses: LinkStatus[] = [];
    cs.on('status', (change) => statuses.push(change.status));
    const read = cs.readObjects(CfgObjectType.Person, {}, { timeoutMs: 300 }).catch((e: unknown) => e);
    // Answered after the read was sent: the server is alive, only that request went unanswered.
    await expect(cs.authenticate('agent1', 'password')).resolves.toMatchObject({ personDBID: 101 });
    expect(await read).toBeInstanceOf(RequestTimeoutError);
    expect(cs.status).toBe('connected');
    expect(statuses).toEqual([]);
    expect(server.connections).toBe(1);
    await expect(cs.authenticate('agent1', 'password')).resolves.toMatchObject({ personDBID: 101 });
  });

  it('keeps the link when a slow request times out but the server answers the ADDP polls meanwhile', async () => {
    const cs = await connectClient({ addpTimeoutMs: 100 });
    server.ignored.add('RequestReadObjects');
    const statuses: LinkStatus[] = [];
    cs.on('status', (change) => statuses.push(change.status));
    const read: unknown = await cs.readObjects(CfgObjectType.Person, {}, { timeoutMs: 400 }).catch((e: unknown) => e);
    expect(read).toBeInstanceOf(RequestTimeoutError);
    expect(cs.status).toBe('connected');
    expect(statuses).toEqual([]);
    expect(server.connections).toBe(1);
  });

  it('notices with ADDP, without any request, that an idle server stopped answering, and registers again', async () => {
    const cs = await connectClient({ addpTimeoutMs: 100 });
    const leftConnected = statusTurns(cs, (status) => status !== 'connected', 2000);
    server.hang();
    await leftConnected;
    await expect(cs.authenticate('agent1', 'password')).rejects.toBeInstanceOf(ServerUnavailableError);

    const back = statusTurns(cs, (status) => status === 'connected', 3000);
    server.resume();
    await back;
    await expect(cs.authenticate('agent1', 'password')).resolves.toMatchObject({ personDBID: 101 });
  });

  it('keeps an idle link with ADDP on while the server answers the polls', async () => {
    const cs = await connectClient({ addpTimeoutMs: 50 });
    const statuses: LinkStatus[] = [];
    cs.on('status', (change) => statuses.push(change.status));
    // The client polls again only after its previous poll was answered: three polls read = two replies that counted.
    await server.moreChunks(3, 2000);
    expect(cs.status).toBe('connected');
    expect(statuses).toEqual([]);
    expect(server.connections).toBe(1);
    await expect(cs.authenticate('agent1', 'password')).resolves.toMatchObject({ personDBID: 101 });
  });
});

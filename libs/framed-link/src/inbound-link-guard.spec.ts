import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { recordingLogger, waitFor } from '@gws/testing';
import { createTlibCodec, tmessage, type TMessage } from '@gws/tlib';
import type { CloseReason } from './close-reason';
import { connectSocket } from './connect-socket';
import { FramedConnection } from './framed-connection';
import { InboundLinkGuard, resolveInboundLinkLimits, type InboundLinkLimits } from './inbound-link-guard';
import type { LinkLogger } from './link-logger';

const codec = createTlibCodec();
const REGISTER = tmessage('RequestRegisterClient', { ApplicationName: 'test', ProtocolVersion: 'p' });

/** A listener whose links register with RequestRegisterClient and echo every message back. */
async function guardedServer(limits: InboundLinkLimits, logger: LinkLogger) {
  const server: Server = createServer();
  const guard = new InboundLinkGuard(server, { name: 'test listener', limits, logger });
  const links: FramedConnection<TMessage>[] = [];
  const closes: CloseReason[] = [];
  server.on('connection', (socket) => {
    const link = new FramedConnection<TMessage>({ socket, codec, name: `link ${links.length + 1}`, logger });
    const pending = guard.admit(link);
    links.push(link);
    link.on('message', (message) => {
      if (message.name === 'RequestRegisterClient') pending.registered();
      link.send(message);
    });
    link.on('close', (reason) => closes.push(reason));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, guard, links, closes, port: (server.address() as AddressInfo).port };
}

/** A client link that records what comes back and how it closed. */
async function client(port: number) {
  const socket: Socket = await connectSocket({ host: '127.0.0.1', port }, 2000);
  const link = new FramedConnection<TMessage>({ socket, codec, name: 'client' });
  const received: TMessage[] = [];
  let closed: CloseReason | undefined;
  link.on('message', (message) => received.push(message));
  link.on('close', (reason) => (closed = reason));
  return {
    link,
    received,
    closed: () => closed,
    /** Sends `message` and waits for its echo. */
    echo: async (message: TMessage) => {
      const before = received.length;
      link.send(message);
      await waitFor(() => received.length > before || closed !== undefined, 2000, `echo of ${message.name}`);
      if (received.length === before) throw new Error(`link closed: ${closed?.detail ?? '?'}`);
    },
  };
}

describe('InboundLinkGuard', () => {
  const teardown: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of teardown.splice(0).reverse()) await close();
  });

  async function start(limits: InboundLinkLimits) {
    const logger = recordingLogger();
    const listener = await guardedServer(limits, logger);
    teardown.push(() => new Promise<void>((resolve) => listener.server.close(() => resolve())));
    teardown.push(() => listener.links.forEach((link) => link.destroy('test done')));
    const connect = async () => {
      const c = await client(listener.port);
      teardown.push(() => c.link.destroy('test done'));
      return c;
    };
    return { ...listener, logger, connect };
  }

  it('refuses connections beyond maxConnections, logged, while the earlier links keep working', async () => {
    const { links, guard, logger, connect } = await start({ maxConnections: 2 });
    const first = await connect();
    const second = await connect();
    await waitFor(() => links.length === 2, 2000, 'two links accepted');
    const third = await connect();
    await waitFor(() => third.closed() !== undefined, 2000, 'the third connection to be closed');
    expect(links).toHaveLength(2);
    expect(guard.refusedConnections).toBe(1);
    expect(logger.lines.filter((line) => line.startsWith('warn connection refused: listener is full'))).toHaveLength(1);
    expect(logger.lines.find((line) => line.startsWith('warn connection refused'))).toContain('"maxConnections":2');
    await first.echo(REGISTER);
    await second.echo(REGISTER);
  });

  it('closes a link that has not registered in time, with the reason logged, and spares registered ones', async () => {
    const { closes, logger, connect } = await start({ registrationTimeoutMs: 100 });
    const registered = await connect();
    await registered.echo(REGISTER);
    const silent = await connect();
    await waitFor(() => silent.closed() !== undefined, 2000, 'the unregistered link to be closed');
    expect(closes).toEqual([{ kind: 'local', detail: 'not registered within 100 ms' }]);
    expect(logger.lines.some((line) => line.startsWith('warn closing link: not registered in time'))).toBe(true);
    // The registered link connected first: had its deadline not been stopped, it would have gone before this one.
    await registered.echo(tmessage('RequestQueryServer', {}));
    expect(registered.closed()).toBeUndefined();
  });

  it('refuses a frame over the pre-registration limit, and takes the same frame once registered', async () => {
    const { closes, connect } = await start({ unregisteredMaxFrameBytes: 1024 });
    const big = tmessage('RequestRegisterClient', { ApplicationName: 'x'.repeat(2000), ProtocolVersion: 'p' });
    const bigBytes = codec.encode(big).length;
    const early = await connect();
    early.link.send(big);
    await waitFor(() => early.closed() !== undefined, 2000, 'the early link to be closed');
    expect(closes).toEqual([
      { kind: 'protocol-error', detail: `frame of ${bigBytes} bytes exceeds the maximum of 1024 bytes` },
    ]);
    const late = await connect();
    await late.echo(REGISTER);
    await late.echo(big);
    expect(late.received.at(-1)).toEqual(big);
  });

  it('checks its limits', () => {
    expect(resolveInboundLinkLimits()).toEqual({
      maxConnections: 1000,
      registrationTimeoutMs: 10_000,
      unregisteredMaxFrameBytes: 65_536,
    });
    expect(resolveInboundLinkLimits({ maxConnections: 5, registrationTimeoutMs: undefined })).toMatchObject({
      maxConnections: 5,
      registrationTimeoutMs: 10_000,
    });
    expect(() => resolveInboundLinkLimits({ maxConnections: 0 })).toThrow(RangeError);
    expect(() => resolveInboundLinkLimits({ registrationTimeoutMs: 1.5 })).toThrow(RangeError);
    expect(() => resolveInboundLinkLimits({ unregisteredMaxFrameBytes: 10 })).toThrow(RangeError);
  });
});

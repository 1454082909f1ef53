import { RetriesExhaustedError } from '@gws/framed-link';
import { waitFor } from '@gws/testing';
import type { StatusChange } from './client-events';
import { LinkDownError } from './errors/link-down.error';
import { ProtocolVersionError } from './errors/protocol-version.error';
import { ClientHarness } from './testing/client-harness';
import { defaultFakeHandler } from './testing/default-fake-handler';
import { nextEvent } from './testing/next-event';

const CONN = '006e02a9c4b1d001';
const isStatus = (status: StatusChange['status']) => (change: StatusChange) => change.status === status;

describe('TServerClient: outages, reconnect and failover', () => {
  const harness = new ClientHarness();
  afterEach(() => harness.closeAll());

  it('fails a request at once while no link is up, as safe to retry', async () => {
    const server = await harness.server();
    const { client } = await harness.connected(server, { retryStrategy: () => 60_000 });
    const down = nextEvent(client, 'status', isStatus('disconnected'));
    await server.close();
    await down;
    // Refused without waiting on the network or a timer: settled before the event loop turns again.
    const nextTurn = new Promise((resolve) => setImmediate(() => resolve('still pending after one turn')));
    const failure = await Promise.race([client.agent.ready('5001').catch((error: unknown) => error), nextTurn]);
    expect(failure).toBeInstanceOf(LinkDownError);
    expect(failure).toMatchObject({ requestName: 'RequestAgentReady', sent: false, retriable: true });
  });

  it('fails in-flight requests with LinkDownError (sent, not retriable) when the link drops', async () => {
    const server = await harness.server();
    const { client, statuses } = await harness.connected(server, { retryStrategy: () => 60_000 });
    server.hang = true;
    const inFlight = [client.calls.answer('5001', CONN), client.calls.hold('5001', CONN)].map((promise) =>
      promise.catch((error: unknown) => error),
    );
    await waitFor(() => server.received.length === 3, 1000, 'both requests to arrive');
    server.dropLinks();
    for (const failure of await Promise.all(inFlight)) {
      expect(failure).toBeInstanceOf(LinkDownError);
      expect(failure).toMatchObject({ sent: true, retriable: false });
    }
    await waitFor(() => client.status === 'disconnected' || client.status === 'connecting', 1000, 'link loss');
    expect(statuses.find(isStatus('disconnected'))?.reason?.kind).toBe('remote-closed');
  });

  it('reconnects with backoff after the server restarts on the same port', async () => {
    const server = await harness.server();
    const rounds: number[] = [];
    const { client } = await harness.connected(server, { retryStrategy: (round) => (rounds.push(round), 10) });
    const port = server.port;
    const down = nextEvent(client, 'status', isStatus('disconnected'));
    await server.close();
    await down;
    await waitFor(() => rounds.length >= 3, 2000, 'three backoff rounds');
    const back = nextEvent(client, 'status', isStatus('connected'));
    const restarted = await harness.server({ port });
    await back;
    expect(rounds.slice(0, 3)).toEqual([1, 2, 3]);
    expect(restarted.received[0]?.name).toBe('RequestRegisterClient');
    expect((await client.agent.ready('5001')).name).toBe('EventACK');
  });

  it('fails over to the backup when the primary is down, and back when the backup is lost', async () => {
    const primary = await harness.server();
    const backup = await harness.server({ serverRole: 1 });
    const primaryPort = primary.port;
    await primary.close();
    const retries: number[] = [];
    const { client, statuses } = await harness.connected(
      primary,
      { retryStrategy: (round) => (retries.push(round), 10) },
      backup,
    );
    expect(client.endpoint?.which).toBe('backup');
    expect(client.role).toBe('backup');
    expect(retries).toEqual([]);
    const revived = await harness.server({ port: primaryPort });
    const back = nextEvent(client, 'status', (change) => change.status === 'connected');
    backup.dropLinks();
    await back;
    expect(client.endpoint?.which).toBe('primary');
    expect(retries).toEqual([]);
    expect(revived.received).toHaveLength(1);
    const tried = statuses.filter(isStatus('connecting')).map((change) => change.endpoint?.which);
    expect(tried).toEqual(['primary', 'backup', 'primary']);
  });

  it('passes over a standby backup while the primary is still up, and goes back to the primary', async () => {
    const primary = await harness.server();
    const backup = await harness.server({ serverRole: 1 });
    const retries: number[] = [];
    const { client, statuses } = await harness.connected(
      primary,
      { retryStrategy: (round) => (retries.push(round), 10) },
      backup,
    );
    const back = nextEvent(
      client,
      'status',
      (change) => change.status === 'connected' && change.previous !== 'connected',
    );
    primary.dropLinks();
    await back;
    expect(client.endpoint?.which).toBe('primary');
    expect(client.role).toBe('primary');
    expect(backup.received.map((message) => message.name)).toEqual(['RequestRegisterClient']);
    const tried = statuses.filter(isStatus('connecting')).map((change) => change.endpoint?.which);
    expect(tried).toEqual(['primary', 'backup', 'primary']);
    // One backoff step before going back to the endpoint that just dropped the link, by the loop's design.
    expect(retries).toEqual([1]);
  });

  it('alternates primary and backup with a backoff between rounds while both are down', async () => {
    const primary = await harness.server();
    const backup = await harness.server();
    const ports = [primary.port, backup.port];
    await Promise.all([primary.close(), backup.close()]);
    const retries: number[] = [];
    const { client, statuses } = harness.client(
      primary,
      { retryStrategy: (round) => (retries.push(round), 5) },
      backup,
    );
    const connected = client.connect();
    await waitFor(() => retries.length >= 2, 2000, 'two backoff rounds');
    await harness.server({ port: ports[1] });
    await connected;
    const tried = statuses.filter(isStatus('connecting')).map((change) => change.endpoint?.which);
    expect(tried.slice(0, 5)).toEqual(['primary', 'backup', 'primary', 'backup', 'primary']);
    expect(retries.slice(0, 2)).toEqual([1, 2]);
    expect(client.endpoint?.which).toBe('backup');
  });

  it('drops the link when ADDP polls go unanswered, then reconnects', async () => {
    const server = await harness.server();
    const { client, statuses } = await harness.connected(server, {
      addp: { localTimeoutMs: 50, remoteTimeoutMs: 0 },
    });
    const down = nextEvent(client, 'status', isStatus('disconnected'));
    server.answerAddp = false;
    expect((await down).reason?.kind).toBe('addp-timeout');
    server.answerAddp = true;
    await nextEvent(client, 'status', isStatus('connected'));
    expect(statuses.filter(isStatus('connected'))).toHaveLength(2);
  });

  it('closes the link on a corrupt frame from the server and reconnects', async () => {
    const server = await harness.server();
    const { client } = await harness.connected(server);
    const down = nextEvent(client, 'status', isStatus('disconnected'));
    server.sendRaw(Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n'));
    expect((await down).reason?.kind).toBe('protocol-error');
    await nextEvent(client, 'status', isStatus('connected'));
    expect((await client.agent.ready('5001')).name).toBe('EventACK');
  });

  it('stops at once with ProtocolVersionError when registration is refused with EventError 55', async () => {
    const server = await harness.server();
    server.handler = (request, reply, self) =>
      request.name === 'RequestRegisterClient'
        ? reply('EventError', { ErrorCode: 55, ErrorMessage: 'Incorrect protocol version' })
        : defaultFakeHandler(request, reply, self);
    const { client, statuses } = harness.client(server, { protocolVersion: 'tserver protocol 9.9' });
    const failure = await client.connect().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProtocolVersionError);
    expect((failure as Error).message).toContain('"tserver protocol 9.9"');
    expect(client.status).toBe('closed');
    expect(statuses.at(-1)?.error).toBe(failure);
    expect(server.received.filter((message) => message.name === 'RequestRegisterClient')).toHaveLength(1);
  });

  it('retries a registration that times out, and gives up when retryStrategy returns null', async () => {
    const server = await harness.server();
    server.hang = true;
    const { client } = harness.client(server, {
      requestTimeoutMs: 20,
      retryStrategy: (round) => (round <= 2 ? 5 : null),
    });
    const failure = await client.connect().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RetriesExhaustedError);
    expect((failure as Error).message).toMatch(/after 2 failed rounds .*RequestRegisterClient/);
    expect(server.received).toHaveLength(3);
    expect(client.status).toBe('closed');
  });

  it('reports the CTI link state and a change of server role', async () => {
    const server = await harness.server();
    const { client } = await harness.connected(server);
    const linkDown = nextEvent(client, 'linkState');
    server.broadcast('EventLinkDisconnected', {});
    expect((await linkDown).up).toBe(false);
    expect(client.ctiLink).toBe('down');
    const promoted = nextEvent(client, 'status', (change) => change.role === 'backup');
    server.broadcast('EventServerInfo', { ServerRole: 1 });
    expect((await promoted).status).toBe('connected');
  });
});

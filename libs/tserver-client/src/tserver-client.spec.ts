import { AgentWorkMode, CallType, KVList, tmessage, type TMessage } from '@gws/tlib';
import { ClientClosedError, RequestTimeoutError } from '@gws/framed-link';
import { recordingLogger, waitFor } from '@gws/testing';
import { TServerRequestError } from './errors/tserver-request.error';
import { ClientHarness } from './testing/client-harness';
import { defaultFakeHandler } from './testing/default-fake-handler';

const CONN = '006e02a9c4b1d001';

describe('TServerClient: session and correlation', () => {
  const harness = new ClientHarness();
  afterEach(() => harness.closeAll());

  it('registers with RequestRegisterClient first and is connected on EventServerInfo', async () => {
    const server = await harness.server({ serverRole: 1 });
    const logger = recordingLogger();
    const { client, statuses } = await harness.connected(server, {
      applicationPassword: 'tenant/s3cret',
      addp: { localTimeoutMs: 4000, remoteTimeoutMs: 250 },
      logger,
    });
    expect(statuses.map((change) => change.status)).toEqual(['connecting', 'registering', 'connected']);
    expect(client.status).toBe('connected');
    expect(client.role).toBe('backup');
    expect(client.endpoint).toEqual({ which: 'primary', host: '127.0.0.1', port: server.port });
    const register = server.received[0]!;
    expect(register.name).toBe('RequestRegisterClient');
    expect(register.attributes).toMatchObject({
      ApplicationName: 'gws-test',
      ApplicationPassword: 'tenant/s3cret',
      ProtocolVersion: 'tserver protocol 4.2',
    });
    expect(register.attributes.Extensions?.toObject()).toEqual({ 'addp-timeout': 4, 'addp-remote-timeout': '0.25' });
    expect(logger.lines.some((line) => line.includes('T-Server link up'))).toBe(true);
    expect(logger.lines.join('\n')).not.toContain('s3cret');
  });

  it('resolves each request with its direct reply, stamping increasing ReferenceIDs', async () => {
    const server = await harness.server();
    const { client } = await harness.connected(server);
    const [ready, notReady] = await Promise.all([
      client.agent.ready('5001', AgentWorkMode.ManualIn),
      client.agent.notReady('5001', { workMode: AgentWorkMode.AuxWork, reasons: { ReasonCode: '12' } }),
    ]);
    expect(ready.name).toBe('EventACK');
    expect(notReady.name).toBe('EventACK');
    const sent = server.received.slice(1);
    expect(sent.map((message) => message.attributes.ReferenceID)).toEqual([2, 3]);
    expect(sent[1]?.attributes.Reasons?.get('ReasonCode')).toBe('12');
  });

  it('crosses the int32 wrap of ReferenceID without reusing 0', async () => {
    const server = await harness.server();
    const { client } = await harness.connected(server, { initialReferenceId: 0x7ffffffe });
    await client.dn.queryAddress('5001', 4);
    await client.dn.queryAddress('5001', 4);
    expect(server.received.map((message) => message.attributes.ReferenceID)).toEqual([0x7fffffff, 1, 2]);
  });

  it('settles on the spec reply only; other events with the ReferenceID go to the event stream', async () => {
    const server = await harness.server();
    server.handler = (request, reply, self) => {
      if (request.name !== 'RequestInitiateTransfer') return defaultFakeHandler(request, reply, self);
      const { ThisDN, OtherDN } = request.attributes;
      reply('EventDialing', { ThisDN, ConnID: '006e02a9c4b1d002', CallType: CallType.Consult, OtherDN });
      reply('EventHeld', { ThisDN, ConnID: CONN });
    };
    const { client, events } = await harness.connected(server);
    const reply = await client.calls.initiateTransfer('5001', CONN, '5002', { userData: { Case: 'A-1' } });
    expect(reply.name).toBe('EventHeld');
    expect(events.map((event) => event.name)).toEqual(['EventServerInfo', 'EventDialing', 'EventHeld']);
    expect(server.received[1]?.attributes.UserData?.get('Case')).toBe('A-1');
  });

  it('rejects with TServerRequestError on EventError with the ReferenceID', async () => {
    const server = await harness.server();
    server.handler = (request, reply, self) =>
      request.name === 'RequestAnswerCall'
        ? reply('EventError', { ErrorCode: 56, ErrorMessage: 'Invalid connection ID' })
        : defaultFakeHandler(request, reply, self);
    const { client } = await harness.connected(server);
    const failure = await client.calls.answer('5001', CONN).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TServerRequestError);
    expect(failure).toMatchObject({
      errorCode: 56,
      errorMessage: 'Invalid connection ID',
      requestName: 'RequestAnswerCall',
      referenceId: 2,
      retriable: false,
    });
    expect((failure as Error).message).toBe(
      'RequestAnswerCall (ReferenceID 2) refused: EventError 56 Invalid connection ID',
    );
  });

  it('times out with RequestTimeoutError naming the option, and forgets the request', async () => {
    const server = await harness.server();
    const { client } = await harness.connected(server, { requestTimeoutMs: 50 });
    server.hang = true;
    const failure = await client.calls.hold('5001', CONN).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RequestTimeoutError);
    expect(failure).toMatchObject({ requestName: 'RequestHoldCall', requestId: 2, timeoutMs: 50 });
    expect((failure as Error).message).toContain('requestTimeoutMs');
    server.hang = false;
    expect((await client.calls.hold('5001', CONN)).name).toBe('EventACK');
  });

  it('logs an unmatched reply at debug, correlates nothing with it, and still emits it', async () => {
    const server = await harness.server();
    const logger = recordingLogger();
    const { client, events } = await harness.connected(server, { logger });
    server.broadcast('EventAgentReady', { ThisDN: '5001', ReferenceID: 999 });
    await waitFor(() => events.some((event) => event.name === 'EventAgentReady'), 1000, 'EventAgentReady');
    expect(logger.lines.some((line) => line.startsWith('debug reply without a request in flight'))).toBe(true);
    expect((await client.agent.ready('5001')).attributes.ReferenceID).toBe(2);
  });

  it('emits every event, direct replies and unsolicited ones, and builds requests from the helpers', async () => {
    const server = await harness.server();
    const { client, events } = await harness.connected(server);
    const ringing = tmessage('EventRinging', { ThisDN: '5001', ConnID: CONN, CallType: CallType.Inbound });
    server.broadcast(ringing.name, ringing.attributes);
    await client.userData.update('5001', CONN, { Segment: 'Gold' });
    await client.calls.completeTransfer('5001', CONN, '006e02a9c4b1d002');
    await client.dn.forwardSet('5001', '5002');
    await client.agent.login('5001', { agentId: '1001', queue: '8001', password: 'pw' });
    expect(events.map((event) => event.name)).toEqual([
      'EventServerInfo',
      'EventRinging',
      'EventACK',
      'EventACK',
      'EventACK',
      'EventACK',
    ]);
    const [, update, complete, forward, login] = server.received as [TMessage, ...TMessage[]];
    expect(update?.attributes.UserData).toEqual(KVList.from({ Segment: 'Gold' }));
    expect(complete?.attributes).toMatchObject({ ConnID: CONN, TransferConnID: '006e02a9c4b1d002' });
    expect(forward?.attributes).toMatchObject({ OtherDN: '5002', ForwardMode: 1 });
    expect(login?.attributes).toMatchObject({ AgentID: '1001', ThisQueue: '8001', Password: 'pw' });
  });

  it('close() while registering stays closed and drops the half-open link', async () => {
    const server = await harness.server();
    server.hang = true;
    const { client, statuses } = harness.client(server);
    const connecting = client.connect().catch((error: unknown) => error);
    await waitFor(() => server.received.length === 1, 1000, 'RequestRegisterClient');
    client.close();
    expect(await connecting).toBeInstanceOf(ClientClosedError);
    await waitFor(() => server.clients.length === 0, 1000, 'the server to see the link close');
    expect(statuses.map((change) => change.status)).toEqual(['connecting', 'registering', 'closed']);
    expect(client.status).toBe('closed');
  });

  it('close() fails in-flight requests, stops reconnecting and refuses new requests', async () => {
    const server = await harness.server();
    const { client, statuses } = await harness.connected(server);
    server.hang = true;
    const inFlight = client.calls.release('5001', CONN).catch((error: unknown) => error);
    await waitFor(() => server.received.length === 2, 1000, 'the request to arrive');
    client.close();
    expect(await inFlight).toBeInstanceOf(ClientClosedError);
    expect(client.status).toBe('closed');
    await expect(client.agent.ready('5001')).rejects.toBeInstanceOf(ClientClosedError);
    await expect(client.connect()).rejects.toBeInstanceOf(ClientClosedError);
    await waitFor(() => server.clients.length === 0, 1000, 'the server to see the link close');
    expect(statuses.at(-1)?.status).toBe('closed');
    expect(statuses.filter((change) => change.status === 'connecting')).toHaveLength(1);
  });
});

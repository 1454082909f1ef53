import { recordingLogger } from '@gws/testing';
import { createTlibCodec, KVList, tmessage, type TMessage } from '@gws/tlib';
import type { CloseReason } from './close-reason';
import { FramedConnection } from './framed-connection';
import type { LinkLogger } from './link-logger';
import { linkedSockets, waitFor } from './testing/linked-pair';

const codec = createTlibCodec();

describe('FramedConnection', () => {
  let teardown: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(teardown.map((close) => close()));
    teardown = [];
  });

  async function pair(
    options: { clientAddpMs?: number; serverAddpMs?: number; serverMaxFrameBytes?: number; logger?: LinkLogger } = {},
  ) {
    const sockets = await linkedSockets();
    teardown.push(sockets.close);
    const client = new FramedConnection<TMessage>({
      socket: sockets.client,
      codec,
      name: 'client',
      addpTimeoutMs: options.clientAddpMs ?? 0,
      ...(options.logger ? { logger: options.logger } : {}),
    });
    const server = new FramedConnection<TMessage>({
      socket: sockets.server,
      codec,
      name: 'server',
      addpTimeoutMs: options.serverAddpMs ?? 0,
      ...(options.serverMaxFrameBytes !== undefined ? { maxFrameBytes: options.serverMaxFrameBytes } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    const received = { client: [] as TMessage[], server: [] as TMessage[] };
    const closes = { client: [] as CloseReason[], server: [] as CloseReason[] };
    client.on('message', (message) => received.client.push(message));
    server.on('message', (message) => received.server.push(message));
    client.on('close', (reason) => closes.client.push(reason));
    server.on('close', (reason) => closes.server.push(reason));
    return { client, server, received, closes, sockets };
  }

  it('carries messages both ways, whole and split across writes', async () => {
    const { client, server, received, sockets } = await pair();
    const ringing = tmessage('EventRinging', {
      ThisDN: '5001',
      ConnID: '006e02a9c4b1d001',
      CallType: 2,
      UserData: KVList.from({ Customer: 'ACME' }),
    });
    client.send(tmessage('RequestAgentReady', { ThisDN: '5001', ReferenceID: 7 }));
    const bytes = codec.encode(ringing);
    sockets.server.write(bytes.subarray(0, 5));
    sockets.server.write(bytes.subarray(5));
    server.send(ringing);
    await waitFor(() => received.server.length === 1 && received.client.length === 2);
    expect(received.server[0]).toEqual({ name: 'RequestAgentReady', attributes: { ThisDN: '5001', ReferenceID: 7 } });
    expect(received.client.map((message) => message.attributes.UserData?.get('Customer'))).toEqual(['ACME', 'ACME']);
  });

  it('closes only the link that sent a bad frame, with the reason logged', async () => {
    const logger = recordingLogger();
    const bad = await pair({ logger });
    const good = await pair();
    bad.sockets.client.write(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
    await waitFor(() => bad.closes.server.length === 1);
    expect(bad.closes.server[0]?.kind).toBe('protocol-error');
    expect(bad.closes.server[0]?.detail).toMatch(/frame tag/);
    expect(logger.lines.some((line) => line.includes('closing link: bad frame'))).toBe(true);
    expect(bad.server.send(tmessage('EventACK', {}))).toBe(false);

    good.client.send(tmessage('RequestQueryServer', {}));
    await waitFor(() => good.received.server.length === 1);
    expect(good.closes.server).toEqual([]);
  });

  it('keeps an idle link alive with ADDP polls the peer answers', async () => {
    const { client, closes } = await pair({ clientAddpMs: 20 });
    await waitFor(() => client.addpPollsSent >= 3, 2000, 'three ADDP polls');
    expect(closes.client).toEqual([]);
    expect(client.closed).toBe(false);
  });

  it('declares the link dead when the peer stops answering ADDP', async () => {
    const { client, server, closes } = await pair({ clientAddpMs: 20 });
    server.answerAddp = false;
    await waitFor(() => closes.client.length === 1, 2000, 'ADDP timeout');
    expect(client.addpPollsSent).toBeGreaterThanOrEqual(1);
    expect(closes.client[0]).toEqual({ kind: 'addp-timeout', detail: 'no ADDP reply within 20 ms' });
    await waitFor(() => closes.server.length === 1, 2000, 'server side close');
    expect(closes.server[0]?.kind).toBe('remote-closed');
  });

  it('keeps the link open when a message listener throws', async () => {
    const logger = recordingLogger();
    const { client, server, received } = await pair({ logger });
    expect(client.closed).toBe(false);
    let calls = 0;
    server.on('message', () => {
      calls++;
      if (calls === 1) throw new Error('listener bug');
    });
    client.send(tmessage('RequestQueryServer', {}));
    client.send(tmessage('RequestQueryServer', {}));
    await waitFor(() => received.server.length === 2);
    expect(server.closed).toBe(false);
    expect(logger.lines.some((line) => line.includes('message handler failed'))).toBe(true);
  });

  it('reports one close per link, the first reason winning', async () => {
    const { client, closes } = await pair();
    client.close('shutting down');
    client.destroy('again');
    await waitFor(() => closes.server.length === 1);
    expect(closes.client).toEqual([{ kind: 'local', detail: 'shutting down' }]);
    expect(client.send(tmessage('EventACK', {}))).toBe(false);
  });

  it('raises and lowers the frame limit while the link is up, from the next frame header on', async () => {
    const logger = recordingLogger();
    const big = tmessage('RequestRegisterClient', { ApplicationName: 'x'.repeat(2000), ProtocolVersion: 'p' });
    const small = tmessage('RequestQueryServer', {});
    const bigBytes = codec.encode(big).length;
    expect(bigBytes).toBeGreaterThan(1024);

    const raised = await pair({ serverMaxFrameBytes: 1024 });
    expect(raised.server.maxFrameBytes).toBe(1024);
    raised.server.once('message', () => raised.server.setMaxFrameBytes(codec.maxFrameBytes));
    // One write: the limit is raised while the first frame is handled, before the second one's header is read.
    raised.sockets.client.write(Buffer.concat([codec.encode(small), codec.encode(big)]));
    await waitFor(() => raised.received.server.length === 2, 2000, 'both frames');
    expect(raised.received.server[1]).toEqual(big);
    expect(raised.closes.server).toEqual([]);

    const lowered = await pair({ logger });
    lowered.server.setMaxFrameBytes(1024);
    lowered.client.send(big);
    await waitFor(() => lowered.closes.server.length === 1, 2000, 'server close');
    expect(lowered.closes.server[0]).toEqual({
      kind: 'protocol-error',
      detail: `frame of ${bigBytes} bytes exceeds the maximum of 1024 bytes`,
    });
    expect(lowered.received.server).toEqual([]);
    expect(logger.lines.some((line) => line.includes('closing link: bad frame'))).toBe(true);
    expect(() => lowered.client.setMaxFrameBytes(codec.maxFrameBytes + 1)).toThrow(RangeError);
    expect(() => lowered.client.setMaxFrameBytes(10)).toThrow(RangeError);
  });
});

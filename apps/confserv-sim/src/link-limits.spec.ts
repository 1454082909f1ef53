import { recordingLogger, waitFor } from '@gws/testing';
import { CfgAppType, CfgObjectType, confservMessage, createConfServCodec, type ConfServMessage } from '@gws/confserv';
import { connectSocket, FramedConnection, type CloseReason } from '@gws/framed-link';
import { SimFixture } from './testing/sim-fixture';

const codec = createConfServCodec();

function register(requestId: number, attributes: Record<string, string> = {}): ConfServMessage {
  return confservMessage('RequestRegisterClient', {
    IATRCFG_REQUESTID: requestId,
    SATRCFG_APPNAME: 'raw',
    IATRCFG_APPTYPE: CfgAppType.ThirdPartyServer,
    ...attributes,
  });
}

/** A bare protocol link, to send what ConfServClient would not (oversized frames, nothing at all). */
async function rawLink(port: number) {
  const socket = await connectSocket({ host: '127.0.0.1', port }, 2000);
  const link = new FramedConnection<ConfServMessage>({ socket, codec, name: 'raw client' });
  const received: ConfServMessage[] = [];
  let closed: CloseReason | undefined;
  link.on('message', (message) => received.push(message));
  link.on('close', (reason) => (closed = reason));
  return {
    link,
    closed: () => closed,
    /** Sends a request and resolves with the first answer carrying its request id. */
    async exchange(message: ConfServMessage): Promise<ConfServMessage> {
      const id = message.attributes.IATRCFG_REQUESTID;
      const answer = (): ConfServMessage | undefined => received.find((m) => m.attributes.IATRCFG_REQUESTID === id);
      link.send(message);
      await waitFor(() => answer() !== undefined || closed !== undefined, 2000, `answer to ${message.name}`);
      const found = answer();
      if (found === undefined) throw new Error(`link closed: ${closed?.detail ?? '?'}`);
      return found;
    },
    async waitForClose(): Promise<CloseReason> {
      await waitFor(() => closed !== undefined, 2000, 'the link to close');
      return closed!;
    },
  };
}

describe('Configuration Server simulator: link limits', () => {
  const fixture = new SimFixture();
  const raws: { link: FramedConnection<ConfServMessage> }[] = [];
  afterEach(async () => {
    for (const raw of raws.splice(0)) raw.link.destroy('test done');
    await fixture.closeAll();
  });
  const raw = async (port: number) => {
    const link = await rawLink(port);
    raws.push(link);
    return link;
  };

  it('refuses connections beyond maxConnections, logged, while earlier clients keep working', async () => {
    const logger = recordingLogger();
    const simulator = await fixture.simulator({ maxConnections: 2, logger });
    const first = await fixture.client(simulator.port);
    const second = await raw(simulator.port);
    expect((await second.exchange(register(1))).name).toBe('EventClientRegistered');
    const refused = await raw(simulator.port);
    await refused.waitForClose();
    expect(logger.lines.filter((line) => line.startsWith('warn connection refused: listener is full'))).toEqual([
      expect.stringContaining('"listener":"confserv-sim"'),
    ]);
    expect(simulator.connections).toBe(2);
    await expect(first.readObjects(CfgObjectType.Skill)).resolves.not.toHaveLength(0);
    expect((await second.exchange(register(2))).name).toBe('EventClientRegistered');
  });

  it('closes a link that has not registered within registrationTimeoutMs, logged, and keeps serving the others', async () => {
    const logger = recordingLogger();
    const simulator = await fixture.simulator({ registrationTimeoutMs: 150, logger });
    const client = await fixture.client(simulator.port);
    const guesser = await raw(simulator.port);
    const refusal = await guesser.exchange(register(1, { SATRCFG_USERNAME: 'agent1', SATRCFG_PASSWORD: 'guess' }));
    expect(refusal.name).toBe('EventError');
    expect(await guesser.waitForClose()).toMatchObject({ kind: 'remote-closed' });
    expect(logger.lines.filter((line) => line.startsWith('warn closing link: not registered in time'))).toEqual([
      expect.stringContaining('"timeoutMs":150'),
    ]);
    // `client` connected first: had registration not stopped its deadline, it would be gone by now.
    await expect(client.authenticate('agent1', 'password')).resolves.toMatchObject({ personDBID: 101 });
    expect(simulator.connections).toBe(1);
  });

  it('closes a link whose frame exceeds unregisteredMaxFrameBytes before registration, and takes it after', async () => {
    const logger = recordingLogger();
    const simulator = await fixture.simulator({ logger });
    const client = await fixture.client(simulator.port);
    const big = register(2, { SATRCFG_APPNAME: 'x'.repeat(80_000) });
    const bigBytes = codec.encode(big).length;
    expect(bigBytes).toBeGreaterThan(64 * 1024);

    const early = await raw(simulator.port);
    early.link.send(big);
    await early.waitForClose();
    expect(
      logger.lines.some((line) =>
        line.includes(`"reason":"frame of ${bigBytes} bytes exceeds the maximum of 65536 bytes"`),
      ),
    ).toBe(true);

    const late = await raw(simulator.port);
    expect((await late.exchange(register(1))).name).toBe('EventClientRegistered');
    expect((await late.exchange(big)).name).toBe('EventClientRegistered');
    await expect(client.readAgentProfile('agent1')).resolves.toMatchObject({ dns: [{ number: '5001' }] });
  });
});

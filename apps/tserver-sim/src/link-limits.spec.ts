import { recordingLogger } from '@gws/testing';
import { createTlibCodec, KVList, TErrorCode, tmessage } from '@gws/tlib';
import { SimulatorFixture } from './testing/simulator-fixture';

const REGISTER = { ApplicationName: 'GWS', ProtocolVersion: 'tserver protocol 4.2' };

describe('T-Server simulator: link limits', () => {
  const fixture = new SimulatorFixture();
  afterEach(() => fixture.teardown());

  it('refuses connections beyond maxConnections per listener, logged, while earlier clients keep working', async () => {
    const logger = recordingLogger();
    const sim = await fixture.start({ maxConnections: 2, logger });
    const first = await fixture.client(sim.primaryPort);
    const second = await fixture.client(sim.primaryPort);
    const refused = await fixture.client(sim.primaryPort, { register: false });
    expect((await refused.waitForClose()).kind).toMatch(/remote-closed|socket-error/);
    expect(logger.lines.filter((line) => line.startsWith('warn connection refused: listener is full'))).toEqual([
      expect.stringContaining('"listener":"tserver-sim primary"'),
    ]);
    expect(sim.clients()).toHaveLength(2);
    await first.expectReply('RequestQueryServer', {}, 'EventServerInfo');
    await second.expectReply('RequestQueryServer', {}, 'EventServerInfo');
    // The cap is per listener: the backup still takes clients.
    const onBackup = await fixture.client(sim.backupPort);
    await onBackup.expectReply('RequestQueryServer', {}, 'EventServerInfo');
  });

  it('closes a client that has not registered within registrationTimeoutMs, logged, and keeps serving the others', async () => {
    const logger = recordingLogger();
    const sim = await fixture.start({ registrationTimeoutMs: 150, logger });
    const registered = await fixture.client(sim.primaryPort);
    const refusedVersion = await fixture.client(sim.primaryPort, { register: false });
    await refusedVersion.expectError(
      'RequestRegisterClient',
      { ApplicationName: 'old', ProtocolVersion: 'tserver protocol 3.0' },
      TErrorCode.ProtocolVersion,
    );
    await refusedVersion.waitForClose();
    expect(logger.lines.filter((line) => line.startsWith('warn closing link: not registered in time'))).toHaveLength(1);
    expect(logger.lines.some((line) => line.includes('"detail":"not registered within 150 ms"'))).toBe(true);
    // `registered` connected first: had its deadline not been stopped by RequestRegisterClient, it would be gone.
    await registered.expectReply('RequestQueryServer', {}, 'EventServerInfo');
    expect(registered.closeReason).toBeUndefined();
    expect(sim.clients().map((client) => client.applicationName)).toEqual(['test']);
  });

  it('closes a link whose frame exceeds unregisteredMaxFrameBytes before registration, and takes it after', async () => {
    const logger = recordingLogger();
    const sim = await fixture.start({ logger });
    const big = tmessage('RequestRegisterClient', {
      ...REGISTER,
      Extensions: KVList.from({ padding: 'x'.repeat(80_000) }),
    });
    const bigBytes = createTlibCodec().encode(big).length;
    expect(bigBytes).toBeGreaterThan(64 * 1024);

    const early = await fixture.client(sim.primaryPort, { register: false });
    const other = await fixture.clientFor(sim, '5001');
    early.connection.send(big);
    await early.waitForClose();
    expect(
      logger.lines.some(
        (line) =>
          line.startsWith('warn closing link: bad frame') &&
          line.includes(`frame of ${bigBytes} bytes exceeds the maximum of 65536 bytes`),
      ),
    ).toBe(true);

    const late = await fixture.client(sim.primaryPort);
    await late.expectReply(big.name, big.attributes, 'EventServerInfo');
    await other.expectReply('RequestAgentLogin', { ThisDN: '5001', AgentID: '1001' }, 'EventAgentLogin');
    expect(sim.clients()).toHaveLength(2);
  });
});

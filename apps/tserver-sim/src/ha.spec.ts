import { CallInfoType, ServerRole, TErrorCode } from '@gws/tlib';
import { SimulatorFixture } from './testing/simulator-fixture';
import { UnknownClientError } from './unknown-client.error';

describe('T-Server simulator: HA pair, CTI link and faults', () => {
  const fixture = new SimulatorFixture();
  afterEach(() => fixture.teardown());

  it('serves registration on the backup, refuses other requests there (54) and sends it no call events', async () => {
    const sim = await fixture.start();
    const backup = await fixture.client(sim.backupPort, { register: false });
    const info = await backup.expectReply(
      'RequestRegisterClient',
      { ApplicationName: 'GWS', ProtocolVersion: 'tserver protocol 4.2' },
      'EventServerInfo',
    );
    expect(info.attributes.ServerRole).toBe(ServerRole.Backup);
    await backup.waitFor((m) => m.name === 'EventLinkConnected');
    await backup.register('5001');
    await backup.expectError('RequestAgentLogin', { ThisDN: '5001', AgentID: '1001' }, TErrorCode.NoSwitch);
    await backup.expectError('RequestQueryAddress', { ThisDN: '5001', AddressInfoType: 17 }, TErrorCode.NoSwitch);
    const primary = await fixture.clientFor(sim, '5001');
    sim.injectCall({ ani: '+15550001', destination: '5001' });
    await primary.expectEvents('5001', ['EventRinging']);
    expect(backup.pendingEvents('5001')).toEqual([]);
    expect(
      sim
        .clients()
        .map((c) => c.endpoint)
        .sort(),
    ).toEqual(['backup', 'primary']);
  });

  it('switches over: the old primary drops its clients, the backup takes over with calls intact', async () => {
    const sim = await fixture.start();
    const primary = await fixture.clientFor(sim, '5001');
    const backup = await fixture.client(sim.backupPort);
    await backup.register('5001');
    const { connId, callUuid } = sim.injectCall({ ani: '+15550001', destination: '5001', userData: { Case: '7' } });
    await primary.request('RequestAnswerCall', { ThisDN: '5001', ConnID: connId });
    await primary.expectEvents('5001', ['EventRinging', 'EventEstablished']);

    sim.switchover();
    await primary.waitForClose();
    const promoted = await backup.waitFor(
      (m) => m.name === 'EventServerInfo' && m.attributes.ReferenceID === undefined,
    );
    expect(promoted.attributes.ServerRole).toBe(ServerRole.Primary);
    await backup.waitFor((m) => m.name === 'EventLinkConnected' && (m.attributes.EventSequenceNumber ?? 0) > 1);
    expect(sim.snapshot().endpoints).toEqual({ primary: sim.backupPort, backup: sim.primaryPort });

    const party = await backup.expectReply(
      'RequestQueryCall',
      { ThisDN: '5001', ConnID: connId, CallInfoType: CallInfoType.PartiesQuery },
      'EventPartyInfo',
    );
    expect(party.attributes).toMatchObject({ CallUUID: callUuid });
    expect(party.attributes.UserData?.get('Case')).toBe('7');
    await backup.expectReply('RequestReleaseCall', { ThisDN: '5001', ConnID: connId }, 'EventReleased');

    const late = await fixture.client(sim.primaryPort, { register: false });
    const info = await late.expectReply(
      'RequestRegisterClient',
      { ApplicationName: 'late', ProtocolVersion: 'tserver protocol 4.2' },
      'EventServerInfo',
    );
    expect(info.attributes.ServerRole).toBe(ServerRole.Backup);
  });

  it('reports the CTI link going down and up, refusing switch requests (54) while it is down', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001');
    sim.setLink(false);
    await client.waitFor((m) => m.name === 'EventLinkDisconnected');
    await client.expectError('RequestAgentLogin', { ThisDN: '5001', AgentID: '1001' }, TErrorCode.NoSwitch);
    await client.register('5002');
    const newcomer = await fixture.client(sim.primaryPort);
    expect(newcomer.received.map((m) => m.name)).toEqual(['EventServerInfo', 'EventLinkDisconnected']);
    expect(sim.snapshot().linkUp).toBe(false);
    sim.setLink(true);
    await client.waitFor((m) => m.name === 'EventLinkConnected' && (m.attributes.EventSequenceNumber ?? 0) > 1);
    await newcomer.waitFor((m) => m.name === 'EventLinkConnected');
    await client.expectReply('RequestAgentLogin', { ThisDN: '5001', AgentID: '1001' }, 'EventAgentLogin');
  });

  it('injects faults on one client link: drop, corrupt frame, stop answering ADDP', async () => {
    const sim = await fixture.start();
    const dropped = await fixture.client(sim.primaryPort, { applicationName: 'dropped' });
    const corrupted = await fixture.client(sim.primaryPort, { applicationName: 'corrupted' });
    const unanswered = await fixture.client(sim.primaryPort, { applicationName: 'unanswered', addpTimeoutMs: 30 });
    const idOf = (name: string): string => sim.clients().find((c) => c.applicationName === name)!.id;

    sim.fault(idOf('dropped'), 'drop');
    expect((await dropped.waitForClose()).kind).toBe('remote-closed');
    sim.fault(idOf('corrupted'), 'corrupt-frame');
    expect((await corrupted.waitForClose()).kind).toBe('protocol-error');
    sim.fault(idOf('unanswered'), 'stop-addp');
    expect((await unanswered.waitForClose()).kind).toBe('addp-timeout');
    expect(() => sim.fault('c999', 'drop')).toThrow(UnknownClientError);
  });
});

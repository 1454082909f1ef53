import { readFileSync } from 'node:fs';
import { demoDirectoryFile, loadDirectory } from '@gws/directory';
import { waitFor } from '@gws/testing';
import { AddressInfoType, AgentWorkMode, TErrorCode, type TMessage } from '@gws/tlib';
import {
  LinkDownError,
  ProtocolVersionError,
  TServerClient,
  TServerRequestError,
  type DnResync,
  type StatusChange,
  type TServerClientOptions,
} from '@gws/tserver-client';
import { TServerSimulator } from '../apps/tserver-sim/src/simulator';

/** The demo contact center; login 1020 gets a password so that the simulator can refuse a wrong one. */
function demoDirectory() {
  const yaml = readFileSync(demoDirectoryFile(), 'utf8').replace(
    "{ code: '1020' }",
    "{ code: '1020', password: 'secret' }",
  );
  return loadDirectory(yaml);
}

function nextStatus(client: TServerClient, accept: (change: StatusChange) => boolean, timeoutMs = 3000) {
  return new Promise<StatusChange>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching status within ${timeoutMs} ms`)), timeoutMs);
    const watch = (change: StatusChange): void => {
      if (!accept(change)) return;
      clearTimeout(timer);
      client.off('status', watch);
      resolve(change);
    };
    client.on('status', watch);
  });
}

const refusal = (promise: Promise<unknown>): Promise<TServerRequestError> =>
  promise.then(
    () => {
      throw new Error('expected EventError');
    },
    (error: unknown) => {
      if (error instanceof TServerRequestError) return error;
      throw error;
    },
  );

describe('tserver-client against tserver-sim over loopback', () => {
  let simulators: TServerSimulator[] = [];
  let clients: TServerClient[] = [];
  let nextName = 0;

  afterEach(async () => {
    for (const client of clients) client.close();
    await Promise.all(simulators.map((simulator) => simulator.close()));
    simulators = [];
    clients = [];
  });

  async function startSim(ports: { primaryPort?: number; backupPort?: number } = {}): Promise<TServerSimulator> {
    const simulator = await TServerSimulator.start({ directory: demoDirectory(), externalAnswerDelayMs: 20, ...ports });
    simulators.push(simulator);
    return simulator;
  }

  function client(simulator: TServerSimulator, options: Partial<TServerClientOptions> = {}) {
    const created = new TServerClient({
      endpoints: {
        primary: { host: '127.0.0.1', port: simulator.primaryPort },
        backup: { host: '127.0.0.1', port: simulator.backupPort },
      },
      applicationName: `e2e-${++nextName}`,
      requestTimeoutMs: 2000,
      connectTimeoutMs: 1000,
      addp: { localTimeoutMs: 0, remoteTimeoutMs: 0 },
      retryStrategy: () => 20,
      ...options,
    });
    clients.push(created);
    const events: TMessage[] = [];
    created.on('event', (event) => events.push(event));
    return { client: created, events };
  }

  async function connected(simulator: TServerSimulator, options: Partial<TServerClientOptions> = {}) {
    const made = client(simulator, options);
    await made.client.connect();
    return made;
  }

  const simClientId = (simulator: TServerSimulator, name: string): string => {
    const found = simulator.clients().find((info) => info.applicationName === name);
    if (found === undefined) throw new Error(`simulator has no client ${name}`);
    return found.id;
  };

  it('registers DNs and drives agent login, ready and not-ready', async () => {
    const sim = await startSim();
    const { client: link } = await connected(sim);
    expect(link.role).toBe('primary');
    const registered = await link.registerAddress('5001');
    expect(registered.name).toBe('EventRegistered');
    expect((await link.agent.login('5001', { agentId: '1001', queue: '8001' })).name).toBe('EventAgentLogin');
    expect((await link.agent.ready('5001', AgentWorkMode.ManualIn)).name).toBe('EventAgentReady');
    const notReady = await link.agent.notReady('5001', {
      workMode: AgentWorkMode.AuxWork,
      reasons: { ReasonCode: '100' },
    });
    expect(notReady.name).toBe('EventAgentNotReady');
    const status = await link.dn.queryAddress('5001', AddressInfoType.AgentStatus);
    expect(status.attributes).toMatchObject({ ThisDN: '5001', AddressInfoType: AddressInfoType.AgentStatus });
    expect(sim.clients()[0]?.registeredDns).toEqual(['5001']);
  });

  it('makes and answers an internal call', async () => {
    const sim = await startSim();
    const { client: link, events } = await connected(sim);
    await link.registerAddress('5001');
    await link.registerAddress('5002');
    const dialing = await link.calls.makeCall('5001', '5002');
    expect(dialing.name).toBe('EventDialing');
    const connId = dialing.attributes.ConnID!;
    await waitFor(
      () => events.some((e) => e.name === 'EventRinging' && e.attributes.ThisDN === '5002'),
      2000,
      'ringing',
    );
    expect((await link.calls.answer('5002', connId)).name).toBe('EventEstablished');
    await waitFor(() => events.filter((e) => e.name === 'EventEstablished').length === 2, 2000, 'both established');
    expect((await link.calls.release('5001', connId)).name).toBe('EventReleased');
  });

  it('delivers every EventError the simulator produces as TServerRequestError', async () => {
    const sim = await startSim();
    const { client: link } = await connected(sim);
    for (const dn of ['5001', '5002', '5003']) await link.registerAddress(dn);
    await link.agent.login('5001', { agentId: '1001' });
    const cases: [number, Promise<unknown>][] = [
      [TErrorCode.NotConfigured, link.registerAddress('9999')],
      [TErrorCode.NotRegistered, link.agent.ready('5004')],
      [TErrorCode.SoftAgentInvalidId, link.agent.login('5002', { agentId: '9999' })],
      [TErrorCode.SoftAgentIdInUse, link.agent.login('5002', { agentId: '1001' })],
      [TErrorCode.SoftAgentAlreadyLoggedIn, link.agent.login('5001', { agentId: '1002' })],
      [TErrorCode.SoftAgentPasswordMismatch, link.agent.login('5003', { agentId: '1020', password: 'wrong' })],
      [TErrorCode.SoftAgentNotLoggedIn, link.agent.ready('5002')],
      [TErrorCode.InvalidConnId, link.calls.answer('5001', '00000000000000ff')],
      [TErrorCode.InvalidCalledDn, link.calls.makeCall('5001', '5001')],
      [TErrorCode.InvalidAttribute, link.request({ name: 'RequestAnswerCall', attributes: { ThisDN: '5001' } })],
      [
        TErrorCode.UnsupportedOperation,
        link.request({ name: 'RequestGiveMusicTreatment', attributes: { ThisDN: '5001' } }),
      ],
    ];
    for (const [code, promise] of cases) {
      const error = await refusal(promise);
      expect({ expected: code, got: error.errorCode, message: error.message }).toMatchObject({ got: code });
    }
    await link.dn.setDnd('5002', true);
    expect((await refusal(link.dn.setDnd('5002', true))).errorCode).toBe(TErrorCode.InSameState);
    sim.setLink(false);
    expect((await refusal(link.calls.makeCall('5001', '5002'))).errorCode).toBe(TErrorCode.NoSwitch);
    const wrongVersion = client(sim, { protocolVersion: 'tserver protocol 9.9' }).client;
    const failure = await wrongVersion.connect().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProtocolVersionError);
    expect(((failure as ProtocolVersionError).cause as TServerRequestError).errorCode).toBe(TErrorCode.ProtocolVersion);
  });

  it('fails requests fast while the simulator is down, then reconnects and re-registers after its restart', async () => {
    const sim = await startSim();
    const { client: link } = await connected(sim);
    await link.registerAddress('5001');
    const ports = { primaryPort: sim.primaryPort, backupPort: sim.backupPort };
    const down = nextStatus(link, (change) => change.status === 'disconnected');
    await sim.close();
    await down;
    // Refused without waiting on the network or a timer: settled before the event loop turns again.
    const nextTurn = new Promise((resolve) => setImmediate(() => resolve('still pending after one turn')));
    expect(await Promise.race([link.agent.ready('5001').catch((error: unknown) => error), nextTurn])).toBeInstanceOf(
      LinkDownError,
    );
    const resynced = new Promise((resolve) => link.once('resynced', resolve));
    const restarted = await startSim(ports);
    await resynced;
    expect(restarted.clients()[0]?.registeredDns).toEqual(['5001']);
    expect((await link.dn.queryAddress('5001', AddressInfoType.DNStatus)).name).toBe('EventAddressInfo');
  });

  it('switches over to the backup with the call intact and DNs re-registered', async () => {
    const sim = await startSim();
    const { client: link, events } = await connected(sim);
    await link.registerAddress('5001');
    await link.registerAddress('5002');
    const connId = (await link.calls.makeCall('5001', '5002')).attributes.ConnID!;
    await waitFor(() => events.some((e) => e.name === 'EventRinging'), 2000, 'ringing');
    await link.calls.answer('5002', connId);
    const results: DnResync[] = [];
    link.on('resync', (result) => results.push(result));
    const resynced = new Promise((resolve) => link.once('resynced', resolve));
    sim.switchover();
    await resynced;
    expect(link.endpoint?.which).toBe('backup');
    expect(link.role).toBe('primary');
    const dn5001 = results.find((result) => result.dn === '5001');
    expect(dn5001?.ok).toBe(true);
    expect(dn5001?.calls.map((call) => [call.connId, call.partyInfo?.name])).toEqual([[connId, 'EventPartyInfo']]);
    expect(
      sim
        .clients()
        .find((info) => info.applicationName === `e2e-${nextName}`)
        ?.registeredDns.sort(),
    ).toEqual(['5001', '5002']);
    expect((await link.calls.release('5001', connId)).name).toBe('EventReleased');
  });

  it('drops the link when the simulator stops answering ADDP, then reconnects', async () => {
    const sim = await startSim();
    const { client: link } = await connected(sim, { addp: { localTimeoutMs: 100, remoteTimeoutMs: 0 } });
    const down = nextStatus(link, (change) => change.status === 'disconnected');
    sim.fault(simClientId(sim, `e2e-${nextName}`), 'stop-addp');
    expect((await down).reason?.kind).toBe('addp-timeout');
    await nextStatus(link, (change) => change.status === 'connected');
  });

  it('closes only the link that got a corrupt frame', async () => {
    const sim = await startSim();
    const victim = await connected(sim);
    const victimName = `e2e-${nextName}`;
    const bystander = await connected(sim);
    const bystanderStatuses: StatusChange[] = [];
    bystander.client.on('status', (change) => bystanderStatuses.push(change));
    const down = nextStatus(victim.client, (change) => change.status === 'disconnected');
    sim.fault(simClientId(sim, victimName), 'corrupt-frame');
    expect((await down).reason?.kind).toBe('protocol-error');
    await nextStatus(victim.client, (change) => change.status === 'connected');
    await bystander.client.registerAddress('5005');
    expect(bystanderStatuses).toEqual([]);
  });
});

import { waitFor } from '@gws/testing';
import { buildDirectory } from '@gws/directory';
import { CfgObjectType, type LinkStatus } from '@gws/confserv';
import { connectSocket } from '@gws/framed-link';
import { ConfServSimulator } from './simulator';
import { demoDirectory, SimFixture } from './testing/sim-fixture';

describe('links: batching, reconnect, garbage', () => {
  const fixture = new SimFixture();
  afterEach(() => fixture.closeAll());

  it('reads 5,000 persons in batches of 100 and checks the total', async () => {
    const persons = Array.from({ length: 5000 }, (_, index) => ({
      userName: `bulk${index}`,
      password: `pw${index}`,
      agentLogins: [{ code: `${20000 + index}`, wrapUpTime: index % 30 }],
    }));
    const directory = buildDirectory({
      switches: [{ name: 'SIP_Switch' }],
      dns: [],
      agentLogins: persons.map((_, index) => ({ code: `${20000 + index}` })),
      persons,
    });
    const loadStarted = Date.now();
    const simulator = await fixture.simulator({ directory });
    const loadMs = Date.now() - loadStarted;
    const client = await fixture.client(simulator.port);
    const read = await client.readObjects(CfgObjectType.Person);
    expect(read).toHaveLength(5000);
    expect(simulator.requestCount('EventObjectsRead')).toBe(50);
    expect(simulator.requestCount('EventObjectsSent')).toBe(1);
    expect(new Set(read.map((person) => person.userName)).size).toBe(5000);
    expect(read[4999]).toMatchObject({
      userName: 'bulk4999',
      agentInfo: { agentLogins: [{ agentLoginDBID: 5100, wrapupTime: 19 }] },
    });
    await expect(client.authenticate('bulk4321', 'pw4321')).resolves.toMatchObject({ personDBID: 4422 });
    // scrypt (N = 2^8) for 5,000 salted hashes: about 2.3 s on two cores.
    expect(loadMs).toBeLessThan(15_000);
  }, 30_000);

  it('splits a read into EventObjectsRead batches then EventObjectsSent', async () => {
    const simulator = await fixture.simulator({ batchSize: 7 });
    const client = await fixture.client(simulator.port);
    const sent = (name: string) => simulator.requestCount(name);
    const persons = await client.readObjects(CfgObjectType.Person);
    expect(persons).toHaveLength(22);
    expect(sent('RequestReadObjects')).toBe(1);
    // 22 persons in batches of 7: 7 + 7 + 7 + 1 arrive as four EventObjectsRead; the client checked the total.
    expect(sent('EventObjectsRead')).toBe(4);
    expect(sent('EventObjectsSent')).toBe(1);
    expect(persons.map((person) => person.DBID)).toEqual(Array.from({ length: 22 }, (_, index) => 101 + index));
  });

  it('reconnects when the simulator restarts on the same port, and restores the subscription', async () => {
    const first = await ConfServSimulator.start({ directory: demoDirectory() });
    const port = first.port;
    const client = await fixture.client(port);
    await client.subscribe([CfgObjectType.Skill]);
    const statuses: LinkStatus[] = [];
    client.on('status', (change) => statuses.push(change.status));
    await first.close();
    await waitFor(() => client.status !== 'connected', 2000, 'link loss');
    await expect(client.readObjects(CfgObjectType.Skill)).rejects.toThrow(/unavailable/);

    const second = await fixture.simulator({ port });
    await waitFor(() => client.status === 'connected', 3000, 'reconnect');
    expect(statuses[0]).toBe('disconnected');
    expect(statuses).toContain('connecting');
    expect(statuses.at(-1)).toBe('connected');
    await expect(client.authenticate('agent1', 'password')).resolves.toMatchObject({ personDBID: 101 });
    const created: number[] = [];
    client.on('objectCreated', (_type, object) => created.push(object.DBID));
    await second.createObject(CfgObjectType.Skill, { name: 'Billing' });
    await waitFor(() => created.length === 1, 2000, 'notification after reconnect');
  });

  it('moves to the backup endpoint when the primary is down', async () => {
    const backup = await fixture.simulator();
    const dead = await ConfServSimulator.start({ directory: demoDirectory() });
    const deadPort = dead.port;
    await dead.close();
    const client = await fixture.client(0, {
      endpoints: [
        { host: '127.0.0.1', port: deadPort },
        { host: '127.0.0.1', port: backup.port },
      ],
    });
    expect(client.status).toBe('connected');
    expect(backup.connections).toBe(1);
  });

  it('closes only the link that sent garbage and keeps serving the others', async () => {
    const simulator = await fixture.simulator();
    const client = await fixture.client(simulator.port);
    const socket = await connectSocket({ host: '127.0.0.1', port: simulator.port }, 2000);
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    await waitFor(() => simulator.connections === 2, 2000, 'second link');
    socket.write(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    await closed;
    await waitFor(() => simulator.connections === 1, 2000, 'garbage link closed');
    await expect(client.readAgentProfile('agent1')).resolves.toMatchObject({ dns: [{ number: '5001' }] });
  });
});

import { waitFor } from '@gws/testing';
import { KVList } from '@gws/tlib';
import { TServerClient, type StatusChange } from '@gws/tserver-client';
import { loadGwsConfig } from '../../gws/src/config/gws-config';
import { SimulatorFixture } from './testing/simulator-fixture';

/**
 * GWS's T-Server ADDP, as its PlatformModule passes it to TServerClient: the same timeout both ways
 * (TSERVER_ADDP_TIMEOUT_SECONDS, 10 s by default): it polls after that long idle and asks the T-Server to poll it
 * as often (`addp-remote-timeout`). Detection then takes up to two intervals, 20 s, too long for a unit test, so
 * the test keeps that 1:1 ratio at a tenth of the values: 1 s each way.
 */
const SCALE = 10;
const GWS_ADDP_MS = loadGwsConfig({}).tserver.addpTimeoutMs;
const ADDP = { localTimeoutMs: GWS_ADDP_MS / SCALE, remoteTimeoutMs: GWS_ADDP_MS / SCALE };

describe('T-Server simulator: the stop-addp fault', () => {
  const fixture = new SimulatorFixture();
  const clients: TServerClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await fixture.teardown();
  });

  it("is detected within two ADDP intervals by a TServerClient with GWS's default ADDP ratio (1:1, scaled to 1 s)", async () => {
    expect(GWS_ADDP_MS).toBe(10_000);
    const sim = await fixture.start();
    const client = new TServerClient({
      endpoints: { primary: { host: '127.0.0.1', port: sim.primaryPort } },
      applicationName: 'GWS_Cluster',
      addp: ADDP,
      retryStrategy: () => null,
    });
    clients.push(client);
    const changes: StatusChange[] = [];
    client.on('status', (change) => changes.push(change));
    await client.connect();
    const [gws] = sim.clients();
    expect(gws?.applicationName).toBe('GWS_Cluster');

    sim.fault(gws!.id, 'stop-addp');
    // ADDP: one quiet interval, then a poll with no reply within another. Half an interval more for the timers.
    // Before the fix the server kept polling the client, its polls counted as traffic and reset the client's ADDP:
    // the link was declared dead three or more intervals later, or never.
    const bound = 2.5 * ADDP.localTimeoutMs;
    await waitFor(() => changes.some((change) => change.status === 'disconnected'), bound, 'the ADDP timeout');
    expect(changes.find((change) => change.status === 'disconnected')?.reason).toEqual({
      kind: 'addp-timeout',
      detail: `no ADDP reply within ${ADDP.localTimeoutMs} ms`,
    });
  });

  it('stays in force when the client registers again asking to be polled', async () => {
    const sim = await fixture.start();
    const intervalMs = 400;
    const seconds = String(intervalMs / 1000);
    const extensions = { 'addp-timeout': seconds, 'addp-remote-timeout': seconds };
    const client = await fixture.client(sim.primaryPort, {
      applicationName: 'again',
      extensions,
      addpTimeoutMs: intervalMs,
    });
    sim.fault(sim.clients()[0]!.id, 'stop-addp');
    await client.expectReply(
      'RequestRegisterClient',
      { ApplicationName: 'again', ProtocolVersion: 'tserver protocol 4.2', Extensions: KVList.from(extensions) },
      'EventServerInfo',
    );
    // Had the registration restarted the server's polls, they would keep resetting the client's ADDP.
    expect((await client.waitForClose(2.5 * intervalMs)).kind).toBe('addp-timeout');
  });
});

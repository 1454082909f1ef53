import { AddressType, CallType, KVList, RegisterMode, type TMessage } from '@gws/tlib';
import { waitFor } from '@gws/testing';
import type { DnResync } from './client-events';
import { TServerRequestError } from './errors/tserver-request.error';
import { ClientHarness, type Recorded } from './testing/client-harness';
import { defaultFakeHandler } from './testing/default-fake-handler';
import type { FakeTServer } from './testing/fake-tserver';
import { nextEvent } from './testing/next-event';

const CALL_1 = '006e02a9c4b1d001';
const CALL_2 = '006e02a9c4b1d002';

/** Drops the link and collects the re-sync results up to `resynced`. */
async function reconnectAndCollect(server: FakeTServer, { client }: Recorded): Promise<DnResync[]> {
  const results: DnResync[] = [];
  client.on('resync', (result) => results.push(result));
  const done = nextEvent(client, 'resynced', (summary) => summary.dns > 0);
  server.dropLinks();
  await done;
  return results.sort((a, b) => a.dn.localeCompare(b.dn));
}

describe('TServerClient: re-sync and de-duplication', () => {
  const harness = new ClientHarness();
  afterEach(() => harness.closeAll());

  it('re-registers every DN after a reconnect and reports agent status and the calls still alive', async () => {
    const server = await harness.server();
    let refuse5002 = false;
    server.handler = (request, reply, self) => {
      const { ThisDN, ConnID } = request.attributes;
      if (request.name === 'RequestRegisterAddress' && ThisDN === '5002' && refuse5002) {
        return reply('EventError', { ErrorCode: 59 });
      }
      if (request.name === 'RequestRegisterAddress') {
        return reply('EventRegistered', { ThisDN, Extensions: KVList.from({ AgentStatus: 'Ready' }) });
      }
      if (request.name === 'RequestQueryCall' && ConnID === CALL_1) return reply('EventPartyInfo', { ConnID, ThisDN });
      return defaultFakeHandler(request, reply, self);
    };
    const recorded = await harness.connected(server);
    const { client, events } = recorded;
    await client.registerAddress('5001');
    await client.registerAddress('5002');
    await client.registerAddress('7001', AddressType.RouteDN);
    await client.registerAddress('5003');
    await client.unregisterAddress('5003');
    const call = (name: TMessage['name'], connId: string) =>
      server.broadcast(name, { ThisDN: '5001', ConnID: connId, CallType: CallType.Inbound });
    call('EventRinging', CALL_1);
    call('EventEstablished', CALL_1);
    call('EventRinging', CALL_2);
    call('EventReleased', CALL_2);
    await waitFor(() => events.filter((event) => event.name === 'EventReleased').length === 1, 1000, 'call events');
    refuse5002 = true;
    const summary = nextEvent(client, 'resynced');

    const [dn5001, dn5002, dn7001] = await reconnectAndCollect(server, recorded);

    expect(client.registeredDns).toEqual(['5001', '5002', '7001']);
    expect(dn5001).toMatchObject({ dn: '5001', ok: true, registered: { name: 'EventRegistered' } });
    if (!dn5001?.ok) throw new Error('5001 should have re-synced');
    expect(dn5001.registered.attributes.Extensions?.get('AgentStatus')).toBe('Ready');
    expect(dn5001.agentStatus?.attributes).toMatchObject({ ThisDN: '5001', AddressInfoType: 4 });
    expect(dn5001.calls.map((call) => [call.connId, call.partyInfo?.name])).toEqual([[CALL_1, 'EventPartyInfo']]);
    expect(dn5002).toMatchObject({ dn: '5002', ok: false, calls: [] });
    expect(dn5002?.ok === false && dn5002.error).toBeInstanceOf(TServerRequestError);
    expect(dn7001).toMatchObject({ dn: '7001', ok: true, calls: [] });
    const registrations = server.received.filter((message) => message.name === 'RequestRegisterAddress').slice(4);
    expect(registrations.find((message) => message.attributes.ThisDN === '7001')?.attributes.AddressType).toBe(4);
    expect(await summary).toMatchObject({ dns: 3, failed: 1 });
  });

  it('registers in the RegisterMode asked for and re-registers each DN in the mode it last had', async () => {
    const server = await harness.server();
    const recorded = await harness.connected(server);
    const { client } = recorded;
    await client.registerAddress('5001');
    await client.registerAddress('5002', AddressType.DN, RegisterMode.ModeMonitor);
    await client.registerAddress('5003', AddressType.DN, RegisterMode.ModeMonitor);
    // Taking 5003 over: registered again, now in ModeShare.
    await client.registerAddress('5003', AddressType.DN, RegisterMode.ModeShare);
    const modes = (requests: readonly TMessage[]): [unknown, unknown][] =>
      requests.map((message) => [message.attributes.ThisDN, message.attributes.RegisterMode]);
    const registrations = (): TMessage[] =>
      server.received.filter((message) => message.name === 'RequestRegisterAddress');
    expect(modes(registrations())).toEqual([
      ['5001', RegisterMode.ModeShare],
      ['5002', RegisterMode.ModeMonitor],
      ['5003', RegisterMode.ModeMonitor],
      ['5003', RegisterMode.ModeShare],
    ]);
    expect(['5001', '5002', '5003', '5004'].map((dn) => client.registeredMode(dn))).toEqual([
      RegisterMode.ModeShare,
      RegisterMode.ModeMonitor,
      RegisterMode.ModeShare,
      undefined,
    ]);

    const resynced = await reconnectAndCollect(server, recorded);

    expect(resynced.map((result) => [result.dn, result.ok])).toEqual([
      ['5001', true],
      ['5002', true],
      ['5003', true],
    ]);
    expect(modes(registrations().slice(4)).sort()).toEqual([
      ['5001', RegisterMode.ModeShare],
      ['5002', RegisterMode.ModeMonitor],
      ['5003', RegisterMode.ModeShare],
    ]);
  });

  it('queries the calls knownCalls names and forgets tracked calls the server no longer has', async () => {
    const server = await harness.server();
    const recorded = await harness.connected(server, { knownCalls: () => [CALL_1, CALL_2] });
    await recorded.client.registerAddress('5001');
    const [dn5001] = await reconnectAndCollect(server, recorded);
    expect(dn5001?.calls.map((call) => [call.connId, (call.error as TServerRequestError).errorCode])).toEqual([
      [CALL_1, 56],
      [CALL_2, 56],
    ]);

    const tracked = await harness.connected(server);
    await tracked.client.registerAddress('5002');
    server.broadcast('EventRinging', { ThisDN: '5002', ConnID: CALL_2, CallType: CallType.Internal });
    await waitFor(() => tracked.events.some((event) => event.name === 'EventRinging'), 1000, 'EventRinging');
    const first = await reconnectAndCollect(server, tracked);
    expect(first.find((result) => result.dn === '5002')?.calls.map((call) => call.connId)).toEqual([CALL_2]);
    const second = await reconnectAndCollect(server, tracked);
    expect(second.find((result) => result.dn === '5002')?.calls).toEqual([]);
  });

  it('drops events whose (ServerStartTime, EventSequenceNumber) was seen, across a reconnect', async () => {
    const server = await harness.server();
    const { client, events } = await harness.connected(server);
    const send = (start: number, seq: number) =>
      server.broadcast('EventAgentReady', { ThisDN: '5001', ServerStartTime: start, EventSequenceNumber: seq });
    for (const seq of [1, 2, 3, 3]) send(1000, seq);
    await waitFor(() => events.length === 4, 1000, 'first events');
    const back = nextEvent(client, 'status', (change) => change.status === 'connected');
    server.dropLinks();
    await back;
    for (const seq of [2, 3, 4]) send(1000, seq);
    send(2000, 1);
    server.broadcast('EventAgentNotReady', { ThisDN: '5001' });
    await waitFor(() => events.some((event) => event.name === 'EventAgentNotReady'), 1000, 'last event');
    const seen = events
      .filter((event) => event.name === 'EventAgentReady')
      .map((event) => `${event.attributes.ServerStartTime}:${event.attributes.EventSequenceNumber}`);
    expect(seen).toEqual(['1000:1', '1000:2', '1000:3', '1000:4', '2000:1']);
  });
});

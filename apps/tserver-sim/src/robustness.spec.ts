import { KVList, TLIB_MESSAGE_NAMES, type TMessage } from '@gws/tlib';
import { SimulatorFixture } from './testing/simulator-fixture';

describe('T-Server simulator: robustness', () => {
  const fixture = new SimulatorFixture();
  afterEach(() => fixture.teardown());

  it('answers every request id, with or without attributes, exactly once and keeps serving', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001', '5002');
    const { connId } = sim.injectCall({ ani: '+15550001', destination: '5001' });
    const shapes: TMessage['attributes'][] = [
      {},
      { ThisDN: '5001' },
      {
        ThisDN: '5001',
        ConnID: connId,
        TransferConnID: connId,
        ConferenceConnID: connId,
        OtherDN: '5002',
        AgentID: '1001',
        UserData: KVList.from({ a: 1 }),
        DataKey: 'a',
        DTMFDigits: '1',
        AddressInfoType: 17,
        CallInfoType: 0,
        ForwardMode: 1,
        RegisterMode: 0,
        ControlMode: 0,
        AddressType: 1,
        MergeType: 0,
        RouteType: 1,
        ApplicationName: 'again',
        ProtocolVersion: 'tserver protocol 4.2',
      },
    ];
    const requests = TLIB_MESSAGE_NAMES.filter((name) => name.startsWith('Request'));
    for (const attributes of shapes) {
      for (const name of requests) {
        const reply = await client.requestRaw({ name, attributes });
        expect(reply.name.startsWith('Event')).toBe(true);
        expect([name, reply.attributes.ErrorCode]).not.toEqual([name, 52]);
      }
    }
    const references = client.received
      .map((message) => message.attributes.ReferenceID)
      .filter((reference) => reference !== undefined);
    expect(new Set(references).size).toBe(references.length);
    await client.expectReply('RequestQueryServer', {}, 'EventServerInfo');
    expect(() => JSON.stringify(sim.snapshot())).not.toThrow();
  });
});

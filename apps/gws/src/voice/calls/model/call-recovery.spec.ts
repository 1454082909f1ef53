import { KVList, tmessage } from '@gws/tlib';
import { callsFromStatus, recoveredCall } from './call-recovery';

const X = '0000000000000001';
const Y = '0000000000000002';

describe('callsFromStatus', () => {
  it('lists the calls of Extensions Calls an agent can act on, in T-Server order', () => {
    const extensions = KVList.from({
      Calls: {
        [Y]: { CallUUID: 'UUID-Y', State: 'Held', CallType: 3 },
        [X]: { State: 'Ringing' },
        '0000000000000003': { CallUUID: 'UUID-Z', State: 'Queued', CallType: 2 },
        '0000000000000004': 'not a call',
      },
    });
    expect(callsFromStatus('5001', extensions)).toEqual([
      { connId: Y, callUuid: 'UUID-Y', state: 'Held', callType: 3 },
      { connId: X, callUuid: X, state: 'Ringing', callType: 1 },
    ]);
  });

  it('finds none without Extensions or Calls', () => {
    expect(callsFromStatus('5001', undefined)).toEqual([]);
    expect(callsFromStatus('5001', KVList.from({ Calls: 'none' }))).toEqual([]);
  });
});

describe('recoveredCall', () => {
  const known = { connId: X, callUuid: 'UUID-X', state: 'Established' as const, callType: 2 };

  it('rebuilds a call from its status and EventPartyInfo: parties other than the DN, queues and routing points', () => {
    const partyInfo = tmessage('EventPartyInfo', {
      ThisDN: '5001',
      ConnID: X,
      ANI: '+15550100',
      DNIS: '8001',
      UserData: KVList.from({ Topic: 'Billing' }),
      Extensions: KVList.from({
        p1: { DN: '+15550100', Kind: 'external' },
        p2: { DN: '5001', Kind: 'internal' },
        p3: { DN: '8001', Kind: 'queue' },
        p4: { DN: '7001', Kind: 'routing-point' },
        p5: { DN: '5003', Kind: 'internal' },
        note: 'not a party',
      }),
    });
    expect(recoveredCall('5001', known, partyInfo, 42)).toEqual({
      id: 'UUID-X',
      callUuid: 'UUID-X',
      connId: X,
      dn: '5001',
      state: 'Established',
      callType: 'Inbound',
      parties: ['+15550100', '5003'],
      ani: '+15550100',
      dnis: '8001',
      userData: KVList.from({ Topic: 'Billing' }),
      startedAt: 42,
      parentId: undefined,
      consult: undefined,
    });
  });

  it('shows a call T-Server could not be asked about from its status alone', () => {
    expect(recoveredCall('5001', known, undefined, 42)).toMatchObject({
      parties: [],
      ani: undefined,
      dnis: undefined,
      userData: new KVList(),
    });
  });
});

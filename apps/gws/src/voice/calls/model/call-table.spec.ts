import { KVList, tmessage, type TAttributes, type TMessage } from '@gws/tlib';
import { callCapabilities } from './call-capabilities';
import { CallTable } from './call-table';

const A = '5001';
const X = '0000000000000001';
const Y = '0000000000000002';

function event(name: TMessage['name'], connId: string, extra: TAttributes = {}): TMessage {
  return { name, attributes: { ThisDN: A, ConnID: connId, CallUUID: `UUID-${connId}`, CallType: 2, ...extra } };
}

/** An inbound call X established at A, with a transfer consultation Y to 5002 in progress. */
function consulting(kind: 'transfer' | 'conference' = 'transfer'): CallTable {
  const table = new CallTable(() => 0);
  table.apply(event('EventRinging', X, { OtherDN: '+1555' }));
  table.apply(event('EventEstablished', X));
  table.expectConsult(A, 'UUID-' + X, kind);
  table.apply(event('EventHeld', X));
  table.apply(event('EventDialing', Y, { CallType: 4, OtherDN: '5002' }));
  return table;
}

describe('CallTable', () => {
  it('links a consultation to its held call, which then offers to complete it', () => {
    const table = consulting();
    const original = table.get('UUID-' + X)!;
    const consult = table.get('UUID-' + Y)!;
    expect(consult).toMatchObject({ callType: 'Consult', parentId: original.id, state: 'Dialing', parties: ['5002'] });
    expect(original.consult).toEqual({ id: consult.id, kind: 'transfer' });
    expect(callCapabilities(original, table.all())).toEqual(expect.arrayContaining(['Retrieve', 'CompleteTransfer']));
    expect(callCapabilities(original, table.all())).not.toContain('InitiateTransfer');
  });

  it('announces a completed transfer as original Released, then consultation Released', () => {
    const table = consulting();
    table.apply(event('EventEstablished', Y));
    table.expectTransferCompletion('UUID-' + X);
    expect(table.apply(event('EventReleased', Y))).toEqual([]);
    const changes = table.apply(event('EventReleased', X, { CallState: 1 }));
    expect(changes.map(({ call }) => [call.id, call.state])).toEqual([
      ['UUID-' + X, 'Released'],
      ['UUID-' + Y, 'Released'],
    ]);
    expect(table.all()).toEqual([]);
  });

  it('lets out a held-back release when the completion is refused', () => {
    const table = consulting();
    table.expectTransferCompletion('UUID-' + X);
    table.apply(event('EventReleased', Y));
    expect(table.completionFailed('UUID-' + X).map(({ call }) => [call.id, call.state])).toEqual([
      ['UUID-' + Y, 'Released'],
    ]);
    expect(table.get('UUID-' + X)?.consult).toBeUndefined();
  });

  it('keeps the id when T-Server merges calls, and follows conference membership', () => {
    const table = new CallTable(() => 0);
    table.apply(event('EventRinging', Y, { CallType: 4, OtherDN: '5009' }));
    const [merged] = table.apply(
      event('EventPartyChanged', X, { PreviousConnID: Y, OtherDN: '+1555', CallUUID: 'UUID-X2' }),
    );
    expect(merged).toMatchObject({
      notificationType: 'ParticipantsUpdated',
      call: { id: 'UUID-' + Y, connId: X, callUuid: 'UUID-X2', callType: 'Inbound', parties: ['+1555'] },
    });
    table.apply(event('EventPartyAdded', X, { ThirdPartyDN: '5003' }));
    expect(table.byConnId(X)?.parties).toEqual(['+1555', '5003']);
    table.apply(event('EventEstablished', X, { OtherDN: '5003' }));
    expect(table.byConnId(X)?.parties).toEqual(['+1555', '5003']);
    table.apply(event('EventPartyDeleted', X, { ThirdPartyDN: '+1555' }));
    expect(table.byConnId(X)?.parties).toEqual(['5003']);
  });

  it('replaces user data from EventAttachedDataChanged and reports DTMF without a state change', () => {
    const table = new CallTable(() => 0);
    table.apply(event('EventEstablished', X));
    table.apply(event('EventRinging', X));
    const [changed] = table.apply(event('EventAttachedDataChanged', X, { UserData: KVList.from({ a: '1' }) }));
    expect(changed?.notificationType).toBe('AttachedDataChanged');
    expect(changed?.call.userData.toObject()).toEqual({ a: '1' });
    expect(table.apply(tmessage('EventDTMFSent', { ThisDN: A, ConnID: X, DTMFDigits: '1' }))[0]?.notificationType).toBe(
      'DtmfSent',
    );
  });

  it('on re-sync releases the calls T-Server no longer lists, then adds the new ones, then applies what waited', () => {
    const table = consulting();
    const epoch = table.suspend(A);
    const Z = '0000000000000003';
    const established = event('EventEstablished', Z);
    const retrieved = event('EventRetrieved', X);
    expect(table.apply(established)).toEqual([]);
    expect(table.apply(retrieved)).toEqual([]);
    const listed = [
      { connId: Z, callUuid: 'UUID-' + Z, state: 'Ringing' as const, callType: 2 },
      { connId: X, callUuid: 'UUID-' + X, state: 'Held' as const, callType: 2 },
    ];
    const z = {
      ...table.get('UUID-' + X)!,
      id: 'UUID-' + Z,
      callUuid: 'UUID-' + Z,
      connId: Z,
      state: 'Ringing' as const,
    };
    const changes = table.resync(A, epoch, listed, [z]);
    expect(changes?.map(({ call }) => [call.id, call.state])).toEqual([
      ['UUID-' + Y, 'Released'],
      ['UUID-' + Z, 'Ringing'],
      ['UUID-' + Z, 'Established'],
      ['UUID-' + X, 'Established'],
    ]);
    // What the events did names them (their notifications report those events); what the listing did, nothing.
    expect(changes?.map((change) => change.event)).toEqual([undefined, undefined, established, retrieved]);
    expect(table.get('UUID-' + X)?.consult).toBeUndefined();
    expect(table.apply(event('EventHeld', X)).map(({ call }) => call.state)).toEqual(['Held']);
  });

  it('announces a state T-Server reports for a known call, and ignores a superseded re-sync', () => {
    const table = new CallTable(() => 0);
    table.apply(event('EventDialing', X, { CallType: 3, OtherDN: '+1555' }));
    const stale = table.suspend(A);
    const current = table.suspend(A);
    const listed = [{ connId: X, callUuid: 'UUID-' + X, state: 'Established' as const, callType: 3 }];
    expect(table.resync(A, stale, listed, [])).toBeUndefined();
    expect(table.suspension(A)).toBe(current);
    const changes = table.resync(A, current, listed, []);
    expect(changes?.map(({ call }) => [call.id, call.state])).toEqual([['UUID-' + X, 'Established']]);
    expect(table.suspension(A)).toBeUndefined();
  });

  it('ignores events for calls it does not know, and events without a DN', () => {
    const table = new CallTable(() => 0);
    expect(table.apply(event('EventHeld', X))).toEqual([]);
    expect(table.apply({ name: 'EventReleased', attributes: { ConnID: X } })).toEqual([]);
  });
});

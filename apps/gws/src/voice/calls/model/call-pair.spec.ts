import { agentCall, refusal } from '../../testing/voice-fixtures';
import type { AgentCall } from './agent-call';
import { pairOf } from './call-pair';
import { CallTable } from './call-table';

/** A table holding `calls` as they are (restored, as re-sync does). */
function tableOf(...calls: AgentCall[]): CallTable {
  const table = new CallTable(() => 0);
  const epoch = table.suspend('5001');
  table.resync(
    '5001',
    epoch,
    calls.map((call) => ({ connId: call.connId, callUuid: call.callUuid, state: call.state, callType: 2 })),
    calls,
  );
  return table;
}

const original = agentCall({ state: 'Held', consult: { id: 'CALL-2', kind: 'transfer' } });
const consult = agentCall({ id: 'CALL-2', callUuid: 'CALL-2', connId: '0000000000000002', parentId: 'CALL-1' });

describe('pairOf', () => {
  it('pairs a call with its consultation, from either side', () => {
    const calls = tableOf(original, consult);
    const expected = { parent: original, consult, held: original, active: consult };
    expect(pairOf(calls, original, undefined)).toEqual(expected);
    expect(pairOf(calls, consult, undefined)).toEqual(expected);
  });

  it('takes the call named by id, and else the DN one other live call', () => {
    const held = agentCall({ id: 'CALL-3', callUuid: 'CALL-3', connId: '0000000000000003', state: 'Held' });
    const talking = agentCall();
    const calls = tableOf(held, talking);
    expect(pairOf(calls, talking, 'CALL-3')).toMatchObject({ held, active: talking, parent: held });
    expect(pairOf(calls, talking, undefined)).toMatchObject({ held, active: talking });
  });

  it('refuses an unknown other call with 6 and a call with no other with 2', () => {
    const calls = tableOf(agentCall());
    expect(refusal(() => pairOf(calls, agentCall(), 'CALL-9'))).toEqual([6, 'Call CALL-9 not found']);
    expect(refusal(() => pairOf(calls, agentCall(), undefined))).toEqual([
      2,
      'Call CALL-1 has no other call to pair with',
    ]);
    expect(refusal(() => pairOf(calls, agentCall(), 'CALL-1'))).toEqual([
      2,
      'Call CALL-1 has no other call to pair with',
    ]);
  });

  it("refuses another DN's call as not found", () => {
    const elsewhere = agentCall({ id: 'CALL-4', callUuid: 'CALL-4', connId: '0000000000000004', dn: '5002' });
    const calls = tableOf(agentCall());
    const epoch = calls.suspend('5002');
    calls.resync(
      '5002',
      epoch,
      [{ connId: elsewhere.connId, callUuid: 'CALL-4', state: 'Established', callType: 2 }],
      [elsewhere],
    );
    expect(refusal(() => pairOf(calls, agentCall(), 'CALL-4'))).toEqual([6, 'Call CALL-4 not found']);
  });
});

import { GwsException } from '../../common/gws.exception';
import { CALL_OPERATIONS } from '../../voice/calls/call-operations';
import { callView } from '../../voice/calls/model/call-view';
import type { AgentCall } from '../../voice/calls/model/agent-call';
import { ResourceUrls } from '../../voice/resource-urls';
import { agentCall, refusal } from '../../voice/testing/voice-fixtures';
import { V3_CALL_OPERATIONS, v3CallCapabilities, type CallLookup } from './v3-call-operations';

const urls = new ResourceUrls('http://gws');
const view = (call: AgentCall, others: AgentCall[] = [call]) => callView(call, others, urls, 'DEVICE-1');

function lookup(calls: AgentCall[]): CallLookup {
  return {
    idOf: (idOrConnId) => {
      const call = calls.find((candidate) => candidate.id === idOrConnId || candidate.connId === idOrConnId);
      if (call === undefined) throw new GwsException(6, `Call ${idOrConnId} not found`);
      return call.id;
    },
    get: (id) => calls.find((call) => call.id === id),
  };
}

describe('V3_CALL_OPERATIONS', () => {
  it('runs v2 commands only, each v3 name on the command of the same meaning', () => {
    const commands = Object.fromEntries(
      Object.entries(V3_CALL_OPERATIONS).map(([name, operation]) => [name, operation.command.name]),
    );
    expect(commands).toEqual({
      answer: 'Answer',
      hold: 'Hold',
      retrieve: 'Retrieve',
      release: 'Hangup',
      redirect: 'Redirect',
      'send-dtmf': 'SendDtmf',
      'initiate-transfer': 'InitiateTransfer',
      'initiate-conference': 'InitiateConference',
      'single-step-transfer': 'SingleStepTransfer',
      'single-step-conference': 'SingleStepConference',
      alternate: 'SwapCalls',
      'complete-transfer': 'CompleteTransfer',
      'complete-conference': 'CompleteConference',
      merge: 'CompleteConference',
      reconnect: 'Retrieve',
      'delete-from-conference': 'RemoveParticipantFromConference',
      'attach-user-data': 'AttachUserData',
      'update-user-data': 'UpdateUserData',
      'delete-user-data-pair': 'DeleteUserDataPair',
    });
    for (const operation of Object.values(V3_CALL_OPERATIONS)) {
      expect(Object.values(CALL_OPERATIONS)).toContain(operation.command);
    }
  });

  it('gives the commands their own parameters, naming other calls by id or ConnID', () => {
    const parent = agentCall({ id: 'P', connId: '00000000000000aa', state: 'Held' });
    const calls = lookup([parent, agentCall({ id: 'C', connId: '00000000000000cc' })]);
    const ops = V3_CALL_OPERATIONS;
    expect(ops['complete-transfer']!.params({ parentConnId: '00000000000000aa' }, calls)).toEqual({ otherCallId: 'P' });
    expect(ops['alternate']!.params({ heldConnId: 'P' }, calls)).toEqual({ otherCallId: 'P' });
    expect(ops['merge']!.params({ otherConnId: 'P' }, calls)).toEqual({ otherCallId: 'P' });
    expect(ops['send-dtmf']!.params({ dtmfDigits: '12#' }, calls)).toEqual({ digits: '12#' });
    expect(ops['delete-from-conference']!.params({ dnToDrop: '5003' }, calls)).toEqual({ participant: '5003' });
    expect(
      ops['initiate-transfer']!.params(
        { destination: '5002', userData: [{ key: 'Case', type: 'int', value: 7 }] },
        calls,
      ),
    ).toEqual({ destination: '5002', location: undefined, userData: { Case: 7 } });
    expect(refusal(() => ops['complete-transfer']!.params({ parentConnId: 'nope' }, calls))).toEqual([
      6,
      'Call nope not found',
    ]);
  });

  it('reconnects by retrieving the held call, and only from its consultation', () => {
    const parent = agentCall({ id: 'P', state: 'Held', consult: { id: 'C', kind: 'transfer' } });
    const consult = agentCall({ id: 'C', connId: '00000000000000cc', parentId: 'P' });
    const other = agentCall({ id: 'X', connId: '00000000000000dd' });
    const calls = lookup([parent, consult, other]);
    const reconnect = V3_CALL_OPERATIONS['reconnect']!;
    expect(reconnect.target!({ heldConnId: 'P' }, 'C', calls)).toBe('P');
    expect(refusal(() => reconnect.target!({ heldConnId: 'P' }, 'X', calls))).toEqual([
      2,
      'Call X is not a consultation of call P: reconnect returns from a consultation to its call',
    ]);
  });

  it('lists, by the v2 capabilities of a call, the v3 operations that run them', () => {
    expect(v3CallCapabilities(view(agentCall({ state: 'Ringing' })))).toEqual([
      'answer',
      'release',
      'redirect',
      'attach-user-data',
      'update-user-data',
      'delete-user-data-pair',
    ]);
    const parent = agentCall({ id: 'P', state: 'Held', consult: { id: 'C', kind: 'transfer' } });
    const consult = agentCall({ id: 'C', parentId: 'P', callType: 'Consult' });
    expect(v3CallCapabilities(view(consult, [parent, consult]))).toEqual([
      'hold',
      'release',
      'send-dtmf',
      'single-step-transfer',
      'single-step-conference',
      'alternate',
      'complete-transfer',
      'complete-conference',
      'merge',
      'reconnect',
      'attach-user-data',
      'update-user-data',
      'delete-user-data-pair',
    ]);
    expect(v3CallCapabilities(view(agentCall({ state: 'Released' })))).toEqual([]);
  });
});

import { agentCall } from '../../testing/voice-fixtures';
import { CALL_OPERATIONS } from '../call-operations';
import { callCapabilities } from './call-capabilities';

const USER_DATA = ['AttachUserData', 'UpdateUserData', 'DeleteUserData', 'DeleteUserDataPair'];
const START_CONSULT = ['SingleStepTransfer', 'InitiateTransfer', 'SingleStepConference', 'InitiateConference'];

describe('callCapabilities', () => {
  it('lists by state, in GWS order', () => {
    expect(callCapabilities(agentCall({ state: 'Dialing' }), [])).toEqual(['Hangup', 'SendDtmf', ...USER_DATA]);
    expect(callCapabilities(agentCall({ state: 'Ringing' }), [])).toEqual([
      'Answer',
      'Hangup',
      'Redirect',
      ...USER_DATA,
    ]);
    expect(callCapabilities(agentCall(), [])).toEqual(['Hold', 'Hangup', 'SendDtmf', ...START_CONSULT, ...USER_DATA]);
    expect(callCapabilities(agentCall({ state: 'Held' }), [])).toEqual([
      'Retrieve',
      'Hangup',
      ...START_CONSULT,
      ...USER_DATA,
    ]);
    expect(callCapabilities(agentCall({ state: 'Released' }), [])).toEqual([]);
  });

  it('offers swap and completion on an established call while another is held, and no new consultation', () => {
    const held = agentCall({ id: 'CALL-0', state: 'Held' });
    expect(callCapabilities(agentCall(), [held])).toEqual([
      'Hold',
      'Hangup',
      'SendDtmf',
      'SingleStepTransfer',
      'SingleStepConference',
      'SwapCalls',
      'CompleteTransfer',
      'CompleteConference',
      ...USER_DATA,
    ]);
    expect(callCapabilities(agentCall(), [{ ...held, state: 'Released' }])).toContain('InitiateTransfer');
    expect(callCapabilities(agentCall(), [agentCall()])).toContain('InitiateTransfer');
  });

  it('offers to remove a participant of a conference', () => {
    expect(callCapabilities(agentCall({ parties: ['+15550100', '5002'] }), [])).toEqual([
      'Hold',
      'Hangup',
      'SendDtmf',
      ...START_CONSULT,
      'RemoveParticipantFromConference',
      ...USER_DATA,
    ]);
  });

  it('offers a held call with a consultation pending its completion, and the swap once the consultation is answered', () => {
    const pending = agentCall({ state: 'Held', consult: { id: undefined, kind: 'transfer' } });
    expect(callCapabilities(pending, [])).toEqual(['Retrieve', 'Hangup', 'CompleteTransfer', ...USER_DATA]);
    const conference = agentCall({ state: 'Held', consult: { id: 'CALL-2', kind: 'conference' } });
    const dialing = agentCall({ id: 'CALL-2', state: 'Dialing', parentId: 'CALL-1' });
    expect(callCapabilities(conference, [dialing])).toEqual(['Retrieve', 'Hangup', 'CompleteConference', ...USER_DATA]);
    expect(callCapabilities(conference, [{ ...dialing, state: 'Established' }])).toEqual([
      'Retrieve',
      'Hangup',
      'SwapCalls',
      'CompleteConference',
      ...USER_DATA,
    ]);
  });

  it('offers every call operation in some state, and nothing that is not one', () => {
    const situations = [
      callCapabilities(agentCall({ state: 'Ringing' }), []),
      callCapabilities(agentCall({ parties: ['a', 'b'] }), [agentCall({ id: 'CALL-0', state: 'Held' })]),
      callCapabilities(agentCall({ state: 'Held' }), []),
    ];
    expect(new Set(situations.flat())).toEqual(new Set(Object.keys(CALL_OPERATIONS)));
  });

  it('gives a new array each time: a caller may change its copy', () => {
    const first = callCapabilities(agentCall({ state: 'Ringing' }), []);
    first.length = 0;
    expect(callCapabilities(agentCall({ state: 'Ringing' }), [])).toEqual([
      'Answer',
      'Hangup',
      'Redirect',
      ...USER_DATA,
    ]);
  });
});

import type { AgentCall } from './agent-call';

const USER_DATA = ['AttachUserData', 'UpdateUserData', 'DeleteUserData', 'DeleteUserDataPair'];
const START_CONSULT = ['SingleStepTransfer', 'InitiateTransfer', 'SingleStepConference', 'InitiateConference'];

/**
 * Operations valid on `call` now, given the DN's other live calls (GWS reference, capabilities by state). A call
 * with a consultation pending can complete it or swap to it but not start another.
 */
export function callCapabilities(call: AgentCall, others: readonly AgentCall[]): string[] {
  const live = others.filter((other) => other.id !== call.id && other.state !== 'Released');
  const held = live.some((other) => other.state === 'Held');
  const conference = call.parties.length >= 2 ? ['RemoveParticipantFromConference'] : [];
  const consult = call.consult;
  switch (call.state) {
    case 'Released':
      return [];
    case 'Dialing':
      return ['Hangup', 'SendDtmf', ...USER_DATA];
    case 'Ringing':
      return ['Answer', 'Hangup', 'Redirect', ...USER_DATA];
    case 'Established':
      return [
        'Hold',
        'Hangup',
        'SendDtmf',
        ...(consult === undefined && !held ? START_CONSULT : ['SingleStepTransfer', 'SingleStepConference']),
        ...(held ? ['SwapCalls', 'CompleteTransfer', 'CompleteConference'] : []),
        ...conference,
        ...USER_DATA,
      ];
    case 'Held':
      return [
        'Retrieve',
        'Hangup',
        ...(consult === undefined ? START_CONSULT : []),
        ...(consult?.kind === 'transfer' ? ['CompleteTransfer'] : []),
        ...(consult?.kind === 'conference' ? ['CompleteConference'] : []),
        ...(consult !== undefined && live.some((other) => other.id === consult.id && other.state === 'Established')
          ? ['SwapCalls']
          : []),
        ...USER_DATA,
      ];
  }
}

import type { CallOperationName } from '../call-operations';
import type { AgentCall } from './agent-call';

const USER_DATA: CallOperationName[] = ['AttachUserData', 'UpdateUserData', 'DeleteUserData', 'DeleteUserDataPair'];
const START_CONSULT: CallOperationName[] = [
  'SingleStepTransfer',
  'InitiateTransfer',
  'SingleStepConference',
  'InitiateConference',
];
const SINGLE_STEP: CallOperationName[] = ['SingleStepTransfer', 'SingleStepConference'];

function when(condition: boolean, ...names: CallOperationName[]): CallOperationName[] {
  return condition ? names : [];
}

/**
 * Operations valid on `call` now, given the DN's other live calls (GWS reference, capabilities by state), in the
 * order GWS lists them. A call with a consultation pending can complete it or swap to it but not start another.
 * Only names of CALL_OPERATIONS can be listed.
 */
export function callCapabilities(call: AgentCall, others: readonly AgentCall[]): CallOperationName[] {
  const live = others.filter((other) => other.id !== call.id && other.state !== 'Released');
  const held = live.some((other) => other.state === 'Held');
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
        ...(consult === undefined && !held ? START_CONSULT : SINGLE_STEP),
        ...when(held, 'SwapCalls', 'CompleteTransfer', 'CompleteConference'),
        ...when(call.parties.length >= 2, 'RemoveParticipantFromConference'),
        ...USER_DATA,
      ];
    case 'Held':
      return [
        'Retrieve',
        'Hangup',
        ...when(consult === undefined, ...START_CONSULT),
        ...when(consult?.kind === 'transfer', 'CompleteTransfer'),
        ...when(consult?.kind === 'conference', 'CompleteConference'),
        ...when(
          consult !== undefined && live.some((other) => other.id === consult.id && other.state === 'Established'),
          'SwapCalls',
        ),
        ...USER_DATA,
      ];
  }
}

import { GwsException } from '../../../common/gws.exception';
import { GwsStatus } from '../../../common/gws-status';
import type { AgentCall } from './agent-call';
import type { CallTable } from './call-table';

/** The two calls of a consultation or a swap, each by its role. */
export interface CallPair {
  /** The call the consultation was made from. */
  readonly parent: AgentCall;
  readonly consult: AgentCall;
  /** The one of the two that is held, and the other. */
  readonly held: AgentCall;
  readonly active: AgentCall;
}

/**
 * `call` and its other call for CompleteTransfer, CompleteConference and SwapCalls: the one named by `otherId`
 * (statusCode 6 when it is not a call of the same DN), else the call's own consultation (or the call it consults
 * about), else the DN's one other live call (statusCode 2 when there is none).
 */
export function pairOf(calls: CallTable, call: AgentCall, otherId: string | undefined): CallPair {
  let other: AgentCall | undefined;
  if (otherId !== undefined) {
    other = calls.get(otherId);
    if (other === undefined || other.dn !== call.dn) {
      throw new GwsException(GwsStatus.NotFound, `Call ${otherId} not found`);
    }
  } else if (call.consult?.id !== undefined) {
    other = calls.get(call.consult.id);
  } else if (call.parentId !== undefined) {
    other = calls.get(call.parentId);
  } else {
    other = calls.onDn(call.dn).find((candidate) => candidate.id !== call.id && candidate.state !== 'Released');
  }
  if (other === undefined || other.id === call.id) {
    throw new GwsException(GwsStatus.InvalidForState, `Call ${call.id} has no other call to pair with`);
  }
  const parent =
    call.consult !== undefined ? call : other.consult !== undefined ? other : call.state === 'Held' ? call : other;
  const consult = parent === call ? other : call;
  const held = call.state === 'Held' ? call : other;
  return { parent, consult, held, active: held === call ? other : call };
}

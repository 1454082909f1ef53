import { CALL_OPERATIONS, type CallOperationName } from '../call-operations';
import type { CallSituation } from '../call-operation';
import type { AgentCall } from './agent-call';

const NAMES = Object.keys(CALL_OPERATIONS) as CallOperationName[];

/** The situation of `call` among the DN's other calls, as the operations' `offered` rules read it. */
function callSituation(call: AgentCall, others: readonly AgentCall[]): CallSituation | undefined {
  if (call.state === 'Released') return undefined;
  const live = others.filter((other) => other.id !== call.id && other.state !== 'Released');
  const consult = call.consult;
  return {
    state: call.state,
    consult,
    otherHeld: live.some((other) => other.state === 'Held'),
    consultEstablished:
      consult !== undefined && live.some((other) => other.id === consult.id && other.state === 'Established'),
    parties: call.parties.length,
  };
}

/**
 * Operations valid on `call` now, given the DN's other live calls: those of CALL_OPERATIONS whose `offered` rule
 * holds (GWS reference, capabilities by state), in the table's order. A call with a consultation pending can
 * complete it or swap to it but not start another; a released call offers nothing.
 */
export function callCapabilities(call: AgentCall, others: readonly AgentCall[]): CallOperationName[] {
  const situation = callSituation(call, others);
  if (situation === undefined) return [];
  return NAMES.filter((name) => CALL_OPERATIONS[name].offered(situation));
}

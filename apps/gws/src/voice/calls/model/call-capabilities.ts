import { CALL_OPERATIONS, type CallOperationName } from '../call-operations';
import type { CallSituation } from '../call-operation';
import type { AgentCall } from './agent-call';

const NAMES = Object.keys(CALL_OPERATIONS) as CallOperationName[];

/**
 * The operations offered in each situation met so far, by `situationKey`: a handful of situations cover every
 * call, and each pushed call event needs one. Bounded in case conferences of many sizes come along.
 */
const offeredIn = new Map<string, readonly CallOperationName[]>();
const MAX_SITUATIONS = 512;

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
 * Everything of a situation the `offered` rules may read: each field of CallSituation, and of the consultation its
 * kind and whether T-Server has announced it (its id's value says nothing about which operations fit).
 */
function situationKey(s: CallSituation): string {
  const consult = s.consult === undefined ? '-' : `${s.consult.kind}:${s.consult.id === undefined ? 'asked' : 'up'}`;
  return `${s.state}|${consult}|${s.otherHeld ? 1 : 0}|${s.consultEstablished ? 1 : 0}|${s.parties}`;
}

/**
 * Operations valid on `call` now, given the DN's other live calls: those of CALL_OPERATIONS whose `offered` rule
 * holds (GWS reference, capabilities by state), in the table's order. A call with a consultation pending can
 * complete it or swap to it but not start another; a released call offers nothing. A new array each time.
 */
export function callCapabilities(call: AgentCall, others: readonly AgentCall[]): CallOperationName[] {
  const situation = callSituation(call, others);
  if (situation === undefined) return [];
  const key = situationKey(situation);
  let offered = offeredIn.get(key);
  if (offered === undefined) {
    offered = NAMES.filter((name) => CALL_OPERATIONS[name].offered(situation));
    if (offeredIn.size < MAX_SITUATIONS) offeredIn.set(key, offered);
  }
  return [...offered];
}

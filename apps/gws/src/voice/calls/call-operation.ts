import type { TMessage } from '@gws/tlib';
import type { ClassConstructor } from 'class-transformer';
import type { Command, CommandSpec } from '../../common/operations/command';
import type { TServerRequests } from '../tserver-requests';
import type { AgentCall, CallChange } from './model/agent-call';
import type { CallTable } from './model/call-table';

/** The call an operation acts on, and the table of the DN's calls (for the other call of a pair). */
export interface CallTarget {
  readonly calls: CallTable;
  readonly call: AgentCall;
}

/**
 * What decides which operations a call offers now (GWS reference, capabilities by state): its state, the
 * consultation it started, and the DN's other live calls.
 */
export interface CallSituation {
  readonly state: Exclude<AgentCall['state'], 'Released'>;
  /** The consultation this call started (its id is undefined until T-Server announces the call). */
  readonly consult: AgentCall['consult'];
  /** Another live call of the DN is held. */
  readonly otherHeld: boolean;
  /** The consultation's call is established. */
  readonly consultEstablished: boolean;
  /** Parties on the call besides this DN. */
  readonly parties: number;
}

/** What a call operation does once its call allows it. */
export interface CallPlan {
  /** Sends the request through the T-Server client's helpers; resolves with T-Server's direct reply. */
  readonly send: (tserver: TServerRequests) => Promise<TMessage>;
  /** Takes back what was prepared in the call table for the reply when T-Server refuses; the changes to announce. */
  readonly undo?: () => CallChange[];
}

/**
 * One operation on a call (docs/operations.md). Its name is the capability a call must list for it to be sent.
 * `plan` checks what the call cannot tell from its capabilities (a participant that is not one, a pair that cannot
 * be found: GwsException), tells the call table what the reply will bring (a consultation, a transfer completing)
 * and says which request to send and how to undo that preparation.
 */
export interface CallOperation<P = unknown, D extends object = object> extends Command<P, D> {
  /** Whether a call in this situation lists the operation among its capabilities. */
  offered(situation: CallSituation): boolean;
  plan(params: P, target: CallTarget): CallPlan;
}

/** A call operation, with `params` and `plan` typed by its DTO (for `commandTable`). */
export function callOperation<D extends object, P>(spec: {
  readonly offered: (situation: CallSituation) => boolean;
  readonly dto: ClassConstructor<D>;
  readonly params: (body: D) => P;
  readonly plan: (params: P, target: CallTarget) => CallPlan;
}): CommandSpec<CallOperation<P, D>> {
  return spec;
}

/** A plan that only sends (nothing to prepare in the call table, nothing to undo). */
export function sendOnly(send: (tserver: TServerRequests) => Promise<TMessage>): CallPlan {
  return { send };
}

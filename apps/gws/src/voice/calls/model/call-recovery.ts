import { KVList, type TMessage } from '@gws/tlib';
import type { AgentCall, CallState } from './agent-call';
import { callTypeName } from './call-table';

const STATES: Readonly<Record<string, CallState>> = {
  Dialing: 'Dialing',
  Ringing: 'Ringing',
  Established: 'Established',
  Held: 'Held',
};

export interface KnownCall {
  readonly connId: string;
  readonly callUuid: string;
  readonly state: CallState;
  readonly callType: number;
}

/**
 * The calls on `dn` as T-Server reports them in EventRegistered / EventAddressInfo Extensions: `Calls` is a list of
 * ConnID -> { CallUUID, State, CallType } (docs/simulator.md). Calls in a state an agent cannot act on are skipped.
 */
export function callsFromStatus(dn: string, extensions: KVList | undefined): KnownCall[] {
  const calls = extensions?.get('Calls');
  if (!(calls instanceof KVList)) return [];
  return calls.pairs().flatMap(({ key, value }) => {
    if (!(value instanceof KVList)) return [];
    const state = STATES[value.getString('State') ?? ''];
    if (state === undefined) return [];
    return [
      { connId: key, callUuid: value.getString('CallUUID') ?? key, state, callType: value.getInt('CallType') ?? 1 },
    ];
  });
}

/** A call rebuilt from its status and, when T-Server answered RequestQueryCall, its EventPartyInfo. */
export function recoveredCall(dn: string, known: KnownCall, partyInfo: TMessage | undefined, now: number): AgentCall {
  const parties: string[] = [];
  for (const { value } of partyInfo?.attributes.Extensions ?? new KVList()) {
    if (!(value instanceof KVList)) continue;
    const party = value.getString('DN');
    const kind = value.getString('Kind');
    if (party !== undefined && party !== dn && kind !== 'queue' && kind !== 'routing-point') parties.push(party);
  }
  return {
    id: known.callUuid,
    callUuid: known.callUuid,
    connId: known.connId,
    dn,
    state: known.state,
    callType: callTypeName(known.callType),
    parties,
    ani: partyInfo?.attributes.ANI,
    dnis: partyInfo?.attributes.DNIS,
    userData: partyInfo?.attributes.UserData ?? new KVList(),
    startedAt: now,
    parentId: undefined,
    consult: undefined,
  };
}

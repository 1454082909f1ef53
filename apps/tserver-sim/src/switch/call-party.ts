import type { TAttributes } from '@gws/tlib';
import type { TimerHandle } from './switch-timers';

/** Who a party is: a DN of the directory, a number outside it, or a queue / routing point the call waits at. */
export type PartyKind = 'internal' | 'external' | 'queue' | 'routing-point';

/** `Offered`: the DN's phone is being invited (SIP) and has not rung yet; T-Lib clients do not see the party. */
export type PartyState = 'Offered' | 'Dialing' | 'Ringing' | 'Established' | 'Held' | 'Queued' | 'Routing';

/** One leg of a call. Parties move between calls on transfer and conference, so they are looked up, not cached. */
export interface Party {
  readonly dn: string;
  readonly kind: PartyKind;
  state: PartyState;
  /** DNRole (Origination, Destination, ConferenceMember). */
  role: number;
  /** Was ever Established: decides after-call work when the call ends. */
  answered: boolean;
  /** The ACD queue that distributed the call to this party (ThisQueue on its events). */
  queue?: string;
  /** A pending answer or no-answer timer of an external party. */
  timer?: TimerHandle;
  /** What EventRinging adds for an `Offered` party once its phone rings (ThirdPartyDN of a conference invite). */
  ringing?: TAttributes;
}

/** Parties that are people or phones, not places a call waits at. */
export function isReal(party: Party): boolean {
  return party.kind === 'internal' || party.kind === 'external';
}

/** Parties T-Lib clients know of: all but one whose phone has not rung yet. */
export function isAnnounced(party: Party): boolean {
  return party.state !== 'Offered';
}

import type { ConnId } from '@gws/tlib';
import type { Call } from './call';
import type { Party } from './call-party';
import type { DeferredReply } from './event-sink';

/**
 * Phones the switch reaches over signalling (SIP endpoints behind the WebRTC gateway). For a DN they reach, what
 * the phone does drives the call: its ringing is EventRinging, its answer EventEstablished, its hang-up a release;
 * desktop requests on the DN become requests to the phone. Without them every DN behaves as a simulated one.
 */
export interface SwitchEndpoints {
  /** Where the phones report back; called once, by the switch model. */
  attach(reports: EndpointReports): void;
  /** Whether calls to `dn` ring a phone. */
  reaches(dn: string): boolean;
  /**
   * Invites `party`'s phone; its progress comes back through `EndpointReports`. A `destination` rings (the party is
   * `Offered` until it does); an `origin` is the DN that dials (3PCC: its own phone is called first and asked to
   * answer at once), whose events do not wait for its phone.
   */
  offer(call: Call, party: Party, role: OfferRole): void;
  /** The phone ringing or talking for `party`, while it does. */
  phone(party: Party): EndpointPhone | undefined;
}

export type OfferRole = 'destination' | 'origin';

/** Requests to one phone on one call. Each completes later; its outcome comes back through `EndpointReports`. */
export interface EndpointPhone {
  /** Whether the desktop can answer it (SIP Server's `sip-cti-control` has `talk`); else a human answers. */
  readonly remoteAnswer: boolean;
  answer(reply: DeferredReply): void;
  hold(reply: DeferredReply): void;
  retrieve(reply: DeferredReply): void;
  sendDtmf(digits: string): void;
  /** The party left the call: the phone stops ringing (CANCEL) or hangs up (BYE). No report follows. */
  hangUp(): void;
}

/** Why a phone did not take the call: it refused (busy, declined) or could not be reached / never answered. */
export type EndpointFailure = 'busy' | 'no-answer';

/** What phones report, by the party they ring or talk for. Reports about a party no longer on a call are ignored. */
export interface EndpointReports {
  alerting(party: Party): void;
  answered(party: Party): void;
  failed(party: Party, failure: EndpointFailure): void;
  /** The phone hung up (SIP BYE). */
  hungUp(party: Party): void;
  /** The phone holds the call, by itself or as asked. */
  held(party: Party): void;
  retrieved(party: Party): void;
  /** The call the party is on now (parties move between calls on transfer and conference). */
  connIdOf(party: Party): ConnId | undefined;
}

/** No phones: every DN is simulated. */
export const NO_ENDPOINTS: SwitchEndpoints = {
  attach: () => undefined,
  reaches: () => false,
  offer: () => {
    throw new Error('no phones are attached to this switch');
  },
  phone: () => undefined,
};

/** What SIP Server may make a phone do in-dialog (Genesys DN option `sip-cti-control`): answer, hold/retrieve. */
export type CtiControl = 'talk' | 'hold';
export const CTI_CONTROLS: readonly CtiControl[] = ['talk', 'hold'];

export interface SipAddress {
  readonly host: string;
  readonly port: number;
}

/** The simulator's SIP side: SIP Server toward the WebRTC gateway (docs/simulator.md, "SIP side"). */
export interface SimulatorSipOptions {
  /** UDP address of the SIP side (`127.0.0.2`, not the gateway's address); port 0 = a free port. */
  readonly listen: SipAddress;
  /** The gateway (Kamailio) every INVITE goes to. */
  readonly gateway: SipAddress;
  /** Domain of the DNs' SIP URIs (`sip:<dn>@<domain>`). @default 'gw.open-gws.test' */
  readonly domain?: string;
  /** DNs whose phone is a SIP endpoint behind the gateway (WebRTC DNs). @default /^5[0-9]{3}$/ */
  readonly dnPattern?: RegExp;
  /** Remote control the phones support, as SIP Server's `sip-cti-control`. @default ['talk', 'hold'] */
  readonly ctiControl?: readonly CtiControl[];
  /** How long an INVITE may go without the phone ringing (18x) before the call is not delivered (408). @default 32000 */
  readonly inviteTimeoutMs?: number;
}

export const SIP_DEFAULTS = {
  domain: 'gw.open-gws.test',
  dnPattern: /^5[0-9]{3}$/,
  ctiControl: CTI_CONTROLS,
  /** RFC 3261 timer B. */
  inviteTimeoutMs: 32_000,
} as const;

/** One call leg to a phone as the control API shows it (`GET /sip/legs`). */
export interface SipLegInfo {
  readonly connId: string;
  readonly dn: string;
  readonly callId: string;
  readonly state: SipLegState;
  readonly rtp: { readonly packetsIn: number; readonly packetsOut: number; readonly rms: number };
  readonly dtmfSent: string;
}

export type SipLegState = 'inviting' | 'ringing' | 'established' | 'held' | 'cancelling' | 'ended' | 'failed';

import type { LinkLogger } from '@gws/framed-link';
import type { Call } from '../switch/call';
import type { Party } from '../switch/call-party';
import type { EndpointPhone, EndpointReports, OfferRole, SwitchEndpoints } from '../switch/endpoints';
import { SipDialog } from './sip-dialog';
import { SipLeg } from './sip-leg';
import { tagOf, type SipRequest } from './sip-message';
import { SIP_DEFAULTS, type CtiControl, type SimulatorSipOptions, type SipLegInfo } from './sip-options';
import { startSipStack, type SipStack } from './sip-stack';

/** Ended legs kept for `GET /sip/legs` (their final counters), newest first. */
const ENDED_LEGS_KEPT = 20;
/** How long closing waits for the phones to acknowledge their BYE / CANCEL. */
const CLOSE_GRACE_MS = 300;
const ALLOW = 'INVITE, ACK, CANCEL, BYE, NOTIFY, INFO, OPTIONS';

interface LegEntry {
  readonly leg: SipLeg;
  readonly party: Party;
  connId: string;
}

/**
 * The simulator as SIP Server toward the WebRTC gateway: a call leg per party on a WebRTC DN (INVITE
 * `sip:<dn>@<domain>` through the gateway), what the phone does reported to the switch, desktop requests carried to
 * the phone. The gateway is the phones' registrar, so there is no REGISTER here: a phone that is not registered is
 * the gateway's 480.
 */
export class SipGatewaySide implements SwitchEndpoints {
  private stack: SipStack | undefined;
  private reports: EndpointReports | undefined;
  private readonly live = new Map<Party, LegEntry>();
  private readonly ended: LegEntry[] = [];
  private readonly domain: string;
  private readonly dnPattern: RegExp;
  private readonly ctiControl: ReadonlySet<CtiControl>;

  constructor(
    private readonly options: SimulatorSipOptions,
    private readonly logger: LinkLogger,
    private readonly now: () => number,
  ) {
    this.domain = options.domain ?? SIP_DEFAULTS.domain;
    this.dnPattern = options.dnPattern ?? SIP_DEFAULTS.dnPattern;
    this.ctiControl = new Set(options.ctiControl ?? SIP_DEFAULTS.ctiControl);
  }

  /** Binds the SIP side's UDP port. */
  async listen(): Promise<void> {
    this.stack = await startSipStack({
      host: this.options.listen.host,
      port: this.options.listen.port,
      logger: this.logger,
      onRequest: (request) => this.onRequest(request),
    });
  }

  /** The bound UDP port (0 before `listen`). */
  get port(): number {
    return this.stack?.port ?? 0;
  }

  attach(reports: EndpointReports): void {
    this.reports = reports;
  }

  reaches(dn: string): boolean {
    return this.stack !== undefined && this.dnPattern.test(dn);
  }

  /** An `origin` phone (3PCC MakeCall) is asked to answer at once: `Call-Info: <sip:domain>;answer-after=0`. */
  offer(call: Call, party: Party, role: OfferRole): void {
    const stack = this.stack;
    const reports = this.reports;
    if (stack === undefined || reports === undefined) throw new Error('the SIP side is not listening');
    const caller = sipUser(call.otherDn(party.dn) ?? call.origin.ani);
    const dialog = new SipDialog({
      remoteUri: `sip:${party.dn}@${this.domain}`,
      localUri: `sip:${caller}@${this.domain}`,
      localName: caller,
      contact: `sip:sipserver@${stack.host}:${stack.port}`,
      outboundProxy: `sip:${this.options.gateway.host}:${this.options.gateway.port};lr`,
    });
    const leg = new SipLeg(
      party.dn,
      dialog,
      {
        stack,
        mediaHost: this.options.listen.host,
        ctiControl: this.ctiControl,
        inviteTimeoutMs: this.options.inviteTimeoutMs ?? SIP_DEFAULTS.inviteTimeoutMs,
        logger: this.logger,
        now: this.now,
      },
      {
        alerting: () => reports.alerting(party),
        answered: () => reports.answered(party),
        failed: (failure) => reports.failed(party, failure),
        hungUp: () => reports.hungUp(party),
        held: () => reports.held(party),
        retrieved: () => reports.retrieved(party),
        ended: () => this.retire(party),
      },
    );
    this.live.set(party, { party, leg, connId: call.connId });
    this.logger.info({ dn: party.dn, connId: call.connId, callId: dialog.callId, role }, 'inviting the phone');
    void leg.start(role === 'origin' ? { 'call-info': `<sip:${this.domain}>;answer-after=0` } : {});
  }

  phone(party: Party): EndpointPhone | undefined {
    const entry = this.live.get(party);
    return entry === undefined || entry.leg.finished ? undefined : entry.leg;
  }

  /** Every live leg, then the last ended ones, for the control API. */
  legs(): SipLegInfo[] {
    return [...this.live.values(), ...this.ended].map((entry) => {
      const connId = this.live.has(entry.party) ? (this.reports?.connIdOf(entry.party) ?? entry.connId) : entry.connId;
      entry.connId = connId;
      const { leg } = entry;
      const { packetsIn, packetsOut, rms } = leg.rtp;
      return {
        connId,
        dn: leg.dn,
        callId: leg.callId,
        state: leg.state,
        rtp: { packetsIn, packetsOut, rms },
        dtmfSent: leg.dtmfSent,
      };
    });
  }

  /** Hangs up every phone (BYE, CANCEL), waits briefly for them to acknowledge, then closes the port. */
  async close(): Promise<void> {
    const stack = this.stack;
    this.stack = undefined;
    if (stack === undefined) return;
    const open = [...this.live.values()];
    for (const { leg } of open) leg.close();
    if (open.length > 0) await new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS));
    stack.close();
  }

  private retire(party: Party): void {
    const entry = this.live.get(party);
    if (entry === undefined) return;
    entry.connId = this.reports?.connIdOf(party) ?? entry.connId;
    this.live.delete(party);
    this.ended.unshift(entry);
    this.ended.length = Math.min(this.ended.length, ENDED_LEGS_KEPT);
  }

  /** A request from the gateway: in a leg's dialog, or (a call from a softphone, a probe) answered here. */
  private onRequest(request: SipRequest): void {
    const stack = this.stack;
    if (stack === undefined) return;
    const entry = [...this.live.values()].find(({ leg }) => leg.owns(request));
    if (entry !== undefined) {
      entry.leg.onRequest(request);
      return;
    }
    if (request.method === 'ACK') return;
    if (request.method === 'OPTIONS') stack.respond(request, 200, 'OK', { headers: { allow: ALLOW } });
    else if (tagOf(request.headers.to) !== undefined) stack.respond(request, 481, 'Call/Transaction Does Not Exist');
    else if (request.method === 'INVITE') stack.respond(request, 403, 'Dial from the desktop');
    else stack.respond(request, 405, 'Method Not Allowed', { headers: { allow: ALLOW } });
  }
}

/** A caller's number as the user part of a SIP URI (RFC 3261 `user` characters); `anonymous` when none is left. */
function sipUser(number: string | undefined): string {
  const user = (number ?? '').replace(/[^A-Za-z0-9+\-_.!~*'()]/g, '');
  return user === '' ? 'anonymous' : user;
}

import { randomBytes, randomUUID } from 'node:crypto';
import {
  contactUri,
  formatUri,
  tagOf,
  type NameAddr,
  type SipHeaders,
  type SipRequest,
  type SipResponse,
} from './sip-message';

export interface DialogIdentity {
  /** Request-URI and To of the INVITE: `sip:<dn>@<domain>`. */
  readonly remoteUri: string;
  /** From of the INVITE: who calls, `sip:<number>@<domain>`. */
  readonly localUri: string;
  readonly localName?: string;
  /** Our Contact: where the far end sends in-dialog requests. */
  readonly contact: string;
  /** The first hop of the INVITE (the gateway), as a loose route: `sip:127.0.0.1:5060;lr`. */
  readonly outboundProxy: string;
}

export const USER_AGENT = 'open-gws tserver-sim';
const ALLOW = 'INVITE, ACK, CANCEL, BYE, NOTIFY, INFO, OPTIONS';

/**
 * One dialog the simulator opens with an INVITE (RFC 3261 section 12): Call-ID, tags, route set and remote target
 * from the response that establishes it (an early dialog from a 1xx with a To tag, confirmed by the 2xx, which
 * recomputes both), and our CSeq counter.
 */
export class SipDialog {
  readonly callId = `${randomUUID()}@tserver-sim`;
  readonly localTag = randomBytes(6).toString('hex');
  remoteTag: string | undefined;
  private remoteTarget: string | undefined;
  private routeSet: NameAddr[] = [];
  private cseq = 0;
  private inviteSeq = 0;

  constructor(private readonly identity: DialogIdentity) {}

  /** The initial INVITE (CSeq 1) through the outbound proxy. */
  invite(sdp: string, headers: SipHeaders = {}): SipRequest {
    this.inviteSeq = ++this.cseq;
    return {
      method: 'INVITE',
      uri: this.identity.remoteUri,
      headers: {
        ...this.common('INVITE', this.inviteSeq),
        to: { uri: this.identity.remoteUri, params: {} },
        route: [this.proxyRoute()],
        contact: [{ uri: this.identity.contact, params: {} }],
        allow: ALLOW,
        'content-type': 'application/sdp',
        ...headers,
      },
      content: sdp,
    };
  }

  /** CANCEL of the initial INVITE: same Request-URI, Route, Call-ID, From, To and CSeq number, the INVITE's branch. */
  cancel(invite: SipRequest): SipRequest {
    const branch = invite.headers.via?.[0]?.params.branch ?? undefined;
    return {
      method: 'CANCEL',
      uri: invite.uri,
      headers: {
        ...this.common('CANCEL', this.inviteSeq),
        to: { uri: this.identity.remoteUri, params: {} },
        route: [this.proxyRoute()],
        via: [{ params: branch === undefined ? {} : { branch } }],
      },
    };
  }

  /** The dialog is established (or confirmed, for a 2xx) by `response`, if it carries a To tag. */
  establish(response: SipResponse): void {
    const tag = tagOf(response.headers.to);
    if (tag === undefined) return;
    const confirming = response.status >= 200 && response.status < 300;
    if (this.remoteTag !== undefined && !confirming) return;
    this.remoteTag = tag;
    this.routeSet = [...(response.headers['record-route'] ?? [])].reverse();
    this.remoteTarget = contactUri(response) ?? this.remoteTarget;
  }

  get established(): boolean {
    return this.remoteTag !== undefined;
  }

  get contact(): string {
    return this.identity.contact;
  }

  /** A 2xx to a re-INVITE may move the far end's target; the route set stays (RFC 3261 section 12.2.1.2). */
  refreshTarget(response: SipResponse): void {
    this.remoteTarget = contactUri(response) ?? this.remoteTarget;
  }

  /** A new request in the dialog (NOTIFY, INFO, re-INVITE, BYE) with the next CSeq. */
  request(method: string, headers: SipHeaders = {}, content?: string): SipRequest {
    const seq = ++this.cseq;
    if (method === 'INVITE') this.inviteSeq = seq;
    return {
      method,
      uri: this.target(),
      headers: {
        ...this.common(method, seq),
        to: this.remoteAddress(),
        route: this.route(),
        ...(method === 'INVITE' ? { contact: [{ uri: this.identity.contact, params: {} }], allow: ALLOW } : {}),
        ...headers,
      },
      ...(content !== undefined ? { content } : {}),
    };
  }

  /** The ACK of `response`, a 2xx to an INVITE (a transaction of its own, with that INVITE's CSeq number). */
  ack(response: SipResponse): SipRequest {
    const seq = response.headers.cseq?.seq ?? this.inviteSeq;
    return {
      method: 'ACK',
      uri: this.target(),
      headers: { ...this.common('ACK', seq), to: this.remoteAddress(), route: this.route(), via: [] },
    };
  }

  /** Whether `request` from the far end belongs to this dialog. */
  owns(request: SipRequest): boolean {
    return request.headers['call-id'] === this.callId && tagOf(request.headers.to) === this.localTag;
  }

  private common(method: string, seq: number): SipHeaders {
    return {
      from: {
        ...(this.identity.localName !== undefined ? { name: `"${this.identity.localName}"` } : {}),
        uri: this.identity.localUri,
        params: { tag: this.localTag },
      },
      'call-id': this.callId,
      cseq: { method, seq },
      'max-forwards': '70',
      'user-agent': USER_AGENT,
    };
  }

  private remoteAddress(): NameAddr {
    return { uri: this.identity.remoteUri, params: this.remoteTag === undefined ? {} : { tag: this.remoteTag } };
  }

  /** Without a Contact from the far end the request goes where the INVITE went. */
  private target(): string {
    return this.remoteTarget ?? this.identity.remoteUri;
  }

  private route(): NameAddr[] {
    if (this.remoteTarget === undefined && this.routeSet.length === 0) return [this.proxyRoute()];
    return this.routeSet.map((entry) => ({ ...entry, uri: formatUri(entry.uri) }));
  }

  private proxyRoute(): NameAddr {
    return { uri: this.identity.outboundProxy, params: {} };
  }
}

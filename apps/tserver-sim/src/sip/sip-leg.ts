import { randomInt } from 'node:crypto';
import type { LinkLogger } from '@gws/framed-link';
import { TErrorCode } from '@gws/tlib';
import type { EndpointFailure, EndpointPhone } from '../switch/endpoints';
import type { DeferredReply } from '../switch/event-sink';
import { InDialogRequests } from './in-dialog-requests';
import { RtpSession, type RtpStats } from './media/rtp-session';
import { answerSdp, offerSdp, parseSdp, type LocalMedia, type MediaDirection, type RemoteMedia } from './sdp';
import type { SipDialog } from './sip-dialog';
import type { SipHeaders, SipRequest, SipResponse } from './sip-message';
import type { CtiControl, SipLegState } from './sip-options';
import type { SipStack } from './sip-stack';

/** What a leg reports about its phone; nothing once the switch has let go of the party (`hangUp`). */
export interface LegListener {
  alerting(): void;
  answered(): void;
  failed(failure: EndpointFailure): void;
  hungUp(): void;
  held(): void;
  retrieved(): void;
  /** The leg is over (whatever ended it): bookkeeping only. */
  ended(): void;
}

export interface LegSettings {
  readonly stack: SipStack;
  readonly mediaHost: string;
  readonly ctiControl: ReadonlySet<CtiControl>;
  readonly inviteTimeoutMs: number;
  readonly logger: LinkLogger;
  readonly now: () => number;
}

/** How long a CANCEL may wait for the INVITE's final response before the leg is given up (RFC 3261 timer B). */
const CANCEL_GUARD_MS = 32_000;
/** SIP answers that mean the phone refused the call rather than not being there. */
const BUSY_STATUSES: readonly number[] = [486, 600, 603];
const DTMF_DURATION_MS = 100;
const ALLOW = 'INVITE, ACK, CANCEL, BYE, NOTIFY, INFO, OPTIONS';

type Phase = 'inviting' | 'ringing' | 'established' | 'cancelling' | 'ended' | 'failed';

/**
 * One call leg from the simulator (SIP Server) to a phone through the gateway: the INVITE and its dialog, the
 * in-dialog requests that carry desktop requests to the phone (NOTIFY talk/hold or re-INVITE, INFO, BYE, CANCEL),
 * the requests the phone sends (BYE, re-INVITE), and the leg's RTP.
 */
export class SipLeg implements EndpointPhone {
  private phase: Phase = 'inviting';
  private media: RtpSession | undefined;
  private invite: SipRequest | undefined;
  private readonly requests: InDialogRequests;
  private provisional = false;
  private cancelWanted = false;
  private cancelSent = false;
  /** The switch let go of the party: nothing more is reported. */
  private detached = false;
  private holding = false;
  /** What the switch asked last (hold or retrieve): a late confirmation of the other is not reported. */
  private wantHeld = false;
  private reinviting = false;
  private version = 0;
  private readonly sessionId = randomInt(2 ** 31);
  private timer: NodeJS.Timeout | undefined;
  /** Replies to desktop requests that wait for this phone; failed when the leg ends first. */
  private readonly replies: DeferredReply[] = [];
  private finalStats: RtpStats | undefined;
  private invitedAt = 0;
  dtmfSent = '';

  constructor(
    readonly dn: string,
    private readonly dialog: SipDialog,
    private readonly settings: LegSettings,
    private readonly listener: LegListener,
  ) {
    this.requests = new InDialogRequests(
      settings.stack,
      () => this.phase === 'ringing' || this.phase === 'established',
    );
  }

  get callId(): string {
    return this.dialog.callId;
  }

  get remoteAnswer(): boolean {
    return this.settings.ctiControl.has('talk');
  }

  /** No more requests to this phone: it hung up, the call left it, or it never got through. */
  get finished(): boolean {
    return this.phase === 'ended' || this.phase === 'failed' || this.phase === 'cancelling';
  }

  get state(): SipLegState {
    return this.phase === 'established' && this.holding ? 'held' : this.phase;
  }

  get rtp(): RtpStats {
    return this.finalStats ?? this.media?.stats() ?? { packetsIn: 0, packetsOut: 0, rms: 0 };
  }

  owns(request: SipRequest): boolean {
    return this.dialog.owns(request);
  }

  /** Opens the leg's RTP socket and sends the INVITE with a plain RTP/AVP offer. */
  async start(headers: SipHeaders): Promise<void> {
    try {
      this.media = await RtpSession.open(this.settings.mediaHost, this.settings.now);
    } catch (error) {
      this.settings.logger.error({ dn: this.dn, err: error }, 'cannot open an RTP socket for the SIP leg');
      this.fail('no-answer');
      return;
    }
    if (this.phase !== 'inviting' || this.cancelWanted) {
      this.finish('ended');
      return;
    }
    this.invite = this.dialog.invite(offerSdp(this.local('sendrecv')), headers);
    this.invitedAt = this.settings.now();
    this.settings.stack.send(this.invite, (response) => this.onInviteResponse(response));
    this.timer = setTimeout(
      () => this.safely('INVITE timeout', () => this.inviteTimedOut()),
      this.settings.inviteTimeoutMs,
    );
  }

  /** NOTIFY `Event: talk` in the early dialog; the phone's 200 to the INVITE is the EventEstablished `reply` waits for. */
  answer(reply: DeferredReply): void {
    if (this.phase !== 'ringing' || !this.dialog.established) {
      reply.fail(TErrorCode.InvalidAttribute, `the phone of DN ${this.dn} is not ringing`);
      return;
    }
    this.replies.push(reply);
    this.run('NOTIFY talk', () =>
      this.ask('NOTIFY talk', () => this.dialog.request('NOTIFY', { event: 'talk' }), reply),
    );
  }

  hold(reply: DeferredReply): void {
    this.changeHold(true, reply);
  }

  retrieve(reply: DeferredReply): void {
    this.changeHold(false, reply);
  }

  /** Each digit as an INFO (one at a time; `dtmfSent` grows as each goes out) and as RFC 4733 events. */
  sendDtmf(digits: string): void {
    if (this.phase !== 'established') return;
    this.media?.sendDigits(digits);
    for (const digit of digits) {
      const body = `Signal=${digit}\r\nDuration=${DTMF_DURATION_MS}\r\n`;
      this.run(`INFO ${digit}`, () =>
        this.ask(`INFO ${digit}`, () => {
          this.dtmfSent += digit;
          return this.dialog.request('INFO', { 'content-type': 'application/dtmf-relay' }, body);
        }),
      );
    }
  }

  /** The party left the call: BYE when talking, CANCEL while inviting (once a provisional response allows it). */
  hangUp(): void {
    this.detached = true;
    this.failReplies(`the call left DN ${this.dn}`);
    if (this.phase === 'established') {
      this.settings.stack.send(this.dialog.request('BYE'));
      this.finish('ended');
    } else if (this.phase === 'inviting' || this.phase === 'ringing') {
      this.phase = 'cancelling';
      this.cancelWanted = true;
      this.closeMedia();
      if (this.provisional) this.sendCancel();
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.finish('ended'), CANCEL_GUARD_MS);
    }
  }

  /** A request from the phone in this leg's dialog. */
  onRequest(request: SipRequest): void {
    const { stack } = this.settings;
    switch (request.method) {
      case 'ACK':
        return;
      case 'BYE':
        stack.respond(request, 200, 'OK');
        this.phoneHungUp();
        return;
      case 'INVITE':
        this.onReinvite(request);
        return;
      case 'INFO':
      case 'OPTIONS':
      case 'NOTIFY':
      case 'CANCEL':
        stack.respond(request, 200, 'OK');
        return;
      default:
        stack.respond(request, 405, 'Method Not Allowed', { headers: { allow: ALLOW } });
    }
  }

  /** The simulator stops: the phone is hung up, the media closed. */
  close(): void {
    if (!this.finished) this.hangUp();
    clearTimeout(this.timer);
    this.closeMedia();
  }

  private onInviteResponse(response: SipResponse): void {
    const { status } = response;
    if (status < 200) {
      this.provisional = true;
      if (this.cancelWanted) this.sendCancel();
      else if (status >= 180 && this.phase === 'inviting') this.alerting(response);
      return;
    }
    clearTimeout(this.timer);
    if (status < 300) {
      this.dialog.establish(response);
      this.settings.stack.send(this.dialog.ack(response));
      if (this.phase === 'inviting' || this.phase === 'ringing') this.answered(response);
      else if (this.phase !== 'established') this.byeAfterAll();
      return;
    }
    if (this.phase === 'inviting' || this.phase === 'ringing') {
      const { reason } = response;
      this.settings.logger.info({ dn: this.dn, callId: this.callId, status, reason }, 'phone did not take the call');
      this.fail(BUSY_STATUSES.includes(status) ? 'busy' : 'no-answer');
    } else if (this.phase === 'cancelling') {
      this.finish('ended');
    }
  }

  private alerting(response: SipResponse): void {
    this.dialog.establish(response);
    this.phase = 'ringing';
    clearTimeout(this.timer);
    this.report(() => this.listener.alerting());
  }

  private answered(response: SipResponse): void {
    this.phase = 'established';
    const remote = parseSdp(response.content);
    if (remote !== undefined) this.useRemote(remote);
    else
      this.settings.logger.warn({ dn: this.dn, callId: this.callId }, 'phone answered without an SDP answer: no media');
    const setupMs = this.settings.now() - this.invitedAt;
    this.settings.logger.info({ dn: this.dn, callId: this.callId, setupMs }, 'phone answered');
    this.report(() => this.listener.answered());
  }

  /** A 2xx after the leg was given up (it crossed our CANCEL, or came after the INVITE timeout): hung up at once. */
  private byeAfterAll(): void {
    this.settings.stack.send(this.dialog.request('BYE'));
    if (this.phase === 'cancelling') this.finish('ended');
  }

  private inviteTimedOut(): void {
    if (this.phase !== 'inviting') return;
    this.settings.logger.info({ dn: this.dn, callId: this.callId }, 'phone did not ring in time');
    this.cancelWanted = true;
    if (this.provisional) this.sendCancel();
    this.fail('no-answer');
  }

  /** CANCEL only after a provisional response (RFC 3261 section 9.1); until then it waits in `cancelWanted`. */
  private sendCancel(): void {
    if (this.invite === undefined || this.cancelSent) return;
    this.cancelSent = true;
    this.settings.stack.send(this.dialog.cancel(this.invite));
  }

  /** NOTIFY hold / talk to a phone with remote control, else our re-INVITE sendonly / sendrecv. */
  private changeHold(held: boolean, reply: DeferredReply): void {
    if (this.phase !== 'established') {
      reply.fail(TErrorCode.InvalidAttribute, `the phone of DN ${this.dn} is not talking`);
      return;
    }
    this.replies.push(reply);
    this.wantHeld = held;
    const what = this.settings.ctiControl.has('hold')
      ? `NOTIFY ${held ? 'hold' : 'talk'}`
      : `re-INVITE ${held ? 'sendonly' : 'sendrecv'}`;
    this.run(what, async () => {
      const done = this.settings.ctiControl.has('hold')
        ? await this.ask(what, () => this.dialog.request('NOTIFY', { event: held ? 'hold' : 'talk' }), reply)
        : await this.reinvite(held ? 'sendonly' : 'sendrecv', what, reply);
      if (done === undefined || !isSuccess(done) || this.wantHeld !== held || this.phase !== 'established') return;
      this.holding = held;
      this.report(() => (held ? this.listener.held() : this.listener.retrieved()));
    });
  }

  /** Our re-INVITE: a new offer in `direction`; its 2xx's answer moves our media, and each 2xx gets its ACK. */
  private async reinvite(
    direction: MediaDirection,
    what: string,
    reply: DeferredReply,
  ): Promise<SipResponse | undefined> {
    const build = (): SipRequest => {
      this.reinviting = true;
      return this.dialog.request('INVITE', { 'content-type': 'application/sdp' }, offerSdp(this.local(direction)));
    };
    const acknowledge = (response: SipResponse): void => {
      if (isSuccess(response)) this.settings.stack.send(this.dialog.ack(response));
    };
    const response = await this.ask(what, build, reply, acknowledge);
    this.reinviting = false;
    if (response !== undefined && isSuccess(response)) {
      this.dialog.refreshTarget(response);
      const remote = parseSdp(response.content);
      if (remote !== undefined) this.useRemote(remote);
    }
    return response;
  }

  /** Sends an in-dialog request; a final answer other than 2xx fails `reply` with an EventError. */
  private async ask(
    what: string,
    build: () => SipRequest,
    reply?: DeferredReply,
    everyFinal?: (response: SipResponse) => void,
  ): Promise<SipResponse | undefined> {
    const response = await this.requests.send(build, everyFinal);
    if (response === undefined || isSuccess(response)) return response;
    const { status, reason } = response;
    this.settings.logger.info({ dn: this.dn, callId: this.callId, status, reason }, `phone refused ${what}`);
    reply?.fail(refusalCode(status), `the phone of DN ${this.dn} answered ${what} with ${status} ${reason}`);
    return response;
  }

  /** The phone's re-INVITE: its own hold (sendonly, inactive) or retrieve, or a media change. */
  private onReinvite(request: SipRequest): void {
    const { stack } = this.settings;
    if (this.phase !== 'established') {
      stack.respond(request, 481, 'Call/Transaction Does Not Exist');
      return;
    }
    if (this.reinviting) {
      stack.respond(request, 491, 'Request Pending');
      return;
    }
    const offer = parseSdp(request.content);
    if (offer === undefined) {
      stack.respond(request, 488, 'Not Acceptable Here');
      return;
    }
    this.useRemote(offer);
    stack.respond(request, 200, 'OK', {
      headers: { contact: [{ uri: this.dialog.contact, params: {} }], 'content-type': 'application/sdp' },
      content: answerSdp(this.local('sendrecv'), offer),
    });
    const held = offer.direction === 'sendonly' || offer.direction === 'inactive';
    if (held === this.holding) return;
    this.holding = held;
    this.report(() => (held ? this.listener.held() : this.listener.retrieved()));
  }

  private phoneHungUp(): void {
    if (this.finished) return;
    const report = !this.detached;
    this.finish('ended');
    if (report) this.safely('BYE', () => this.listener.hungUp());
  }

  private fail(failure: EndpointFailure): void {
    const report = !this.detached;
    this.finish('failed');
    if (report) this.safely('failure', () => this.listener.failed(failure));
  }

  /** Our audio goes where the far end's SDP says, while the far end receives. */
  private useRemote(remote: RemoteMedia): void {
    this.media?.setTarget(remote);
    this.media?.setSending(remote.direction === 'sendrecv' || remote.direction === 'recvonly');
  }

  private local(direction: MediaDirection): LocalMedia {
    return {
      address: this.settings.mediaHost,
      port: this.media?.port ?? 9,
      sessionId: this.sessionId,
      version: ++this.version,
      direction,
    };
  }

  private finish(phase: 'ended' | 'failed'): void {
    if (this.phase === 'ended' || this.phase === 'failed') return;
    this.phase = phase;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.closeMedia();
    this.failReplies(`the call on DN ${this.dn} ended`);
    this.safely('end', () => this.listener.ended());
  }

  private closeMedia(): void {
    if (this.media === undefined) return;
    this.finalStats = this.media.stats();
    this.media.close();
    this.media = undefined;
  }

  private failReplies(why: string): void {
    for (const reply of this.replies.splice(0)) reply.fail(TErrorCode.InvalidConnId, why);
  }

  private report(run: () => void): void {
    if (!this.detached) this.safely('report', run);
  }

  /** Runs an asynchronous step: its error is logged, never left unhandled. */
  private run(what: string, step: () => Promise<unknown>): void {
    step().catch((error: unknown) =>
      this.settings.logger.error({ dn: this.dn, callId: this.callId, err: error }, `SIP leg: ${what} failed`),
    );
  }

  /** Runs a step called from a timer or a socket: its error is logged, never thrown at the caller. */
  private safely(what: string, run: () => void): void {
    try {
      run();
    } catch (error) {
      this.settings.logger.error({ dn: this.dn, callId: this.callId, err: error }, `SIP leg: ${what} failed`);
    }
  }
}

function isSuccess(response: SipResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

/** The EventError code for a phone's refusal: timeout 57, no such dialog 56, a 4xx refusal 51, else 50. */
function refusalCode(status: number): number {
  if (status === 408) return TErrorCode.Timeout;
  if (status === 481) return TErrorCode.InvalidConnId;
  return status < 500 ? TErrorCode.UnsupportedOperation : TErrorCode.UnknownError;
}

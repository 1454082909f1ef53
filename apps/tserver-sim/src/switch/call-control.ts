import { CallState, CallType, DNRole, TErrorCode, type ConnId, type KVList, type TAttributes } from '@gws/tlib';
import type { AgentTable } from './agents';
import type { Call } from './call';
import { isAnnounced, type Party } from './call-party';
import { emitCallEvent } from './call-events';
import type { SwitchCallTable } from './calls';
import type { DnTable } from './dns';
import { dialPlanOf } from './dial-plan';
import type { SwitchEndpoints } from './endpoints';
import { NO_REPLY } from './event-sink';
import type { Router } from './routing';
import type { SwitchContext } from './switch-context';
import { TServerError } from './tserver-error';
import { checkUserDataSize } from './user-data-cap';

export interface MakeCallRequest {
  readonly dn: string;
  readonly destination: string;
  readonly userData?: KVList;
  /** Makes it a consultation call about this call. */
  readonly consultOf?: ConnId;
}

export interface InboundCallRequest {
  readonly ani: string;
  readonly dnis?: string;
  readonly destination: string;
  readonly userData?: KVList;
}

const DTMF_DIGITS = /^[0-9*#A-D]+$/i;

/** Single-call operations and the life cycle every call shares: parties leave, the call ends, agents wrap up. */
export class CallControl {
  constructor(
    private readonly ctx: SwitchContext,
    private readonly dns: DnTable,
    private readonly calls: SwitchCallTable,
    private readonly agents: AgentTable,
    private readonly router: Router,
    private readonly endpoints: SwitchEndpoints,
  ) {}

  makeCall(request: MakeCallRequest): Call {
    const { dn, destination } = request;
    this.dns.requireStation(dn);
    this.checkDestination(dn, destination);
    if (request.userData !== undefined) checkUserDataSize(request.userData, this.ctx.settings.userDataCapBytes);
    const internal = this.dns.entry(destination) !== undefined;
    const callType =
      request.consultOf !== undefined ? CallType.Consult : internal ? CallType.Internal : CallType.Outbound;
    const call = this.calls.create({
      callType,
      ani: dn,
      dnis: destination,
      ...(request.consultOf !== undefined ? { consultOf: request.consultOf } : {}),
    });
    if (request.userData !== undefined) call.userData = request.userData.clone();
    const caller = call.add({ dn, kind: 'internal', state: 'Dialing', role: DNRole.Origination, answered: false });
    emitCallEvent(this.ctx, 'EventDialing', call, dn, { OtherDN: destination });
    if (this.router.deliver(call, destination) === 'busy') this.busy(call);
    else if (this.endpoints.reaches(dn)) this.endpoints.offer(call, caller, 'origin');
    return call;
  }

  injectInbound(request: InboundCallRequest): Call {
    if (typeof request.ani !== 'string' || request.ani === '') {
      throw new TServerError(TErrorCode.InvalidAttribute, `ANI must be a non-empty string, got ${String(request.ani)}`);
    }
    const entry = this.dns.require(request.destination);
    if (request.userData !== undefined) checkUserDataSize(request.userData, this.ctx.settings.userDataCapBytes);
    const call = this.calls.create({
      callType: CallType.Inbound,
      ani: request.ani,
      dnis: request.dnis ?? entry.number,
    });
    if (request.userData !== undefined) call.userData = request.userData.clone();
    call.add({ dn: request.ani, kind: 'external', state: 'Dialing', role: DNRole.Origination, answered: false });
    if (this.router.deliver(call, entry.number) === 'busy') this.endCall(call, CallState.Busy);
    return call;
  }

  /** The router reached a number outside the directory: it rings, then answers, is busy or never answers. */
  dialExternal(call: Call, number: string): void {
    const party = call.add({
      dn: number,
      kind: 'external',
      state: 'Ringing',
      role: DNRole.Destination,
      answered: false,
    });
    const plan = dialPlanOf(number);
    if (plan === 'busy') {
      this.busy(call);
      return;
    }
    for (const caller of this.dialing(call)) emitCallEvent(this.ctx, 'EventNetworkReached', call, caller.dn);
    if (plan === 'no-answer') {
      party.timer = this.ctx.timers.after(this.ctx.settings.noAnswerTimeoutMs, `no answer ${number}`, () => {
        const current = this.calls.findByParty(party);
        if (current !== undefined && party.state === 'Ringing') this.endCall(current, CallState.NoAnswer);
      });
    } else {
      party.timer = this.ctx.timers.after(this.ctx.settings.externalAnswerDelayMs, `answer ${number}`, () =>
        this.answerExternal(party),
      );
    }
  }

  /** A DN with a phone answers when the phone does (EventEstablished then), if the phone can be told to. */
  answer(dn: string, connId: ConnId): void {
    const { call, party } = this.calls.requireParty(connId, dn);
    if (party.state !== 'Ringing') {
      throw new TServerError(TErrorCode.InvalidAttribute, `call ${connId} is ${party.state}, not ringing, on DN ${dn}`);
    }
    const phone = this.endpoints.phone(party);
    if (phone === undefined) {
      this.establish(call, party);
      return;
    }
    if (!phone.remoteAnswer) {
      throw new TServerError(
        TErrorCode.UnsupportedOperation,
        `the phone of DN ${dn} cannot be answered remotely (no sip-cti-control talk): answer it on the phone`,
      );
    }
    phone.answer(this.ctx.sink.deferReply());
  }

  release(dn: string, connId: ConnId): void {
    const { call, party } = this.calls.requireParty(connId, dn);
    this.leave(call, party, CallState.Ok);
  }

  /** RequestHoldCall: a DN with a phone is held when its phone confirms (EventHeld then). */
  hold(dn: string, connId: ConnId): void {
    const { call, party } = this.holdable(dn, connId);
    const phone = this.endpoints.phone(party);
    if (phone === undefined) this.held(call, party);
    else phone.hold(this.ctx.sink.deferReply());
  }

  /** RequestRetrieveCall: a DN with a phone is retrieved when its phone confirms (EventRetrieved then). */
  retrieve(dn: string, connId: ConnId): void {
    const { call, party } = this.retrievable(dn, connId);
    const phone = this.endpoints.phone(party);
    if (phone === undefined) this.retrieved(call, party);
    else phone.retrieve(this.ctx.sink.deferReply());
  }

  /** Holds at once, as a step of a transfer or conference; a phone is told and not waited for. */
  holdNow(dn: string, connId: ConnId): void {
    const { call, party } = this.holdable(dn, connId);
    this.held(call, party);
    this.endpoints.phone(party)?.hold(NO_REPLY);
  }

  retrieveNow(dn: string, connId: ConnId): void {
    const { call, party } = this.retrievable(dn, connId);
    this.retrieved(call, party);
    this.endpoints.phone(party)?.retrieve(NO_REPLY);
  }

  held(call: Call, party: Party): void {
    party.state = 'Held';
    emitCallEvent(this.ctx, 'EventHeld', call, party.dn);
  }

  retrieved(call: Call, party: Party): void {
    party.state = 'Established';
    emitCallEvent(this.ctx, 'EventRetrieved', call, party.dn);
  }

  redirect(dn: string, connId: ConnId, destination: string): void {
    const { call, party } = this.calls.requireParty(connId, dn);
    this.requireState(party, 'Ringing', connId);
    this.checkDestination(dn, destination);
    this.checkNotBusy(destination);
    emitCallEvent(this.ctx, 'EventReleased', call, dn, { CallState: CallState.Redirected });
    call.remove(party);
    this.router.deliver(call, destination);
    this.partyLeft(party);
    this.settle(call);
  }

  clear(dn: string, connId: ConnId): void {
    const { call } = this.calls.requireParty(connId, dn);
    this.endCall(call, CallState.Ok, true);
  }

  sendDtmf(dn: string, connId: ConnId, digits: string): void {
    const { call, party } = this.calls.requireParty(connId, dn);
    if (!DTMF_DIGITS.test(digits)) throw new TServerError(TErrorCode.InvalidAttribute, `bad DTMF digits '${digits}'`);
    emitCallEvent(this.ctx, 'EventDTMFSent', call, dn, { DTMFDigits: digits });
    this.endpoints.phone(party)?.sendDtmf(digits);
  }

  /** The external party of an outbound call answers. @throws TServerError when none is ringing */
  externalAnswer(connId: ConnId): void {
    const party = this.calls.require(connId).parties.find((p) => p.kind === 'external' && p.state === 'Ringing');
    if (party === undefined)
      throw new TServerError(TErrorCode.InvalidAttribute, `no external party rings on ${connId}`);
    this.answerExternal(party);
  }

  /** The (first) external party hangs up. */
  externalHangup(connId: ConnId): void {
    const call = this.calls.require(connId);
    const party = call.parties.find((p) => p.kind === 'external');
    if (party === undefined)
      throw new TServerError(TErrorCode.InvalidAttribute, `call ${connId} has no external party`);
    this.leave(call, party, CallState.Ok);
  }

  /** The external party keys digits: every internal party of the call gets EventDigitsCollected. */
  externalSendDtmf(connId: ConnId, digits: string): void {
    const call = this.calls.require(connId);
    const party = call.parties.find((p) => p.kind === 'external');
    if (party === undefined)
      throw new TServerError(TErrorCode.InvalidAttribute, `call ${connId} has no external party`);
    if (!DTMF_DIGITS.test(digits)) throw new TServerError(TErrorCode.InvalidAttribute, `bad DTMF digits '${digits}'`);
    for (const internal of call.internalParties()) {
      emitCallEvent(this.ctx, 'EventDigitsCollected', call, internal.dn, {
        CollectedDigits: digits,
        LastDigit: digits.slice(-1),
        ThirdPartyDN: party.dn,
      });
    }
  }

  /** `party` leaves `call`: it gets EventReleased, a conference's other members EventPartyDeleted. */
  leave(call: Call, party: Party, callState: number): void {
    if (party.kind === 'internal' && isAnnounced(party)) {
      emitCallEvent(this.ctx, 'EventReleased', call, party.dn, { CallState: callState });
    }
    call.remove(party);
    this.ctx.timers.cancel(party.timer);
    if (call.realParties().length >= 2) {
      for (const other of call.internalParties()) {
        emitCallEvent(this.ctx, 'EventPartyDeleted', call, other.dn, { ThirdPartyDN: party.dn });
      }
    }
    this.partyLeft(party);
    this.settle(call);
  }

  /** Ends a call that has fewer than two real parties left (and nobody waiting in a queue for it). */
  settle(call: Call): void {
    if (this.calls.get(call.connId) !== call) return;
    const real = call.realParties().length;
    const waitingAt = call.parties.some((party) => !isRealKind(party));
    if (real >= 2 || (real === 1 && waitingAt)) return;
    this.endCall(call, CallState.Ok);
  }

  /**
   * Ends `call` for every party left. Ringing and queued parties of an inbound call are told it was abandoned;
   * everybody else gets EventReleased with `callState`. A clear releases everybody.
   */
  endCall(call: Call, callState: number, cleared = false, extra: TAttributes = {}): void {
    this.calls.delete(call);
    const parties = [...call.parties];
    for (const party of parties) {
      this.ctx.timers.cancel(party.timer);
      this.router.forget(party);
      if (party.kind === 'external' || !isAnnounced(party)) continue;
      const abandoned =
        !cleared && (party.kind !== 'internal' || (party.state === 'Ringing' && call.callType === CallType.Inbound));
      if (abandoned) emitCallEvent(this.ctx, 'EventAbandoned', call, party.dn, { CallState: CallState.Abandoned });
      else emitCallEvent(this.ctx, 'EventReleased', call, party.dn, { ...extra, CallState: callState });
    }
    call.parties.length = 0;
    for (const party of parties) this.partyLeft(party);
    this.router.distribute();
  }

  establish(call: Call, party: Party): void {
    party.state = 'Established';
    party.answered = true;
    if (party.kind === 'internal') emitCallEvent(this.ctx, 'EventEstablished', call, party.dn);
    for (const caller of call.parties) {
      if (caller === party || caller.state !== 'Dialing') continue;
      caller.state = 'Established';
      caller.answered = true;
      if (caller.kind === 'internal') emitCallEvent(this.ctx, 'EventEstablished', call, caller.dn);
    }
  }

  /**
   * An internal party is off the call: its phone hangs up, its agent may start after-call work, and may take queued
   * calls again.
   */
  partyLeft(party: Party): void {
    if (party.kind !== 'internal') return;
    this.hangUpPhone(party);
    this.agents.callEnded(party.dn, party.answered);
    this.router.distribute();
  }

  /** `party`'s phone, if it has one, leaves the call (CANCEL while ringing, BYE when talking). */
  hangUpPhone(party: Party | undefined): void {
    if (party !== undefined) this.endpoints.phone(party)?.hangUp();
  }

  checkDestination(dn: string, destination: string): void {
    if (destination === '') throw new TServerError(TErrorCode.InvalidCalledDn, 'OtherDN is empty');
    if (destination === dn) throw new TServerError(TErrorCode.InvalidCalledDn, `DN ${dn} cannot call itself`);
  }

  /** A call moved to a DN in do-not-disturb is refused before anything changes. */
  checkNotBusy(destination: string): void {
    if (this.dns.entry(destination) !== undefined && this.dns.featuresOf(destination).dnd) {
      throw new TServerError(TErrorCode.InvalidCalledDn, `DN ${destination} is in do-not-disturb`);
    }
  }

  requireState(party: Party, state: Party['state'], connId: ConnId): void {
    if (party.state !== state) {
      throw new TServerError(
        TErrorCode.InvalidAttribute,
        `call ${connId} is ${party.state} on DN ${party.dn}, not ${state}`,
      );
    }
  }

  private answerExternal(party: Party): void {
    this.ctx.timers.cancel(party.timer);
    party.timer = undefined;
    const call = this.calls.findByParty(party);
    if (call !== undefined && party.state === 'Ringing') this.establish(call, party);
  }

  /** The dialled number is busy: callers hear it, then the call ends with CallState Busy. */
  busy(call: Call): void {
    const dialled: TAttributes = call.origin.dnis !== undefined ? { OtherDN: call.origin.dnis } : {};
    for (const caller of this.dialing(call)) {
      emitCallEvent(this.ctx, 'EventDestinationBusy', call, caller.dn, dialled);
    }
    this.endCall(call, CallState.Busy, false, dialled);
  }

  private holdable(dn: string, connId: ConnId): { call: Call; party: Party } {
    const { call, party } = this.calls.requireParty(connId, dn);
    if (party.state === 'Held') throw new TServerError(TErrorCode.InSameState, `call ${connId} is already held`);
    this.requireState(party, 'Established', connId);
    return { call, party };
  }

  private retrievable(dn: string, connId: ConnId): { call: Call; party: Party } {
    const { call, party } = this.calls.requireParty(connId, dn);
    if (party.state === 'Established') throw new TServerError(TErrorCode.InSameState, `call ${connId} is not held`);
    this.requireState(party, 'Held', connId);
    return { call, party };
  }

  private dialing(call: Call): Party[] {
    return call.parties.filter((party) => party.kind === 'internal' && party.state === 'Dialing');
  }
}

function isRealKind(party: Party): boolean {
  return party.kind === 'internal' || party.kind === 'external';
}

import { CallState, DNRole, TErrorCode, type ConnId, type KVList } from '@gws/tlib';
import type { Call } from './call';
import type { Party } from './call-party';
import { emitCallEvent } from './call-events';
import type { CallControl } from './call-control';
import type { SwitchCallTable } from './calls';
import type { DnTable } from './dns';
import type { Router } from './routing';
import type { SwitchContext } from './switch-context';
import { TServerError } from './tserver-error';
import { checkUserDataSize } from './user-data-cap';

/** The two calls of a consultation as one DN sees them: the one it holds and the one it talks on. */
interface CallPair {
  readonly held: Call;
  readonly active: Call;
}

/**
 * Two-call operations (consult, complete, alternate, reconnect) and the one-step ones (single-step and mute
 * transfer, single-step conference, delete from conference). Event order per DN follows docs/simulator.md.
 */
export class Transfers {
  constructor(
    private readonly ctx: SwitchContext,
    private readonly dns: DnTable,
    private readonly calls: SwitchCallTable,
    private readonly control: CallControl,
    private readonly router: Router,
  ) {}

  /** Holds `connId` and dials a consultation call to `target` (transfer and conference alike). */
  initiate(dn: string, connId: ConnId, target: string, userData?: KVList): Call {
    const { call, party } = this.calls.requireParty(connId, dn);
    this.control.requireState(party, 'Established', connId);
    this.control.checkDestination(dn, target);
    const consultData = call.userData.clone();
    if (userData !== undefined) consultData.update(userData);
    checkUserDataSize(consultData, this.ctx.settings.userDataCapBytes);
    this.control.holdNow(dn, connId);
    return this.control.makeCall({ dn, destination: target, userData: consultData, consultOf: connId });
  }

  /** The held call keeps its ConnID; the consultation call's other parties move into it and it is released. */
  completeTransfer(dn: string, connId: ConnId, otherConnId: ConnId): void {
    const { held, active } = this.pair(dn, connId, otherConnId);
    const transferor = held.party(dn)!;
    const moved = this.movable(active, dn);
    const stayed = held.internalParties().filter((party) => party.dn !== dn);
    emitCallEvent(this.ctx, 'EventReleased', active, dn, { CallState: CallState.Ok });
    emitCallEvent(this.ctx, 'EventReleased', held, dn, { CallState: CallState.Transferred });
    this.calls.delete(active);
    this.control.hangUpPhone(active.party(dn));
    held.remove(transferor);
    for (const party of moved) held.add(party);
    const changed = { PreviousConnID: active.connId, ThirdPartyDN: dn, CallState: CallState.Transferred };
    for (const party of moved.filter(isInternal)) emitCallEvent(this.ctx, 'EventPartyChanged', held, party.dn, changed);
    for (const party of stayed) emitCallEvent(this.ctx, 'EventPartyChanged', held, party.dn, changed);
    this.control.partyLeft(transferor);
    this.control.settle(held);
  }

  /** The consultation call's other parties join the held call, which the conferencing DN retrieves. */
  completeConference(dn: string, connId: ConnId, otherConnId: ConnId): void {
    const { held, active } = this.pair(dn, connId, otherConnId);
    const moved = this.movable(active, dn);
    const stayed = held.internalParties().filter((party) => party.dn !== dn);
    emitCallEvent(this.ctx, 'EventReleased', active, dn, { CallState: CallState.Ok });
    this.calls.delete(active);
    this.control.hangUpPhone(active.party(dn));
    for (const party of moved) {
      party.role = DNRole.ConferenceMember;
      held.add(party);
    }
    this.control.retrieveNow(dn, held.connId);
    for (const party of moved) {
      emitCallEvent(this.ctx, 'EventPartyAdded', held, dn, { ThirdPartyDN: party.dn });
      for (const other of stayed)
        emitCallEvent(this.ctx, 'EventPartyAdded', held, other.dn, { ThirdPartyDN: party.dn });
      if (isInternal(party)) {
        emitCallEvent(this.ctx, 'EventPartyChanged', held, party.dn, {
          PreviousConnID: active.connId,
          ThirdPartyDN: dn,
          CallState: CallState.Conferenced,
        });
      }
    }
  }

  /** Holds the active call and retrieves the held one. */
  alternate(dn: string, connId: ConnId, otherConnId: ConnId): void {
    const { held, active } = this.pair(dn, connId, otherConnId);
    this.control.holdNow(dn, active.connId);
    this.control.retrieveNow(dn, held.connId);
  }

  /** Releases the consultation (active) call and retrieves the held one. */
  reconnect(dn: string, connId: ConnId, otherConnId: ConnId): void {
    const { held, active } = this.pair(dn, connId, otherConnId);
    this.control.release(dn, active.connId);
    this.control.retrieveNow(dn, held.connId);
  }

  singleStepTransfer(dn: string, connId: ConnId, target: string, userData?: KVList): void {
    const { call, party } = this.calls.requireParty(connId, dn);
    if (party.state !== 'Established' && party.state !== 'Held')
      this.control.requireState(party, 'Established', connId);
    this.control.checkDestination(dn, target);
    this.control.checkNotBusy(target);
    this.mergeUserData(call, userData);
    emitCallEvent(this.ctx, 'EventReleased', call, dn, { CallState: CallState.Transferred });
    call.remove(party);
    this.router.deliver(call, target);
    this.control.partyLeft(party);
    this.control.settle(call);
  }

  /** Consultation and completion in one step: the target rings on the original ConnID. */
  muteTransfer(dn: string, connId: ConnId, target: string, userData?: KVList): void {
    const consult = this.initiate(dn, connId, target, userData);
    if (this.calls.get(consult.connId) === undefined) {
      this.control.retrieveNow(dn, connId);
      throw new TServerError(TErrorCode.InvalidCalledDn, `mute transfer to ${target} failed: destination busy`);
    }
    this.completeTransfer(dn, connId, consult.connId);
  }

  /** Adds `target` to the call at once: an internal DN rings, an external number joins established. */
  singleStepConference(dn: string, connId: ConnId, target: string, userData?: KVList): void {
    const { call, party } = this.calls.requireParty(connId, dn);
    this.control.requireState(party, 'Established', connId);
    this.control.checkDestination(dn, target);
    if (call.party(target) !== undefined) {
      throw new TServerError(TErrorCode.InvalidCalledDn, `DN ${target} is already on call ${connId}`);
    }
    const entry = this.dns.entry(target);
    if (entry !== undefined && entry.type !== 'Extension' && entry.type !== 'ACDPosition') {
      throw new TServerError(TErrorCode.InvalidCalledDn, `cannot conference ${entry.type} ${target} in one step`);
    }
    this.control.checkNotBusy(target);
    this.mergeUserData(call, userData);
    const others = call.internalParties();
    const internal = entry !== undefined;
    const invited = call.add({
      dn: target,
      kind: internal ? 'internal' : 'external',
      state: internal ? 'Ringing' : 'Established',
      role: DNRole.ConferenceMember,
      answered: !internal,
    });
    for (const other of others) emitCallEvent(this.ctx, 'EventPartyAdded', call, other.dn, { ThirdPartyDN: target });
    if (internal) this.router.alert(call, invited, { ThirdPartyDN: dn, OtherDN: dn });
  }

  deleteFromConference(dn: string, connId: ConnId, target: string): void {
    const { call } = this.calls.requireParty(connId, dn);
    if (target === dn) throw new TServerError(TErrorCode.InvalidCalledDn, 'use RequestReleaseCall to leave a call');
    const party = call.party(target);
    if (party === undefined)
      throw new TServerError(TErrorCode.InvalidCalledDn, `DN ${target} is not on call ${connId}`);
    if (call.realParties().length < 3) {
      throw new TServerError(TErrorCode.InvalidAttribute, `call ${connId} is not a conference`);
    }
    if (isInternal(party)) emitCallEvent(this.ctx, 'EventReleased', call, target, { CallState: CallState.Ok });
    call.remove(party);
    this.ctx.timers.cancel(party.timer);
    for (const other of call.internalParties()) {
      emitCallEvent(this.ctx, 'EventPartyDeleted', call, other.dn, { ThirdPartyDN: target });
    }
    this.control.partyLeft(party);
    this.control.settle(call);
  }

  /** Finds which of the two calls `dn` holds. @throws TServerError 56 or 53 */
  private pair(dn: string, connId: ConnId, otherConnId: ConnId): CallPair {
    const first = this.calls.requireParty(connId, dn);
    const second = this.calls.requireParty(otherConnId, dn);
    if (first.call === second.call) {
      throw new TServerError(TErrorCode.InvalidAttribute, `ConnID and the second ConnID are the same call ${connId}`);
    }
    if (first.party.state === 'Held' && second.party.state !== 'Held') return { held: first.call, active: second.call };
    if (second.party.state === 'Held' && first.party.state !== 'Held') return { held: second.call, active: first.call };
    throw new TServerError(
      TErrorCode.InvalidAttribute,
      `DN ${dn} must hold exactly one of ${connId} (${first.party.state}) and ${otherConnId} (${second.party.state})`,
    );
  }

  /** The parties of the consultation call besides `dn`; one still waiting in a queue cannot move yet. */
  private movable(active: Call, dn: string): Party[] {
    const moved = active.parties.filter((party) => party.dn !== dn);
    if (moved.some((party) => !isInternal(party) && party.kind !== 'external')) {
      throw new TServerError(TErrorCode.InvalidAttribute, `call ${active.connId} is still queued or routing`);
    }
    return moved;
  }

  private mergeUserData(call: Call, userData: KVList | undefined): void {
    if (userData === undefined) return;
    const merged = call.userData.clone().update(userData);
    checkUserDataSize(merged, this.ctx.settings.userDataCapBytes);
    call.userData = merged;
  }
}

function isInternal(party: Party): boolean {
  return party.kind === 'internal';
}

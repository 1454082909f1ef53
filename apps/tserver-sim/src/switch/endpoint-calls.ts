import { CallState, type ConnId } from '@gws/tlib';
import type { AgentTable } from './agents';
import type { Call } from './call';
import type { CallControl } from './call-control';
import { isAnnounced, type Party } from './call-party';
import { emitCallEvent } from './call-events';
import type { SwitchCallTable } from './calls';
import type { EndpointFailure, EndpointReports } from './endpoints';
import type { Router } from './routing';
import type { SwitchContext } from './switch-context';

/**
 * What a DN's phone does, turned into the call's events as SIP Server reports them: the phone's ringing is
 * EventRinging, its answer EventEstablished, its hang-up EventReleased (as RequestReleaseCall from the DN), its
 * hold EventHeld. A phone that does not take the call is No-Answer Supervision's case (docs/simulator.md).
 */
export class EndpointCalls implements EndpointReports {
  constructor(
    private readonly ctx: SwitchContext,
    private readonly calls: SwitchCallTable,
    private readonly agents: AgentTable,
    private readonly router: Router,
    private readonly control: CallControl,
  ) {}

  alerting(party: Party): void {
    const call = this.calls.findByParty(party);
    if (call === undefined || party.state !== 'Offered') return;
    this.ring(call, party);
  }

  answered(party: Party): void {
    const call = this.calls.findByParty(party);
    if (call === undefined) return;
    if (party.state === 'Offered') this.ring(call, party);
    if (party.state === 'Ringing') this.control.establish(call, party);
  }

  /**
   * The phone did not take the call. A DN it rang on is released with CallState Busy or NoAnswer; a Ready agent
   * there goes NotReady; a call an ACD queue distributed goes back to that queue (overflow `recall`), any other
   * call ends as a busy or unanswered one would, unless others are still on it (a conference invite). The phone of
   * a DN that dials (3PCC) leaves the call as if it had hung up.
   */
  failed(party: Party, failure: EndpointFailure): void {
    const call = this.calls.findByParty(party);
    if (call === undefined) return;
    if (party.state !== 'Offered' && party.state !== 'Ringing') {
      this.control.leave(call, party, CallState.Ok);
      return;
    }
    const callState = failure === 'busy' ? CallState.Busy : CallState.NoAnswer;
    if (isAnnounced(party)) emitCallEvent(this.ctx, 'EventReleased', call, party.dn, { CallState: callState });
    call.remove(party);
    this.agents.noAnswer(party.dn);
    if (party.queue !== undefined) this.router.requeue(call, party.queue);
    else if (call.realParties().length >= 2) this.partyGone(call, party);
    else if (failure === 'busy') this.control.busy(call);
    else this.control.endCall(call, CallState.NoAnswer);
    this.control.partyLeft(party);
  }

  hungUp(party: Party): void {
    const call = this.calls.findByParty(party);
    if (call !== undefined) this.control.leave(call, party, CallState.Ok);
  }

  held(party: Party): void {
    const call = this.calls.findByParty(party);
    if (call !== undefined && party.state === 'Established') this.control.held(call, party);
  }

  retrieved(party: Party): void {
    const call = this.calls.findByParty(party);
    if (call !== undefined && party.state === 'Held') this.control.retrieved(call, party);
  }

  connIdOf(party: Party): ConnId | undefined {
    return this.calls.findByParty(party)?.connId;
  }

  private ring(call: Call, party: Party): void {
    party.state = 'Ringing';
    emitCallEvent(this.ctx, 'EventRinging', call, party.dn, party.ringing ?? {});
    party.ringing = undefined;
  }

  private partyGone(call: Call, party: Party): void {
    for (const other of call.internalParties()) {
      emitCallEvent(this.ctx, 'EventPartyDeleted', call, other.dn, { ThirdPartyDN: party.dn });
    }
  }
}

import { TErrorCode, type ConnId } from '@gws/tlib';
import { Call, type CallOrigin } from './call';
import type { Party } from './call-party';
import type { CallIdGenerator } from './connid';
import { TServerError } from './tserver-error';

/** The calls alive on the switch, by ConnID. */
export class SwitchCallTable {
  private readonly calls = new Map<ConnId, Call>();

  constructor(private readonly ids: CallIdGenerator) {}

  create(origin: CallOrigin): Call {
    const call = new Call(this.ids.nextConnId(), this.ids.nextCallUuid(), origin);
    this.calls.set(call.connId, call);
    return call;
  }

  get(connId: ConnId): Call | undefined {
    return this.calls.get(connId);
  }

  /** @throws TServerError 56 */
  require(connId: ConnId): Call {
    const call = this.calls.get(connId);
    if (call === undefined) throw new TServerError(TErrorCode.InvalidConnId, `no call with ConnID ${connId}`);
    return call;
  }

  /** The call and `dn`'s party in it. @throws TServerError 56 when either is missing */
  requireParty(connId: ConnId, dn: string): { call: Call; party: Party } {
    const call = this.require(connId);
    const party = call.party(dn);
    if (party === undefined) {
      throw new TServerError(TErrorCode.InvalidConnId, `DN ${dn} is not a party of call ${connId}`);
    }
    return { call, party };
  }

  delete(call: Call): void {
    this.calls.delete(call.connId);
  }

  callsOn(dn: string): Call[] {
    return [...this.calls.values()].filter((call) => call.party(dn) !== undefined);
  }

  findByParty(party: Party): Call | undefined {
    for (const call of this.calls.values()) if (call.parties.includes(party)) return call;
    return undefined;
  }

  all(): Call[] {
    return [...this.calls.values()];
  }
}

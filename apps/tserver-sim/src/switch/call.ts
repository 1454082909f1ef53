import { KVList, type ConnId } from '@gws/tlib';
import { isAnnounced, isReal, type Party } from './call-party';

export interface CallOrigin {
  readonly callType: number;
  readonly ani?: string;
  readonly dnis?: string;
  /** For a consultation call: the call it consults about. */
  readonly consultOf?: ConnId;
}

/** One call on the switch: identity, parties in joining order, and its user data. */
export class Call {
  readonly parties: Party[] = [];
  userData = new KVList();

  constructor(
    readonly connId: ConnId,
    readonly callUuid: string,
    readonly origin: CallOrigin,
  ) {}

  get callType(): number {
    return this.origin.callType;
  }

  party(dn: string): Party | undefined {
    return this.parties.find((party) => party.dn === dn);
  }

  add(party: Party): Party {
    this.parties.push(party);
    return party;
  }

  remove(party: Party): void {
    const at = this.parties.indexOf(party);
    if (at >= 0) this.parties.splice(at, 1);
  }

  realParties(): Party[] {
    return this.parties.filter(isReal);
  }

  /** The DNs of the directory on the call that T-Lib clients know of (not those whose phone has not rung yet). */
  internalParties(): Party[] {
    return this.parties.filter((party) => party.kind === 'internal' && isAnnounced(party));
  }

  /** The party `dn` talks to: the first real one besides it, else where the call waits (queue, routing point). */
  otherDn(dn: string): string | undefined {
    const others = this.parties.filter((party) => party.dn !== dn);
    return (others.find(isReal) ?? others[0])?.dn;
  }
}

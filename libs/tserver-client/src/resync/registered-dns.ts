import { type AddressType, type ConnId, type EnumValue, type TMessage, type TMessageName } from '@gws/tlib';

/** Events after which the DN is no longer on the call. */
const LEAVES_CALL: ReadonlySet<TMessageName> = new Set(['EventReleased', 'EventAbandoned', 'EventDiverted']);
/** Events that do not mean the DN is on the call even though they name one. */
const NOT_CALL_STATE: ReadonlySet<TMessageName> = new Set([
  'EventError',
  'EventPartyInfo',
  'EventACK',
  'EventRouteUsed',
]);

interface RegisteredDn {
  readonly addressType: EnumValue<typeof AddressType>;
  readonly calls: Set<ConnId>;
}

/**
 * The DNs this client registered, for re-registration after a reconnect, and the calls seen on each: a ConnID is
 * remembered from the first call event naming the DN and forgotten when the DN leaves the call.
 */
export class RegisteredDns {
  private readonly dns = new Map<string, RegisteredDn>();

  get size(): number {
    return this.dns.size;
  }

  add(dn: string, addressType: EnumValue<typeof AddressType>): void {
    const known = this.dns.get(dn);
    this.dns.set(dn, { addressType, calls: known?.calls ?? new Set() });
  }

  remove(dn: string): void {
    this.dns.delete(dn);
  }

  has(dn: string): boolean {
    return this.dns.has(dn);
  }

  entries(): { dn: string; addressType: EnumValue<typeof AddressType> }[] {
    return [...this.dns].map(([dn, { addressType }]) => ({ dn, addressType }));
  }

  callsOf(dn: string): ConnId[] {
    return [...(this.dns.get(dn)?.calls ?? [])];
  }

  forgetCall(dn: string, connId: ConnId): void {
    this.dns.get(dn)?.calls.delete(connId);
  }

  /** Tracks the ConnIDs of a registered DN from its call events. */
  observe(event: TMessage): void {
    const { ThisDN, ConnID, PreviousConnID } = event.attributes;
    if (ThisDN === undefined || ConnID === undefined || NOT_CALL_STATE.has(event.name)) return;
    const calls = this.dns.get(ThisDN)?.calls;
    if (calls === undefined) return;
    if (LEAVES_CALL.has(event.name)) {
      calls.delete(ConnID);
      return;
    }
    if (event.name === 'EventPartyChanged' && PreviousConnID !== undefined) calls.delete(PreviousConnID);
    calls.add(ConnID);
  }
}

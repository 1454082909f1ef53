import {
  type AddressType,
  type ConnId,
  type EnumValue,
  type RegisterMode,
  type TMessage,
  type TMessageName,
} from '@gws/tlib';

/** Events after which the DN is no longer on the call. */
const LEAVES_CALL: ReadonlySet<TMessageName> = new Set(['EventReleased', 'EventAbandoned', 'EventDiverted']);
/** Events that do not mean the DN is on the call even though they name one. */
const NOT_CALL_STATE: ReadonlySet<TMessageName> = new Set([
  'EventError',
  'EventPartyInfo',
  'EventACK',
  'EventRouteUsed',
]);

/** How a DN was registered: re-sync registers it again the same way. */
export interface DnRegistration {
  readonly dn: string;
  readonly addressType: EnumValue<typeof AddressType>;
  readonly mode: EnumValue<typeof RegisterMode>;
}

interface RegisteredDn {
  readonly addressType: EnumValue<typeof AddressType>;
  readonly mode: EnumValue<typeof RegisterMode>;
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

  /** Registering a DN again replaces its address type and mode; the calls seen on it stay. */
  add(dn: string, addressType: EnumValue<typeof AddressType>, mode: EnumValue<typeof RegisterMode>): void {
    const known = this.dns.get(dn);
    this.dns.set(dn, { addressType, mode, calls: known?.calls ?? new Set() });
  }

  remove(dn: string): void {
    this.dns.delete(dn);
  }

  has(dn: string): boolean {
    return this.dns.has(dn);
  }

  modeOf(dn: string): EnumValue<typeof RegisterMode> | undefined {
    return this.dns.get(dn)?.mode;
  }

  entries(): DnRegistration[] {
    return [...this.dns].map(([dn, { addressType, mode }]) => ({ dn, addressType, mode }));
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

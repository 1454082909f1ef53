import type { DnEntry } from '@gws/directory';
import { ForwardMode, TErrorCode, tmessage } from '@gws/tlib';
import type { SwitchContext } from './switch-context';
import { TServerError } from './tserver-error';

export interface CallForward {
  readonly to: string;
  readonly mode: number;
}

/** Per-DN features a desktop can set: do-not-disturb and call forwarding. */
export interface DnFeatures {
  dnd: boolean;
  forward: CallForward | undefined;
}

/** The DNs of the directory and the features set on them. */
export class DnTable {
  private readonly features = new Map<string, DnFeatures>();

  constructor(private readonly ctx: SwitchContext) {}

  entry(dn: string): DnEntry | undefined {
    return this.ctx.index.dnByNumber.get(dn);
  }

  /** @throws TServerError 59 when the DN is not in the directory */
  require(dn: string): DnEntry {
    const entry = this.entry(dn);
    if (entry === undefined) throw new TServerError(TErrorCode.NotConfigured, `DN ${dn} is not configured`);
    return entry;
  }

  /** A DN a person can use: Extension or ACDPosition. @throws TServerError 59 or 53 */
  requireStation(dn: string): DnEntry {
    const entry = this.require(dn);
    if (!isStation(entry)) {
      throw new TServerError(TErrorCode.InvalidAttribute, `DN ${dn} is a ${entry.type}, not an extension`);
    }
    return entry;
  }

  featuresOf(dn: string): DnFeatures {
    let features = this.features.get(dn);
    if (features === undefined) {
      features = { dnd: false, forward: undefined };
      this.features.set(dn, features);
    }
    return features;
  }

  setDnd(dn: string, on: boolean): void {
    this.requireStation(dn);
    const features = this.featuresOf(dn);
    if (features.dnd === on) {
      throw new TServerError(TErrorCode.InSameState, `DND is already ${on ? 'on' : 'off'} on DN ${dn}`);
    }
    features.dnd = on;
    this.ctx.sink.publish(dn, tmessage(on ? 'EventDNDOn' : 'EventDNDOff', { ThisDN: dn }));
  }

  setForward(dn: string, to: string, mode: number): void {
    this.requireStation(dn);
    if (to === '' || to === dn)
      throw new TServerError(TErrorCode.InvalidCalledDn, `cannot forward DN ${dn} to '${to}'`);
    if (mode === ForwardMode.None) throw new TServerError(TErrorCode.InvalidAttribute, 'ForwardMode None sets nothing');
    const features = this.featuresOf(dn);
    if (features.forward?.to === to && features.forward.mode === mode) {
      throw new TServerError(TErrorCode.InSameState, `DN ${dn} is already forwarded to ${to}`);
    }
    features.forward = { to, mode };
    this.ctx.sink.publish(dn, tmessage('EventForwardSet', { ThisDN: dn, OtherDN: to, ForwardMode: mode }));
  }

  cancelForward(dn: string): void {
    this.requireStation(dn);
    const features = this.featuresOf(dn);
    if (features.forward === undefined) {
      throw new TServerError(TErrorCode.InSameState, `DN ${dn} is not forwarded`);
    }
    features.forward = undefined;
    this.ctx.sink.publish(dn, tmessage('EventForwardCancel', { ThisDN: dn, ForwardMode: ForwardMode.None }));
  }

  /** Where a new call to `dn` goes instead: only unconditional forwarding (and send-all-calls) is simulated. */
  forwardTarget(dn: string): string | undefined {
    const forward = this.features.get(dn)?.forward;
    if (forward === undefined) return undefined;
    return forward.mode === ForwardMode.Unconditional || forward.mode === ForwardMode.SendAllCalls
      ? forward.to
      : undefined;
  }
}

export function isStation(entry: DnEntry): boolean {
  return entry.type === 'Extension' || entry.type === 'ACDPosition';
}

import type { PhoneEvent, EventLog } from './event-log';
import type { CallStats } from './phone-call';
import type { Softphone } from './softphone';

/** `window.softphone`: a read-only view of the phone for tests and diagnostics (the browser's console). */
export interface SoftphoneHook {
  readonly events: PhoneEvent[];
  /** RMS 0..1 of the focused call's remote audio as played; 0 without a call. */
  inboundLevel(): number;
  stats(): Promise<CallStats>;
  readonly registration: string;
  /** "No call", "Ringing", "Connected", "On hold" or "Call ended". */
  readonly callState: string;
}

declare global {
  interface Window {
    softphone?: SoftphoneHook;
  }
}

const NO_CALL_STATS: CallStats = { inboundPackets: 0, outboundPackets: 0, localCandidateType: null, dtlsState: null };

export function installSoftphoneHook(phone: Softphone, log: EventLog): void {
  const hook: SoftphoneHook = {
    get events() {
      return log.all();
    },
    inboundLevel: () => phone.focusedCall?.inboundLevel() ?? 0,
    stats: () => phone.focusedCall?.stats() ?? Promise.resolve(NO_CALL_STATS),
    get registration() {
      return phone.registration;
    },
    get callState() {
      return phone.focusedCall?.state ?? 'No call';
    },
  };
  Object.defineProperty(window, 'softphone', { value: Object.freeze(hook), writable: false, configurable: false });
}

import type { SipLegInfo } from './sip/sip-options';
import type { SwitchSnapshot } from './switch/snapshot';

export type ClientFault = 'drop' | 'stop-addp' | 'corrupt-frame';
export const CLIENT_FAULTS: readonly ClientFault[] = ['drop', 'stop-addp', 'corrupt-frame'];

export interface InjectCallInput {
  readonly ani: string;
  readonly dnis?: string;
  readonly destination: string;
  readonly userData?: Record<string, string | number>;
}

export interface ClientInfo {
  readonly id: string;
  readonly applicationName: string;
  /** The current role of the endpoint the client is connected to. */
  readonly endpoint: 'primary' | 'backup';
  readonly remote: string;
  readonly registeredDns: string[];
}

export interface SimulatorSnapshot extends SwitchSnapshot {
  readonly linkUp: boolean;
  readonly endpoints: { readonly primary: number; readonly backup: number };
  readonly serverStartTime: number;
}

/** The operations the control API and in-process tests drive. */
export interface SimulatorControl {
  injectCall(input: InjectCallInput): { connId: string; callUuid: string };
  externalAnswer(connId: string): void;
  externalHangup(connId: string): void;
  externalSendDtmf(connId: string, digits: string): void;
  setLink(up: boolean): void;
  switchover(): void;
  fault(clientId: string, fault: ClientFault): void;
  clients(): ClientInfo[];
  snapshot(): SimulatorSnapshot;
  /** The SIP side's call legs, live then recently ended; empty without a SIP side. */
  sipLegs(): SipLegInfo[];
}

import { otherParty, parseCall, type Call } from './call';
import type { NotReadyReason } from './agent-states';
import { parseDevice, sameUserState, stateLabel, type Device, type UserState } from './device';
import { asArray, asString } from './json';

/** A call that ended after the agent talked on it: what the wrap-up shows. */
export interface EndedCall {
  readonly call: Call;
  readonly endedAt: number;
}

/** A CometD ErrorMessage as the agent reads it. */
export interface OperationError {
  readonly operationName: string;
  readonly text: string;
}

export interface StateListener {
  /** Something changed: redraw. */
  changed(): void;
  /** A change worth saying aloud (the ARIA live region). */
  announce(text: string): void;
  /** A call the agent talked on was released. */
  callEnded(ended: EndedCall): void;
}

/**
 * What the desktop knows about the agent: the device (agent state, DND, forwarding), the live calls, errors by
 * call, and when the current state began. Filled from a REST snapshot and kept current by CometD messages, which
 * are whole descriptions (docs/notifications.md): each replaces the one before.
 */
export class DesktopState {
  device: Device | undefined;
  reasons: readonly NotReadyReason[] = [];
  /** When the agent's current state began, as this page saw it (GWS does not say). */
  stateSince = Date.now();
  stateError: OperationError | undefined;
  dialError: OperationError | undefined;
  private readonly callMap = new Map<string, Call>();
  private readonly errors = new Map<string, OperationError>();
  /** Calls that were Established at some point: their release starts a wrap-up. */
  private readonly talked = new Set<string>();
  /** Ids a message changed while a snapshot was being read: the snapshot is older for those. */
  private touched: Set<string> | undefined;

  constructor(private readonly listener: StateListener) {}

  get calls(): readonly Call[] {
    return [...this.callMap.values()];
  }

  call(id: string): Call | undefined {
    return this.callMap.get(id);
  }

  errorOf(callId: string): OperationError | undefined {
    return this.errors.get(callId);
  }

  clearError(callId: string): void {
    if (this.errors.delete(callId)) this.listener.changed();
  }

  /** A REST refusal of an operation on a call, shown next to it like an ErrorMessage. */
  callFailed(callId: string, operationName: string, text: string): void {
    this.errors.set(callId, { operationName, text: `${operationName} failed: ${text}` });
    this.listener.announce(`${operationName} failed: ${text}`);
    this.listener.changed();
  }

  stateFailed(operationName: string, text: string): void {
    this.stateError = { operationName, text: `${operationName} failed: ${text}` };
    this.listener.announce(this.stateError.text);
    this.listener.changed();
  }

  dialFailed(text: string): void {
    this.dialError = { operationName: 'Dial', text: `Dial failed: ${text}` };
    this.listener.announce(this.dialError.text);
    this.listener.changed();
  }

  /** Marks the start of a REST read; messages that arrive before it is applied win over it. */
  beginSnapshot(): void {
    this.touched = new Set();
  }

  /** Applies a REST read (`/me?subresources=*` or `/me/calls`), except what messages changed since it began. */
  applySnapshot(devices: readonly Device[] | undefined, calls: readonly Call[]): void {
    const touched = this.touched ?? new Set<string>();
    this.touched = undefined;
    const device = devices?.[0];
    if (device !== undefined && !touched.has(device.id)) this.setDevice(device);
    if (devices !== undefined && devices.length === 0) this.device = undefined;
    const listed = new Set(calls.map((call) => call.id));
    for (const id of [...this.callMap.keys()]) {
      if (!listed.has(id) && !touched.has(id)) this.forget(id);
    }
    for (const call of calls) if (!touched.has(call.id)) this.setCall(call, false);
    this.listener.changed();
  }

  /** Forgets everything (logout). */
  clear(): void {
    this.device = undefined;
    this.callMap.clear();
    this.errors.clear();
    this.talked.clear();
    this.stateError = undefined;
    this.dialError = undefined;
  }

  /** One CometD message on a `/v2/me/...` topic. */
  message(topic: string, data: Readonly<Record<string, unknown>>): void {
    const type = data['messageType'];
    if (type === 'ErrorMessage') this.errorMessage(topic, data);
    else if (type === 'DeviceStateChangeMessage') {
      for (const value of asArray(data['devices'])) {
        const device = parseDevice(value);
        if (device === undefined) continue;
        this.touched?.add(device.id);
        this.setDevice(device);
      }
    } else if (type === 'CallStateChangeMessage') {
      const call = parseCall(data['call'], Date.now());
      if (call === undefined) return;
      this.touched?.add(call.id);
      if (call.state === 'Released') this.released(call);
      else this.setCall(call, true);
    } else return;
    this.listener.changed();
  }

  private setDevice(device: Device): void {
    const previous = this.device;
    const before: UserState | undefined = previous?.userState;
    this.device = device;
    if (before === undefined || !sameUserState(before, device.userState)) {
      this.stateSince = Date.now();
      this.stateError = undefined;
      if (before !== undefined) this.listener.announce(`Your state is ${stateLabel(device.userState)}`);
    }
    if (previous === undefined) return;
    if (previous.doNotDisturb !== device.doNotDisturb)
      this.listener.announce(`Do not disturb is ${device.doNotDisturb ? 'on' : 'off'}`);
    if (previous.forwardTo !== device.forwardTo)
      this.listener.announce(
        device.forwardTo === undefined ? 'Calls are no longer forwarded' : `Calls are forwarded to ${device.forwardTo}`,
      );
  }

  private setCall(call: Call, announce: boolean): void {
    const before = this.callMap.get(call.id);
    this.callMap.set(call.id, call);
    if (call.state === 'Established') this.talked.add(call.id);
    if (before?.state !== call.state) {
      if (before !== undefined && call.state !== before.state) this.errors.delete(call.id);
      if (announce) this.listener.announce(announcement(call));
    }
  }

  private released(call: Call): void {
    const known = this.callMap.get(call.id);
    const talked = this.talked.has(call.id);
    this.forget(call.id);
    if (known === undefined) return;
    this.listener.announce(`Call with ${otherParty(known)} ended`);
    // The description before the release still has the user data and the other party.
    if (talked) this.listener.callEnded({ call: known, endedAt: Date.now() });
  }

  private forget(id: string): void {
    this.callMap.delete(id);
    this.errors.delete(id);
    this.talked.delete(id);
  }

  private errorMessage(topic: string, data: Readonly<Record<string, unknown>>): void {
    const error: OperationError = {
      operationName: asString(data['operationName'], 'Operation'),
      text: `${asString(data['operationName'], 'The operation')} failed: ${asString(data['errorMessage'], 'error')} (${asString(data['errorCode'], '?')})`,
    };
    const uri = asString(data['resourceUri']);
    if (topic === '/v2/me/calls') {
      const call = this.calls.find((candidate) => candidate.uri === uri || uri.endsWith(`/calls/${candidate.id}`));
      if (call !== undefined) this.errors.set(call.id, error);
      else this.dialError = error;
    } else this.stateError = error;
    this.listener.announce(error.text);
    this.listener.changed();
  }
}

function announcement(call: Call): string {
  const party = otherParty(call);
  switch (call.state) {
    case 'Ringing':
      return `${call.callType === 'Consult' ? 'Consultation' : 'Call'} from ${party} is ringing`;
    case 'Dialing':
      return `Dialling ${party}`;
    case 'Established':
      return `Connected with ${party}`;
    case 'Held':
      return `Call with ${party} on hold`;
    default:
      return `Call with ${party} ${call.state}`;
  }
}
